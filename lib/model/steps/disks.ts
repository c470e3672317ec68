/**
 * Disk steps: Format and Partition Disk, Convert Disk to Dynamic, Enable BitLocker, Disable
 * BitLocker. STEP-CATALOGUE.md §2.3.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, secret } from '../annotations';
import { action, item } from './define';

const driveLetter = (description: string) => Type.String({ pattern: '^[A-Za-z]:$', description });

export const partitionDisk = action(
  { type: 'SMS_TaskSequence_PartitionDiskAction', action: 'osddiskpart.exe', runIn: 'WinPE', variablePrefix: 'OSD' },
  'Partition Disk (Windows PE): the partitions of one disk, in order; everything on the disk is lost.',
  {
    diskIndex: Type.Optional(
      cm(Type.Integer({ minimum: 0, maximum: 99, default: 0, description: 'Disk number (0–99).' }), { property: 'DiskIndex', variable: 'OSDDiskIndex' }),
    ),
    diskIndexVariable: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 256, description: 'A variable holding the disk number, used instead of `diskIndex` (a later ConfigMgr addition).' }), {
        property: 'DiskIndexVariable',
        variable: 'OSDDiskIndexVariable',
      }),
    ),
    style: Type.Optional(
      cm(oneOf(['mbr', 'gpt'], { default: 'mbr', description: 'Partition table style.' }), {
        property: 'PartitionStyle',
        variable: 'OSDPartitionStyle',
        values: { mbr: 'MBR', gpt: 'GPT' },
      }),
    ),
    gptBootDisk: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'With `gpt`: create an EFI system partition, for a UEFI boot disk.' }), {
        property: 'GPTBootDisk',
        variable: 'OSDGPTBootDisk',
      }),
    ),
    biosCompatibilityMode: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'No sector and cache alignment, for old BIOSes and Windows XP-era systems.' }), {
        property: 'DiskpartBiosCompatibilityMode',
        variable: 'OSDDiskpartBiosCompatibilityMode',
      }),
    ),
    diskType: Type.Optional(
      cm(Type.String({ maxLength: 32, description: 'Deprecated by ConfigMgr; kept as it was imported.' }), { property: 'DiskType', variable: 'OSDDiskType' }),
    ),
    partitions: cm(
      Type.Array(
        item({
          name: Type.Optional(
            cm(Type.String({ maxLength: 64, description: 'Partition name, also its volume label.' }), { property: 'VolumeName', variable: 'VolumeName' }),
          ),
          type: Type.Optional(
            cm(oneOf(['primary', 'extended', 'logical', 'hidden', 'efi', 'msr'], { default: 'primary', description: 'Partition type.' }), {
              property: 'Type',
              variable: 'Type',
              values: { primary: 'Primary', extended: 'Extended', logical: 'Logical', hidden: 'Hidden', efi: 'EFI', msr: 'MSR' },
            }),
          ),
          fileSystem: Type.Optional(
            cm(oneOf(['ntfs', 'fat32'], { default: 'ntfs', description: 'File system.' }), {
              property: 'FileSystem',
              variable: 'FileSystem',
              values: { ntfs: 'NTFS', fat32: 'FAT32' },
            }),
          ),
          size: cm(Type.Integer({ minimum: 1, maximum: 4294967295, description: 'Size, in `sizeUnit`.' }), { property: 'Size', variable: 'Size' }),
          sizeUnit: Type.Optional(
            cm(oneOf(['percent', 'MB', 'GB'], { default: 'percent', description: 'Unit of `size`: a percentage of the space left, or MB, or GB.' }), {
              property: 'SizeUnits',
              variable: 'SizeUnits',
              values: { percent: 'Percent', MB: 'MB', GB: 'GB' },
            }),
          ),
          bootable: Type.Optional(cm(Type.Boolean({ default: false, description: 'Make the partition bootable (active).' }), { property: 'Bootable', variable: 'Bootable' })),
          quickFormat: Type.Optional(cm(Type.Boolean({ default: true, description: 'Quick format.' }), { property: 'QuickFormat', variable: 'QuickFormat' })),
          letterVariable: Type.Optional(
            cm(Type.String({ maxLength: 255, description: 'Variable that receives the drive letter.' }), { property: 'VolumeLetterVariable', variable: 'VolumeLetterVariable' }),
          ),
          assignLetter: Type.Optional(
            cm(Type.Boolean({ default: true, description: 'Give the partition a drive letter (ConfigMgr 2012 SP1 and later; earlier versions always do).' }), {
              property: 'AssignVolumeLetter',
              variable: 'AssignVolumeLetter',
            }),
          ),
        }),
        { minItems: 1, maxItems: 32, description: 'Partitions, in order.' },
      ),
      { property: 'Partitions', variable: 'OSDPartitions', items: { count: { property: 'Partitions', variable: 'OSDPartitions' } } },
    ),
  },
);

export const convertDiskToDynamic = action(
  { type: 'SMS_TaskSequence_ConvertDiskAction', action: 'osddiskpart.exe convert %%OSDConvertDiskIndex%%', runIn: 'WinPEandFullOS', variablePrefix: 'OSD' },
  'Convert Disk to Dynamic: converts a basic disk to a dynamic one.',
  {
    diskIndex: Type.Optional(
      cm(Type.Integer({ minimum: 0, maximum: 99, default: 0, description: 'Disk number (0–99).' }), { property: 'DiskIndex', variable: 'OSDConvertDiskIndex' }),
    ),
  },
);

export const enableBitLocker = action(
  {
    type: 'SMS_TaskSequence_EnableBitLockerAction',
    action: 'OSDBitLocker.exe /enable <?1: /drive:%1><?2: /wait:%2><?3: /mode:%3><?4: /keydrive:%4><?5: /pwd:%5>',
    runIn: 'FullOS',
    variablePrefix: 'OSDBitLocker',
  },
  'Enable BitLocker (full OS): encrypts a drive; the disk needs two partitions, and TPM modes an enabled, activated TPM.',
  {
    drive: Type.Optional(cm(driveLetter('Drive to encrypt (`D:`); unset: the operating system drive.'), { property: 'TargetDrive', argument: 1 })),
    keyManagement: Type.Optional(
      cm(
        oneOf(['tpm', 'startupKey', 'tpmAndStartupKey', 'tpmAndPin'], {
          description: 'How the operating system drive is unlocked: TPM only, a startup key on USB, TPM and startup key, TPM and PIN. Required for the operating system drive.',
        }),
        { property: 'Mode', argument: 3, values: { tpm: 'TPM', startupKey: 'Key', tpmAndStartupKey: 'TPMAndKey', tpmAndPin: 'TPMAndPIN' } },
      ),
    ),
    startupKeyDrive: Type.Optional(
      cm(driveLetter('Where the startup key is written, for the startup-key modes; unset: the first USB drive.'), { property: 'StartupKeyDrive', argument: 4 }),
    ),
    pin: Type.Optional(
      cm(secret({ maxLength: 255, description: 'The PIN, for `tpmAndPin` (a later ConfigMgr addition).' }), { property: 'PIN', variable: 'OSDBitLockerPIN' }),
    ),
    recoveryPassword: Type.Optional(
      cm(
        oneOf(['activeDirectory', 'none'], {
          default: 'activeDirectory',
          description: 'Create a recovery password and keep it in Active Directory, or create none.',
        }),
        { property: 'CreateRecoveryPassword', argument: 5, values: { activeDirectory: 'AD', none: 'None' } },
      ),
    ),
    waitForEncryption: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Wait until the drive is encrypted before going on.' }), { property: 'WaitForEncryption', argument: 2 }),
    ),
    encryptionMethod: Type.Optional(
      cm(
        Type.Integer({
          minimum: 0,
          maximum: 4294967295,
          default: 0,
          description: 'Encryption algorithm as ConfigMgr numbers it; 0 is the default of the operating system (a later ConfigMgr addition; the other codes are not documented).',
        }),
        { property: 'EncryptMethod', variable: 'OSDBitLockerEncryptMethod' },
      ),
    ),
    skipWithoutTpm: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Skip the step on a computer without a usable TPM (a later ConfigMgr addition).' }), {
        property: 'SkipWhenNoValidTPM',
        variable: 'OSDBitLockerSkipWhenNoValidTPM',
      }),
    ),
  },
);

export const disableBitLocker = action(
  { type: 'SMS_TaskSequence_DisableBitLockerAction', action: 'OSDBitLocker.exe /disable <?1: /drive:%1>', runIn: 'FullOS', variablePrefix: 'OSDBitLocker' },
  'Disable BitLocker (full OS): suspends BitLocker protection of a drive (it stays encrypted).',
  {
    drive: Type.Optional(cm(driveLetter('Drive whose protection is suspended (`D:`); unset: the operating system drive.'), { property: 'TargetDrive', argument: 1 })),
    restartCount: Type.Optional(
      cm(Type.Integer({ minimum: 1, maximum: 15, default: 1, description: 'Restarts before protection resumes (1–15; a later ConfigMgr addition).' }), {
        property: 'RebootCount',
        variable: 'OSDBitLockerRebootCount',
      }),
    ),
  },
);
