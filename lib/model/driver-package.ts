/** A driver package (PackageType 3) and the drivers (`SMS_Driver`) it carries. */
import { Type, type Static } from '@sinclair/typebox';
import { packageIdentityFields, sourceFields } from './package-common';

export const DriverSchema = Type.Object(
  {
    infFile: Type.String({ minLength: 1, maxLength: 255, pattern: '\\.[iI][nN][fF]$', description: 'The driver\'s INF file, relative to the package source.' }),
    driverClass: Type.String({ minLength: 1, maxLength: 64, description: 'Device class (e.g. `SCSIAdapter`, `Net`).' }),
    version: Type.Optional(Type.String({ maxLength: 32, description: 'Driver version.' })),
    signed: Type.Optional(Type.Boolean({ default: true, description: 'Whether the driver is signed.' })),
    bootCritical: Type.Optional(
      Type.Boolean({ default: false, description: 'Needed to boot (storage, network): it must also be in the boot image.' }),
    ),
  },
  { additionalProperties: false },
);

export const DriverPackageSchema = Type.Object(
  {
    ...packageIdentityFields,
    ...sourceFields,
    drivers: Type.Array(DriverSchema, { minItems: 1, maxItems: 500, description: 'Drivers in the package.' }),
  },
  { additionalProperties: false, description: 'A package of device drivers.' },
);
export type DriverPackage = Static<typeof DriverPackageSchema>;
