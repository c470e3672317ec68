/**
 * Image steps: Apply Operating System, Apply Data Image, Setup Windows and ConfigMgr, Install
 * Deployment Tools, Prepare ConfigMgr Client for Capture, Prepare Windows for Capture, Capture
 * Operating System Image. STEP-CATALOGUE.md §2.5.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, reference, secret } from '../annotations';
import { action } from './define';

/** Where Apply Operating System and Apply Data Image write: the same four properties, arguments 6–9 of both. */
export const DESTINATION_NEEDS = { diskAndPartition: ['diskIndex', 'partitionIndex'], logicalDrive: ['logicalDrive'], variable: ['variable'] } as const;

const destinationFields = (what: string) => ({
  destination: Type.Optional(
    cm(
      oneOf(['nextAvailablePartition', 'diskAndPartition', 'logicalDrive', 'variable'], {
        default: 'nextAvailablePartition',
        description: `Where the ${what} goes: the next partition no earlier step has used, a disk and partition, a drive letter, or a variable holding one.`,
      }),
      { modelOnly: 'implied', how: 'by which of DestinationDisk + DestinationPartition, DestinationLogicalDrive and DestinationVariable is set (none: the next available partition)' },
    ),
  ),
  diskIndex: Type.Optional(cm(Type.Integer({ minimum: 0, maximum: 99, description: 'Disk (0–99), for `diskAndPartition`.' }), { property: 'DestinationDisk', argument: 6 })),
  partitionIndex: Type.Optional(
    cm(Type.Integer({ minimum: 1, maximum: 99, description: 'Partition (1–99), for `diskAndPartition`.' }), { property: 'DestinationPartition', argument: 7 }),
  ),
  logicalDrive: Type.Optional(
    cm(Type.String({ pattern: '^[C-Zc-z]:$', description: 'Drive letter as Windows PE assigns it, for `logicalDrive`.' }), { property: 'DestinationLogicalDrive', argument: 8 }),
  ),
  variable: Type.Optional(
    cm(Type.String({ minLength: 1, maxLength: 255, description: 'Variable holding the drive (`C:`) or disk and partition (`0,1`), for `variable`.' }), {
      property: 'DestinationVariable',
      argument: 9,
    }),
  ),
});

const imageIndex = (variable: string) =>
  Type.Optional(
    cm(Type.Integer({ minimum: 1, maximum: 2147483647, default: 1, description: 'Index of the image in the `.wim`.' }), { property: 'ImageIndex', variable }),
  );

export const applyOperatingSystem = action(
  {
    type: 'SMS_TaskSequence_ApplyOperatingSystemAction',
    action:
      'OSDApplyOS.exe<?1: /image:%1,%%OSDImageIndex%%><?3: /install:%3,%%OSDInstallEditionIndex%%><?4: "/config:%4,%%OSDConfigFileName%%"><?6: /target:%6,%7><?8: /target:%8><?9: /target:%%%9%%>',
    runIn: 'WinPE',
  },
  'Apply Operating System (Windows PE): an image, or an edition of an install package.',
  {
    imagePackageId: Type.Optional(cm(reference('osImage', 'The OS image to apply.'), { property: 'ImagePackageID', argument: 1 })),
    imageIndex: imageIndex('OSDImageIndex'),
    installPackageId: Type.Optional(
      cm(reference('osInstallPackage', 'The OS install package to install from, instead of an image.'), { property: 'InstallPackageID', argument: 3 }),
    ),
    editionIndex: Type.Optional(
      cm(Type.Integer({ minimum: 0, maximum: 2147483647, description: 'Edition to install from the install package.' }), {
        property: 'InstallEditionIndex',
        variable: 'OSDInstallEditionIndex',
      }),
    ),
    configFilePackageId: Type.Optional(
      cm(reference('package', 'Package holding an answer file (`unattend.xml`, `sysprep.inf`) to use instead of the one ConfigMgr writes.'), {
        property: 'ConfigFilePackage',
        argument: 4,
      }),
    ),
    configFileName: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: 'The answer file in `configFilePackageId`; it may name variables (`%OSDComputerName%`).' }), {
        property: 'ConfigFileName',
        variable: 'OSDConfigFileName',
      }),
    ),
    ...destinationFields('operating system'),
    runFromNetwork: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Apply the image straight from the distribution point share instead of downloading it first (ConfigMgr 2012 SP1 and later).' }), {
        property: 'RunFromNet',
        argument: 10,
        attribute: 'runFromNet',
      }),
    ),
  },
  { exactlyOneOf: ['imagePackageId', 'installPackageId'] },
);

export const applyDataImage = action(
  {
    type: 'SMS_TaskSequence_ApplyDataImageAction',
    action: 'OSDApplyOS.exe /data:%1,%%OSDDataImageIndex%% <?6: /target:%6,%7><?8: /target:%8><?9: /target:%%%9%%>',
    runIn: 'WinPE',
  },
  'Apply Data Image (Windows PE): copies an image to a partition as data, not as an operating system.',
  {
    imagePackageId: cm(reference('osImage', 'The image to copy.'), { property: 'ImagePackageID', argument: 1 }),
    imageIndex: imageIndex('OSDDataImageIndex'),
    ...destinationFields('image'),
    wipePartition: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Delete what the partition holds first.' }), {
        property: 'WipeDestinationPartition',
        variable: 'OSDWipeDestinationPartition',
      }),
    ),
  },
);

export const setupWindowsAndConfigMgr = action(
  { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction', action: 'OSDSetupWindows.exe', runIn: 'WinPEandFullOS' },
  'Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client (R3); the sequence goes on in the new Windows.',
  {
    clientPackageId: cm(reference('package', 'The ConfigMgr client installation package (role `client`, R3).', 'client'), {
      property: 'ClientPackageID',
      variable: '_SMSClientPackageID',
    }),
    installationProperties: Type.Optional(
      cm(
        Type.String({
          maxLength: 1024,
          rule: 'R3',
          description: 'CCMSetup switches, then `PROPERTY=value` pairs (`SMSSITECODE=CM1 FSP=fsp01`); quote values with spaces (R3).',
        }),
        { property: 'ClientInstallProperties', variable: 'SMSClientInstallProperties' },
      ),
    ),
    preProductionClientPackageId: Type.Optional(
      cm(reference('package', 'A pre-production client package (role `client`), for computers in the pre-production collection (a later ConfigMgr addition).', 'client'), {
        property: 'ClientPreProductionPackageID',
        variable: '_SMSClientPreProductionPackageID',
      }),
    ),
  },
);

export const installDeploymentTools = action(
  { type: 'SMS_TaskSequence_InstallDeployToolsAction', action: 'osdprepareos.exe /install:%1', runIn: 'FullOS' },
  'Install Deployment Tools (full OS): installs Sysprep and the deployment tools from a package, before Prepare Windows for Capture.',
  {
    sysprepPackageId: cm(reference('package', 'Package holding Sysprep and the deployment tools for the operating system.'), { property: 'SysprepPackageID', argument: 1 }),
  },
);

export const prepareConfigMgrClientForCapture = action(
  { type: 'SMS_TaskSequence_PrepareSMSClientAction', action: 'osdpreparesmsclient.exe', runIn: 'FullOS', variablePrefix: 'OSD' },
  'Prepare ConfigMgr Client for Capture (full OS): removes the ConfigMgr client from the reference computer before capture.',
  {},
);

export const prepareWindowsForCapture = action(
  { type: 'SMS_TaskSequence_PrepareOSAction', action: 'osdprepareos.exe /activate:%%OSDKeepActivation%% /bmsd:%%OSDBuildStorageDriverList%%', runIn: 'FullOS' },
  "Prepare Windows for Capture (full OS): Sysprep, then a restart into the task sequence's boot image (Windows PE) for Capture Operating System Image.",
  {
    buildMassStorageDriverList: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Build the mass storage driver list in sysprep.inf (Windows XP and Server 2003 only).' }), {
        property: 'BuildStorageDriverList',
        variable: 'OSDBuildStorageDriverList',
      }),
    ),
    keepActivation: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Do not reset the activation flag.' }), { property: 'KeepActivation', variable: 'OSDKeepActivation' }),
    ),
    shutdown: Type.Optional(
      // No VariableName qualifier and no prefix on the class: the property name itself (§1.4 rule; no variable list confirms it).
      cm(Type.Boolean({ default: false, description: 'Shut the computer down after Sysprep instead of restarting it (a later ConfigMgr addition).' }), {
        property: 'ShutdownPreparedOs',
        variable: 'ShutdownPreparedOs',
      }),
    ),
  },
);

export const captureOperatingSystemImage = action(
  { type: 'SMS_TaskSequence_CaptureSystemImageAction', action: 'osdcapturesystemimage.exe', runIn: 'WinPE', variablePrefix: 'OSD' },
  'Capture Operating System Image (Windows PE): writes the reference computer to a `.wim` on a share, the end of a build-and-capture sequence.',
  {
    destination: cm(Type.String({ minLength: 1, maxLength: 255, pattern: '\\.[wW][iI][mM]$', description: 'UNC path of the `.wim` to write (overwritten if present).' }), {
      property: 'CaptureDestination',
      variable: 'OSDCaptureDestination',
    }),
    description: Type.Optional(
      cm(Type.String({ maxLength: 255, description: 'Image description.' }), { property: 'ImageDescription', variable: 'OSDImageDescription' }),
    ),
    version: Type.Optional(cm(Type.String({ maxLength: 32, description: 'Image version.' }), { property: 'ImageVersion', variable: 'OSDImageVersion' })),
    createdBy: Type.Optional(
      cm(Type.String({ maxLength: 255, description: 'Author recorded in the image.' }), { property: 'ImageCreator', variable: 'OSDImageCreator' }),
    ),
    captureAccount: cm(Type.String({ minLength: 1, maxLength: 255, description: 'Account that writes to the destination share.' }), {
      property: 'CaptureUsername',
      variable: 'OSDCaptureAccount',
    }),
    capturePassword: cm(secret({ description: 'Password of the capture account.' }), { property: 'CapturePassword', variable: 'OSDCaptureAccountPassword' }),
  },
);
