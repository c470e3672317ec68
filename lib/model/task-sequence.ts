/**
 * A task sequence (`SMS_TaskSequencePackage`, PackageType 4): the ordered steps that deploy an
 * operating system.
 *
 * ConfigMgr stores the steps as a tree of groups. Here they are one ordered list in which a group
 * is a step of its own and every step may name the group it belongs to (`inGroup`). The list is the
 * tree in document order, so the same shape serves the API, Terraform (where a plan then names the
 * one step that changed, `steps[4].run_command_line.command_line`) and the constructs.
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { displayName, oneOf, reference, secret, type ModelKeywords } from './annotations';
import { packageIdentityFields } from './package-common';

// ---- conditions -------------------------------------------------------------------------------

const VARIABLE_OPERATORS = ['exists', 'equals', 'notEquals', 'greater', 'greaterEqual', 'less', 'lessEqual'] as const;

export const ConditionSchema = Type.Object(
  {
    match: Type.Optional(oneOf(['all', 'any'], { default: 'all', description: 'Whether all tests must hold, or any one.' })),
    variables: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 255, description: 'Task sequence variable (e.g. `_SMSTSInWinPE`).' }),
            operator: oneOf(VARIABLE_OPERATORS, { description: 'How the value is compared.' }),
            value: Type.Optional(Type.String({ maxLength: 255, description: 'Value to compare with (not for `exists`).' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'Task sequence variable tests.' },
      ),
    ),
    wmiQueries: Type.Optional(
      Type.Array(
        Type.Object(
          {
            namespace: Type.Optional(Type.String({ minLength: 1, maxLength: 255, default: 'root\\cimv2', description: 'WMI namespace.' })),
            query: Type.String({
              minLength: 1,
              maxLength: 1024,
              description: "WQL query that holds when it returns a row (e.g. `SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'`).",
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'WMI query tests, e.g. on the computer model.' },
      ),
    ),
    registry: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 255, description: 'Registry key (e.g. `HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor`).' }),
            valueName: Type.Optional(Type.String({ maxLength: 255, description: 'Value name; empty for the default value.' })),
            operator: oneOf(['exists', 'notExists', 'equals', 'notEquals'], { description: 'How the value is tested.' }),
            value: Type.Optional(Type.String({ maxLength: 255, description: 'Data to compare with.' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'Registry tests.' },
      ),
    ),
    software: Type.Optional(
      Type.Array(
        Type.Object(
          {
            productCode: Type.String({ pattern: '^\\{[0-9A-Fa-f-]{36}\\}$', description: 'Windows Installer product code.' }),
            anyVersion: Type.Optional(Type.Boolean({ default: true, description: 'Match any version of the product (upgrade code), not only this one.' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'Installed-software tests.' },
      ),
    ),
    operatingSystems: Type.Optional(
      Type.Array(
        Type.Object(
          {
            architecture: oneOf(['x86', 'x64'], { description: 'Processor architecture.' }),
            version: Type.Optional(Type.String({ maxLength: 32, description: 'Operating system version (e.g. `6.1`).' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'Operating system tests.' },
      ),
    ),
  },
  { additionalProperties: false, description: 'When the step runs. Without a condition it always runs.' },
);
export type Condition = Static<typeof ConditionSchema>;

// ---- actions ------------------------------------------------------------------------------------

const obj = <P extends TProperties>(properties: P, description: string, exactlyOneOf?: string[], referencesBy?: ModelKeywords['referencesBy']) =>
  Type.Object(properties, { additionalProperties: false, description, ...(exactlyOneOf ? { exactlyOneOf } : {}), ...(referencesBy ? { referencesBy } : {}) });

const usmtCommon = {
  usmtPackageId: reference('package', 'The USMT package (role `usmt`) whose tools run (R5).', 'usmt'),
  mode: Type.Optional(oneOf(['simple', 'advanced'], { default: 'simple', description: 'Simple uses the standard rule files; advanced names them.' })),
  configFiles: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 20, description: 'Rule files to use in advanced mode.' }),
  ),
  continueOnLockedFiles: Type.Optional(Type.Boolean({ default: false, description: 'Go on when a file cannot be read.' })),
  verboseLogging: Type.Optional(Type.Boolean({ default: false, description: 'Verbose USMT logs.' })),
};

/** The hardware a hardware step configures (R6). */
export const HARDWARE_KINDS = ['bios', 'raid', 'bmc'] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

export const ACTIONS = {
  group: obj({}, 'A group of steps: the steps that name it in `inGroup` follow it.'),
  applyOperatingSystem: obj(
    {
      imagePackageId: Type.Optional(reference('osImage', 'The OS image to apply.')),
      imageIndex: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, default: 1, description: 'Index of the image in the `.wim`.' })),
      installPackageId: Type.Optional(reference('osInstallPackage', 'The OS install package to install from, instead of an image.')),
      editionIndex: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, description: 'Edition to install from the install package.' })),
      destination: Type.Optional(
        oneOf(['nextAvailablePartition', 'diskAndPartition', 'logicalDrive', 'variable'], {
          default: 'nextAvailablePartition',
          description: 'Where the operating system goes.',
        }),
      ),
      diskIndex: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, description: 'Disk, for `diskAndPartition`.' })),
      partitionIndex: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'Partition, for `diskAndPartition`.' })),
      logicalDrive: Type.Optional(Type.String({ pattern: '^[C-Zc-z]:$', description: 'Drive letter, for `logicalDrive`.' })),
      variable: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Variable holding the drive, for `variable`.' })),
    },
    'Apply Operating System (Windows PE): an image, or an edition of an install package.',
    ['imagePackageId', 'installPackageId'],
  ),
  setupWindowsAndConfigMgr: obj(
    {
      clientPackageId: reference('package', 'The ConfigMgr client installation package (role `client`, R3).', 'client'),
      installationProperties: Type.Optional(
        Type.String({
          maxLength: 1024,
          rule: 'R3',
          description: 'CCMSetup switches, then `PROPERTY=value` pairs (`SMSSITECODE=CM1 FSP=fsp01`); quote values with spaces (R3).',
        }),
      ),
    },
    'Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client (R3).',
  ),
  runCommandLine: obj(
    {
      commandLine: Type.String({ minLength: 1, maxLength: 32000, description: 'The command line.' }),
      packageId: Type.Optional(reference('package', 'Package whose content the command uses.')),
      workingDirectory: Type.Optional(Type.String({ maxLength: 255, description: 'Working directory.' })),
      successCodes: Type.Optional(
        Type.Array(Type.Integer({ minimum: -2147483648, maximum: 4294967295 }), {
          minItems: 1,
          maxItems: 32,
          default: [0, 3010],
          description: 'Exit codes that mean success.',
        }),
      ),
      disable64BitRedirection: Type.Optional(Type.Boolean({ default: false, description: 'Turn off 64-bit file system redirection.' })),
      timeoutMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Stop the command after this many minutes.' })),
      hardware: Type.Optional(
        oneOf(HARDWARE_KINDS, {
          rule: 'R6',
          description:
            'Marks a server hardware step (flash the BIOS, configure RAID or the management controller): it runs in Windows PE before the disk is partitioned and the OS applied, with tools from a `tools` package or the boot image (R6).',
        }),
      ),
    },
    'Run Command Line.',
  ),
  installSoftware: obj(
    {
      packageId: Type.Optional(reference('package', 'Package of the program to install.')),
      programName: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Program to run. It may not run another program first (R1).' })),
      baseVariableName: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, description: 'Install a dynamic list of programs from variables `<base>001`, `<base>002`, …' }),
      ),
    },
    'Install Software (full OS): one program, or a list given by variables.',
    ['packageId', 'baseVariableName'],
    { kind: 'program', fields: { packageId: 'packageId', name: 'programName' }, at: 'programName' },
  ),
  captureUserState: obj(
    { ...usmtCommon, skipEncryptedFiles: Type.Optional(Type.Boolean({ default: false, description: 'Skip encrypted files.' })) },
    'Capture User State: USMT `scanstate` into the state store (R5).',
  ),
  restoreUserState: obj(
    {
      ...usmtCommon,
      restoreLocalAccounts: Type.Optional(Type.Boolean({ default: false, description: 'Restore local computer user accounts too.' })),
      localAccountPassword: Type.Optional(secret({ description: 'Password given to restored local accounts.' })),
    },
    'Restore User State: USMT `loadstate` from the state store (R5).',
  ),
  requestStateStore: obj(
    {
      purpose: oneOf(['capture', 'restore'], { description: 'Whether the state is to be captured or restored.' }),
      retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 3, description: 'How often to retry.' })),
      retryDelaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, default: 60, description: 'Seconds between tries.' })),
    },
    'Request State Store: a state migration point.',
  ),
  releaseStateStore: obj({}, 'Release State Store.'),
  partitionDisk: obj(
    {
      diskIndex: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, default: 0, description: 'Disk number.' })),
      style: Type.Optional(oneOf(['mbr', 'gpt'], { default: 'mbr', description: 'Partition table style.' })),
      partitions: Type.Array(
        Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 64, description: 'Partition name.' })),
            type: Type.Optional(
              oneOf(['primary', 'extended', 'logical', 'efi', 'msr', 'recovery'], { default: 'primary', description: 'Partition type.' }),
            ),
            fileSystem: Type.Optional(oneOf(['ntfs', 'fat32'], { default: 'ntfs', description: 'File system.' })),
            size: Type.Integer({ minimum: 1, maximum: 67108864, description: 'Size, in `sizeUnit`.' }),
            sizeUnit: Type.Optional(oneOf(['percent', 'MB', 'GB'], { default: 'percent', description: 'Unit of `size`.' })),
            bootable: Type.Optional(Type.Boolean({ default: false, description: 'Make the partition bootable.' })),
            quickFormat: Type.Optional(Type.Boolean({ default: true, description: 'Quick format.' })),
            letterVariable: Type.Optional(Type.String({ maxLength: 255, description: 'Variable that receives the drive letter.' })),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 32, description: 'Partitions, in order.' },
      ),
    },
    'Partition Disk (Windows PE).',
  ),
  applyDriverPackage: obj(
    {
      driverPackageId: reference('driverPackage', 'The driver package to apply.'),
      allowUnsigned: Type.Optional(Type.Boolean({ default: false, description: 'Allow unsigned drivers.' })),
    },
    'Apply Driver Package (Windows PE).',
  ),
  applyWindowsSettings: obj(
    {
      registeredUser: Type.String({ minLength: 1, maxLength: 255, description: 'Registered user name.' }),
      registeredOrganization: Type.String({ minLength: 1, maxLength: 255, description: 'Registered organisation.' }),
      productKey: Type.Optional(secret({ description: 'Product key.' })),
      timeZone: Type.Optional(Type.String({ maxLength: 255, description: 'Time zone name.' })),
      computerName: Type.Optional(Type.String({ maxLength: 15, description: 'Computer name (≤ 15 characters).' })),
      randomLocalAdminPassword: Type.Optional(
        Type.Boolean({ default: true, description: 'Give the local administrator a random password (and disable the account).' }),
      ),
      localAdminPassword: Type.Optional(secret({ description: 'Local administrator password, when not random.' })),
    },
    'Apply Windows Settings.',
  ),
  applyNetworkSettings: obj(
    {
      joinType: Type.Optional(oneOf(['workgroup', 'domain'], { default: 'workgroup', description: 'Join a workgroup or a domain.' })),
      workgroup: Type.Optional(Type.String({ maxLength: 15, description: 'Workgroup name.' })),
      domain: Type.Optional(Type.String({ maxLength: 255, description: 'Domain to join.' })),
      domainOu: Type.Optional(Type.String({ maxLength: 1024, description: 'LDAP path of the OU (`LDAP://OU=…`).' })),
      joinAccount: Type.Optional(Type.String({ maxLength: 255, description: 'Account that joins the domain (`DOMAIN\\user`).' })),
      joinPassword: Type.Optional(secret({ description: 'Password of the join account.' })),
    },
    'Apply Network Settings.',
  ),
  prepareWindowsForCapture: obj(
    {
      buildMassStorageDriverList: Type.Optional(Type.Boolean({ default: false, description: 'Build the mass storage driver list.' })),
      keepActivation: Type.Optional(Type.Boolean({ default: false, description: 'Do not reset activation.' })),
    },
    'Prepare Windows for Capture (Sysprep).',
  ),
  captureOperatingSystemImage: obj(
    {
      destination: Type.String({ minLength: 1, maxLength: 255, pattern: '\\.[wW][iI][mM]$', description: 'UNC path of the `.wim` to write.' }),
      description: Type.Optional(Type.String({ maxLength: 255, description: 'Image description.' })),
      version: Type.Optional(Type.String({ maxLength: 32, description: 'Image version.' })),
      createdBy: Type.Optional(Type.String({ maxLength: 255, description: 'Author recorded in the image.' })),
      captureAccount: Type.String({ minLength: 1, maxLength: 255, description: 'Account that writes to the destination share.' }),
      capturePassword: secret({ description: 'Password of the capture account.' }),
    },
    'Capture Operating System Image: the end of a build-and-capture sequence.',
  ),
};
export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** Where each action may run; `any` follows from its place in the sequence. */
export const ACTION_ENVIRONMENT: Record<ActionName, 'winpe' | 'fullOs' | 'any'> = {
  group: 'any',
  applyOperatingSystem: 'winpe',
  setupWindowsAndConfigMgr: 'winpe',
  runCommandLine: 'any',
  installSoftware: 'fullOs',
  captureUserState: 'fullOs',
  restoreUserState: 'fullOs',
  requestStateStore: 'any',
  releaseStateStore: 'any',
  partitionDisk: 'winpe',
  applyDriverPackage: 'winpe',
  applyWindowsSettings: 'winpe',
  applyNetworkSettings: 'winpe',
  prepareWindowsForCapture: 'fullOs',
  captureOperatingSystemImage: 'winpe',
};

// ---- steps --------------------------------------------------------------------------------------

export const StepSchema = Type.Object(
  {
    name: displayName(100, 'Step or group name (1–100 characters).'),
    description: Type.Optional(Type.String({ maxLength: 255, description: 'Description (≤ 255 characters).' })),
    enabled: Type.Optional(Type.Boolean({ default: true, description: 'A disabled step is skipped.' })),
    continueOnError: Type.Optional(Type.Boolean({ default: false, description: 'Go on with the sequence when the step fails.' })),
    inGroup: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Name of the group the step belongs to; the group must come earlier in the list.' }),
    ),
    condition: Type.Optional(ConditionSchema),
    ...Object.fromEntries(ACTION_NAMES.map((name) => [name, Type.Optional(ACTIONS[name])])),
  } as TProperties,
  {
    additionalProperties: false,
    exactlyOneOf: ACTION_NAMES,
    description: 'A step: common settings plus exactly one action (or `group`).',
  },
);

type ActionFields = { [K in ActionName]?: Static<(typeof ACTIONS)[K]> };
export type Step = {
  name: string;
  description?: string;
  enabled?: boolean;
  continueOnError?: boolean;
  inGroup?: string;
  condition?: Condition;
} & ActionFields;

export const TaskSequenceSchema = Type.Object(
  {
    id: packageIdentityFields.id,
    name: packageIdentityFields.name,
    version: packageIdentityFields.version,
    description: packageIdentityFields.description,
    bootImageId: Type.Optional(reference('bootImage', 'The boot image (Windows PE) the sequence starts in.')),
    steps: Type.Array(StepSchema, { maxItems: 1000, description: 'Steps and groups in order; a step names its group in `inGroup`.' }),
  },
  { additionalProperties: false, description: 'An ordered list of deployment steps.' },
);
export type TaskSequence = Omit<Static<typeof TaskSequenceSchema>, 'steps'> & { steps: Step[] };

/** The action a step performs: the one action property it sets. */
export function actionOf(step: Step): ActionName | undefined {
  return ACTION_NAMES.find((name) => step[name] !== undefined);
}
