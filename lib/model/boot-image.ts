/**
 * A boot image (`SMS_BootImagePackage`, PackageType 258): the Windows PE that task sequences start
 * in. Tools baked into it are the alternative to a tools package for hardware steps (R6): simpler
 * to reference, but every tool update means rebuilding the boot image.
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf, reference } from './annotations';
import { packageIdentityFields, sourceFields } from './package-common';
import { WIM_PATH_PATTERN } from './os-image';

export const BootImageSchema = Type.Object(
  {
    ...packageIdentityFields,
    sourcePath: Type.String({ ...sourceFields.sourcePath, pattern: WIM_PATH_PATTERN, description: 'UNC path of the Windows PE `.wim`.' }),
    architecture: oneOf(['x86', 'x64'], { description: 'Processor architecture of Windows PE.' }),
    driverPackageIds: Type.Optional(
      Type.Array(reference('driverPackage', 'A driver package whose drivers (storage, network) are added to Windows PE.'), {
        maxItems: 100,
        description: 'Driver packages whose drivers are added to Windows PE.',
      }),
    ),
    enableCommandPrompt: Type.Optional(Type.Boolean({ default: false, description: 'Allow F8 to open a command prompt (for troubleshooting).' })),
    preStartCommand: Type.Optional(
      Type.Object(
        {
          commandLine: Type.String({ minLength: 1, maxLength: 255, description: 'Command run when Windows PE starts (`PreExecCommandLine`).' }),
          sourceDirectory: Type.Optional(
            Type.String({ maxLength: 255, description: 'Folder whose files are copied into Windows PE (`PreExecSourceDirectory`).' }),
          ),
        },
        { additionalProperties: false, description: 'Pre-start command: the place to include tools in the Windows PE image.' },
      ),
    ),
    includedTools: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 64, description: 'Tool name (e.g. `syscfg`, `hpacucli`).' }),
            path: Type.String({ minLength: 1, maxLength: 255, description: 'Where the tool is inside Windows PE (e.g. `X:\\Tools\\syscfg.exe`).' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100, description: 'Vendor tools baked into Windows PE, usable by hardware steps without a tools package (R6).' },
      ),
    ),
  },
  { additionalProperties: false, description: 'A Windows PE boot image.' },
);
export type BootImage = Static<typeof BootImageSchema>;
