/**
 * An operating system install package (PackageType 259): the Windows setup files, from which
 * Apply Operating System installs an edition instead of applying a captured image.
 */
import { Type, type Static } from '@sinclair/typebox';
import { packageIdentityFields, sourceFields } from './package-common';
import { ImageIndexSchema } from './os-image';

export const OsInstallPackageSchema = Type.Object(
  {
    ...packageIdentityFields,
    ...sourceFields,
    editions: Type.Optional(Type.Array(ImageIndexSchema, { maxItems: 64, description: 'The editions the setup files can install, by index.' })),
  },
  { additionalProperties: false, description: 'Operating system setup files.' },
);
export type OsInstallPackage = Static<typeof OsInstallPackageSchema>;
