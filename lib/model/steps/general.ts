/**
 * General steps (ConfigMgr's "General" category): Run Command Line, Restart Computer, Set Task
 * Sequence Variable, Join Domain or Workgroup, Connect To Network Folder. Classes, properties,
 * variable names and limits: STEP-CATALOGUE.md §2.1.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, reference, secret } from '../annotations';
import { action } from './define';

/** The hardware a hardware step configures (R6). */
export const HARDWARE_KINDS = ['bios', 'raid', 'bmc'] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

/** How a hardware step keeps its `hardware` marking in ConfigMgr, which has no property for it: at the end of its description. */
export function hardwareMarker(kind: string): string {
  return `[hardware: ${kind}]`;
}

/** A task sequence variable name, as the console takes one. */
const variableName = (description: string, max = 256) => Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\s%=]+$', description });

/** Windows' own join types, as ConfigMgr numbers them (`Type`, `NetworkJoinType`). */
export const JOIN_TYPE_VALUES = { domain: '0', workgroup: '1' } as const;

export const runCommandLine = action(
  { type: 'SMS_TaskSequence_RunCommandLineAction', action: 'smsswd.exe /run:%1 %2', runIn: 'WinPEandFullOS' },
  'Run Command Line: a command, optionally with the files of a package.',
  {
    commandLine: cm(Type.String({ minLength: 1, maxLength: 32000, description: 'The command line.' }), {
      property: 'CommandLine',
      argument: 2,
      variable: 'CommandLine',
      hidden: true,
    }),
    packageId: Type.Optional(cm(reference('package', 'Package whose content the command uses (it needs no program).'), { property: 'PackageID', argument: 1 })),
    workingDirectory: Type.Optional(
      cm(Type.String({ maxLength: 255, description: 'Start-in folder: absolute, or relative to the package (the console takes 127 characters).' }), {
        property: 'WorkingDirectory',
        variable: 'WorkingDirectory',
      }),
    ),
    successCodes: Type.Optional(
      cm(
        Type.Array(Type.Integer({ minimum: -2147483648, maximum: 4294967295 }), {
          minItems: 1,
          maxItems: 32,
          default: [0, 3010],
          description: 'Exit codes that mean success.',
        }),
        { property: 'SuccessCodes', variable: 'SuccessCodes', hidden: true, attribute: 'successCodeList', list: ' ' },
      ),
    ),
    disable64BitRedirection: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Turn off 64-bit file system redirection (it also affects file, folder and registry conditions).' }), {
        property: 'DisableWow64Redirection',
        variable: 'SMSTSDisableWow64Redirection',
      }),
    ),
    timeoutMinutes: Type.Optional(
      cm(Type.Integer({ minimum: 1, maximum: 999, description: 'Stop the command after this many minutes (1–999).' }), {
        property: 'Timeout',
        attribute: 'timeout',
        scale: 60,
      }),
    ),
    outputVariable: Type.Optional(
      cm(variableName('Task sequence variable that receives the command output (its last 1000 characters).'), {
        property: 'OutputVariableName',
        variable: 'OutputVariableName',
        alsoAccept: ['SMSTSRunCommandLineOutputVariableName'],
      }),
    ),
    runAsUser: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Run as `runAsAccount` instead of Local System (full OS only: it fails in Windows PE).' }), {
        property: 'RunAsUser',
        variable: '_SMSTSRunCommandLineAsUser',
        alsoAccept: ['SMSTSRunCommandLineAsUser'],
      }),
    ),
    runAsAccount: Type.Optional(
      cm(Type.String({ minLength: 1, maxLength: 255, description: 'Account to run as (`DOMAIN\\user`), with `runAsUser`.' }), {
        property: 'UserName',
        variable: 'SMSTSRunCommandLineUserName',
      }),
    ),
    runAsPassword: Type.Optional(
      cm(secret({ description: 'Password of `runAsAccount`.' }), { property: 'UserPassword', variable: 'SMSTSRunCommandLineUserPassword' }),
    ),
    hardware: Type.Optional(
      cm(
        oneOf(HARDWARE_KINDS, {
          rule: 'R6',
          description:
            'Marks a server hardware step (flash the BIOS, configure RAID or the management controller): it runs in Windows PE before the disk is partitioned and the OS applied, with tools from a `tools` package or the boot image (R6).',
        }),
        { modelOnly: 'marker', how: `the step's description ends with ${hardwareMarker('<kind>')}, e.g. ${hardwareMarker('bios')}` },
      ),
    ),
  },
);

export const restartComputer = action(
  { type: 'SMS_TaskSequence_RebootAction', action: 'smsboot.exe /target:%1', runIn: 'WinPEandFullOS', variablePrefix: 'SMSReboot' },
  "Restart Computer: into the task sequence's boot image (Windows PE) or the installed operating system; the sequence goes on there.",
  {
    target: cm(
      oneOf(['windowsPe', 'installedOs'], {
        description: "Where the computer restarts to: `windowsPe` (the task sequence's boot image) or `installedOs` (the default installed operating system).",
      }),
      { property: 'Target', argument: 1, values: { windowsPe: 'WinPE', installedOs: 'HD' } },
    ),
    message: Type.Optional(
      cm(Type.String({ maxLength: 512, description: 'Notice shown before the restart (≤ 512 characters; ConfigMgr shows its own when unset).' }), {
        property: 'Message',
        variable: 'SMSRebootMessage',
      }),
    ),
    notificationSeconds: Type.Optional(
      cm(
        Type.Integer({
          minimum: 0,
          maximum: 4294967295,
          default: 0,
          description: 'Seconds the notice shows before the restart; 0 shows none (the console suggests 60).',
        }),
        { property: 'MessageTimeout', variable: 'SMSRebootTimeout' },
      ),
    ),
  },
);

export const setTaskSequenceVariable = action(
  { type: 'SMS_TaskSequence_SetVariableAction', action: 'tsenv.exe "%1=%2"', runIn: 'WinPEandFullOS' },
  'Set Task Sequence Variable: one variable to one value; it wins over collection and computer variables of the same name.',
  {
    variableName: cm(variableName('The variable to set: built-in, action or custom (1–256 characters).'), {
      property: 'VariableName',
      argument: 1,
      variable: 'VariableName',
      hidden: true,
    }),
    value: Type.Optional(
      cm(Type.String({ maxLength: 4001, description: 'The value (≤ 4001 characters); it may name other variables (`%OSDComputerName%`). Required unless `hideValue`.' }), {
        property: 'VariableValue',
        argument: 2,
      }),
    ),
    hideValue: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Keep the value out of the console ("Do not display this value"): give it as `hiddenValue`.' }), {
        property: 'DoNotShowVariableValue',
        variable: 'DoNotShowVariableValue',
      }),
    ),
    hiddenValue: Type.Optional(
      cm(secret({ minLength: 0, maxLength: 4001, description: 'The value, with `hideValue`: write-only, like a password.' }), {
        property: 'HiddenVariableValue',
        variable: 'SetVariableActionHiddenVariableValue',
      }),
    ),
  },
);

/** Fields Join Domain or Workgroup and Apply Network Settings share: the same properties, variable names differ. */
export const joinFields = (variables: { domain: string; domainOu: string; workgroup: string; domainAlso?: string; domainOuAlso?: string }) => ({
  domain: Type.Optional(
    cm(Type.String({ minLength: 1, maxLength: 255, description: 'Domain to join (`corp.example.com`).' }), {
      property: 'DomainName',
      variable: variables.domain,
      ...(variables.domainAlso ? { alsoAccept: [variables.domainAlso] } : {}),
    }),
  ),
  domainOu: Type.Optional(
    cm(Type.String({ maxLength: 32767, description: 'LDAP path of the OU to create the computer in (`LDAP://OU=Servers,DC=corp,DC=example,DC=com`).' }), {
      property: 'DomainOUName',
      variable: variables.domainOu,
      ...(variables.domainOuAlso ? { alsoAccept: [variables.domainOuAlso] } : {}),
    }),
  ),
  joinAccount: Type.Optional(
    cm(Type.String({ maxLength: 255, description: 'Account that joins the domain (`DOMAIN\\user`).' }), { property: 'DomainUsername', variable: 'OSDJoinAccount' }),
  ),
  joinPassword: Type.Optional(cm(secret({ description: 'Password of the join account.' }), { property: 'DomainPassword', variable: 'OSDJoinPassword' })),
  workgroup: Type.Optional(
    cm(Type.String({ minLength: 1, maxLength: 32, description: 'Workgroup to join (1–32 characters).' }), { property: 'WorkgroupName', variable: variables.workgroup }),
  ),
});
export const joinDomainOrWorkgroup = action(
  { type: 'SMS_TaskSequence_JoinDomainWorkgroupAction', action: 'osdjoin.exe /type:%%OSDJoinType%%', runIn: 'FullOS', variablePrefix: 'OSDJoin' },
  'Join Domain or Workgroup (full OS): joins the running Windows to a domain or a workgroup, and restarts.',
  {
    joinType: cm(oneOf(['domain', 'workgroup'], { description: 'Join a domain or a workgroup.' }), {
      property: 'Type',
      variable: 'OSDJoinType',
      values: JOIN_TYPE_VALUES,
    }),
    ...joinFields({
      domain: 'OSDJoinDomainName',
      domainAlso: 'OSDDomainName',
      domainOu: 'OSDJoinDomainOUName',
      domainOuAlso: 'OSDDomainOUName',
      workgroup: 'OSDJoinWorkgroupName',
    }),
    skipRestart: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Do not restart after joining.' }), { property: 'SkipReboot', variable: 'OSDJoinSkipReboot' }),
    ),
  },
);

export const connectNetworkFolder = action(
  {
    type: 'SMS_TaskSequence_ConnectNetworkFolderAction',
    action: 'smsnetuse.exe %SMSConnectNetworkFolderPath%',
    runIn: 'WinPEandFullOS',
    variablePrefix: 'SMSConnectNetworkFolder',
  },
  'Connect To Network Folder: maps a shared folder, optionally to a drive letter, with an account.',
  {
    path: cm(Type.String({ minLength: 3, maxLength: 255, pattern: '^\\\\\\\\[^\\\\]+\\\\[^\\\\]+', description: 'The shared folder (`\\\\server\\share`).' }), {
      property: 'Path',
      variable: 'SMSConnectNetworkFolderPath',
    }),
    driveLetter: Type.Optional(
      cm(Type.String({ pattern: '^[A-Za-z]:$', description: 'Local drive letter (`S:`).' }), { property: 'DriveLetter', variable: 'SMSConnectNetworkFolderDriveLetter' }),
    ),
    account: cm(Type.String({ minLength: 1, maxLength: 255, description: 'Account that connects (`DOMAIN\\user`).' }), {
      property: 'Username',
      variable: 'SMSConnectNetworkFolderAccount',
    }),
    accountPassword: cm(secret({ description: 'Password of the account.' }), { property: 'Password', variable: 'SMSConnectNetworkFolderPassword' }),
  },
);
