/**
 * Software steps: Install Software (ConfigMgr's "Install Package") and Install Software Updates.
 * STEP-CATALOGUE.md §2.2.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, reference } from '../annotations';
import { action } from './define';

export const installSoftware = action(
  { type: 'SMS_TaskSequence_InstallSoftwareAction', action: 'smsswd.exe /pkg:%1 /install /basevar:%3 /continueOnError:%4', runIn: 'FullOS' },
  'Install Software (full OS): one program, or a list given by variables.',
  {
    packageId: Type.Optional(cm(reference('package', 'Package of the program to install.'), { property: 'PackageID', argument: 1 })),
    programName: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 50, description: 'Program to run. It may not run another program first (R1).' }), {
        property: 'ProgramName',
        variable: '_SMSSWDProgramName',
      }),
    ),
    baseVariableName: Type.Optional(
      cm(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'Install a dynamic list of programs from variables `<base>001`, `<base>002`, …, each `PACKAGEID:Program name`.',
        }),
        { property: 'BaseVariableName', argument: 3 },
      ),
    ),
    continueOnInstallError: Type.Optional(
      cm(Type.Boolean({ description: 'With `baseVariableName`: go on with the rest of the list when one program fails (unset: stop).' }), {
        property: 'ContinueOnInstallError',
        argument: 4,
      }),
    ),
  },
  { exactlyOneOf: ['packageId', 'baseVariableName'], referencesBy: { kind: 'program', fields: { packageId: 'packageId', name: 'programName' }, at: 'programName' } },
);

export const installSoftwareUpdates = action(
  { type: 'SMS_TaskSequence_InstallUpdateAction', action: 'TSInstallSWUpdate.exe /target:%%SMSInstallUpdateTarget%%', runIn: 'FullOS' },
  'Install Software Updates (full OS): the software updates deployed to the computer.',
  {
    updates: Type.Optional(
      cm(oneOf(['mandatory', 'all'], { default: 'mandatory', description: '`mandatory`: the updates with a deadline; `all`: every update deployed to the computer.' }), {
        property: 'Target',
        variable: 'SMSInstallUpdateTarget',
        values: { mandatory: 'Mandatory', all: 'All' },
      }),
    ),
    useCachedScan: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Evaluate the updates from the cached scan results.' }), {
        property: 'UseCache',
        variable: 'SMSTSSoftwareUpdateScanUseCache',
      }),
    ),
    retries: Type.Optional(
      cm(Type.Integer({ minimum: 1, maximum: 5, default: 2, description: 'Retries after an unexpected restart (1–5).' }), {
        property: 'RetryCount',
        attribute: 'retryCount',
      }),
    ),
  },
);
