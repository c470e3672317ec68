/** Driver steps: Auto Apply Drivers and Apply Driver Package. STEP-CATALOGUE.md §2.6. */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, reference } from '../annotations';
import { action } from './define';

const allowUnsigned = Type.Optional(
  cm(Type.Boolean({ default: false, description: 'Install unsigned drivers where Windows allows it (deprecated by ConfigMgr).' }), {
    property: 'UnsignedDriver',
    variable: 'OSDAllowUnsignedDriver',
  }),
);

export const autoApplyDrivers = action(
  {
    type: 'SMS_TaskSequence_AutoApplyAction',
    action: 'osddriverclient.exe /auto /bestmatch:%%OSDAutoApplyDriverBestMatch%% /unsigned:%%OSDAllowUnsignedDriver%%',
    runIn: 'WinPE',
    variablePrefix: 'OSDAutoApplyDriver',
  },
  'Auto Apply Drivers (Windows PE): the drivers of the driver catalog that match the hardware (not from stand-alone media).',
  {
    bestMatchOnly: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Install only the best driver for each device, not every compatible one.' }), {
        property: 'BestMatch',
        variable: 'OSDAutoApplyDriverBestMatch',
      }),
    ),
    categories: Type.Optional(
      cm(
        Type.Array(Type.String({ minLength: 1, maxLength: 255, pattern: '^[^,]+$' }), {
          maxItems: 100,
          description: 'Only drivers in these categories (their unique IDs, `SMS_CategoryInstance`); any one of them matches. Unset: every driver.',
        }),
        { property: 'CategoryList', variable: 'OSDAutoApplyDriverCategoryList', list: ',' },
      ),
    ),
    allowUnsigned,
  },
);

export const applyDriverPackage = action(
  {
    type: 'SMS_TaskSequence_ApplyDriverPackageAction',
    action:
      'osddriverclient.exe /install:%1 <?2:"/bootcritical:%%OSDApplyDriverBootCriticalContentUniqueID%%,%%OSDApplyDriverBootCriticalINFFile%%,%%OSDApplyDriverBootCriticalHardwareComponent%%,%%OSDApplyDriverBootCriticalID%%">/unsigned:%%OSDAllowUnsignedDriver%%',
    runIn: 'WinPE',
    variablePrefix: 'OSDApplyDriver',
  },
  'Apply Driver Package (Windows PE): every driver of a driver package, for Windows to use.',
  {
    driverPackageId: cm(reference('driverPackage', 'The driver package to apply.'), { property: 'DriverPackageID', argument: 1 }),
    allowUnsigned,
    recurse: Type.Optional(
      cm(Type.Boolean({ default: false, description: "Install with one DISM `/recurse` over the package's folder (a later ConfigMgr addition)." }), {
        property: 'Recurse',
        variable: 'OSDApplyDriverRecurse',
      }),
    ),
    bootCriticalDriverId: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: 'For Windows before Vista: the mass storage driver to install before setup (`SMS_Driver.CI_UniqueID`).' }), {
        property: 'BootCriticalDriverID',
        argument: 2,
      }),
    ),
    bootCriticalContentId: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: "With `bootCriticalDriverId`: the driver's content ID (`SMS_CIToContent`)." }), {
        property: 'BootCriticalContentUniqueID',
        variable: 'OSDApplyDriverBootCriticalContentUniqueID',
      }),
    ),
    bootCriticalInfFile: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: "With `bootCriticalDriverId`: the driver's INF file." }), {
        property: 'BootCriticalINFFile',
        variable: 'OSDApplyDriverBootCriticalINFFile',
      }),
    ),
    bootCriticalHardwareComponent: Type.Optional(
      cm(oneOf(['scsi'], { description: 'With `bootCriticalDriverId`: the kind of device (always `scsi`).' }), {
        property: 'BootCriticalHardwareComponent',
        variable: 'OSDApplyDriverBootCriticalHardwareComponent',
      }),
    ),
    bootCriticalModel: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: 'With `bootCriticalDriverId`: the device, as the `scsi` section of txtsetup.oem names it.' }), {
        property: 'BootCriticalID',
        variable: 'OSDApplyDriverBootCriticalID',
      }),
    ),
  },
);
