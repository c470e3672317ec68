/** Every action and condition test declares how ConfigMgr stores it, beside its schema. */
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import {
  ACTIONS,
  CONDITION_TESTS,
  cm,
  configMgrClassOf,
  configMgrFieldOf,
  configMgrMappingGaps,
  isConfigMgrProperty,
  objectGaps,
  STEP_ENVIRONMENTS,
  type ConfigMgrProperty,
} from '../../lib/model';
import type { TObject, TSchema } from '@sinclair/typebox';

const fieldOf = (action: keyof typeof ACTIONS, field: string) => configMgrFieldOf((ACTIONS[action] as TObject).properties[field] as TSchema) as ConfigMgrProperty;

test('the declarations are complete: every action, test and step setting, every field mapped or model-only', () => {
  assert.deepEqual(configMgrMappingGaps(), []);
});

test('the completeness check finds what is missing', () => {
  const incomplete = Type.Object(
    { commandLine: cm(Type.String(), { property: 'CommandLine', argument: 2 }), forgotten: Type.Optional(Type.String()), secret: Type.Optional(cm(Type.String({ writeOnly: true }), { property: 'Pw', argument: 3 })) },
    { configMgrClass: { type: 'SMS_TaskSequence_MadeUpAction', action: 'tool.exe %1 %2', runIn: 'WinPE' } },
  );
  assert.deepEqual(objectGaps('madeUp', incomplete, 'action'), [
    'madeUp.forgotten: no ConfigMgr mapping (configMgr: a property, or modelOnly with how it survives a round trip)',
    'madeUp.secret: a secret with no variable to export blank',
    'madeUp: the action text uses %1, but no field is argument 1',
    'madeUp.Pw: argument 3 is not in the action text',
  ]);
  assert.deepEqual(objectGaps('noClass', Type.Object({}), 'action'), ['noClass: no configMgrClass']);
});

test('every built-in ConfigMgr 2007 action is typed, each with its own WMI class and an environment', () => {
  const classes = Object.values(ACTIONS).map((a) => configMgrClassOf(a)!.type);
  assert.equal(new Set(classes).size, classes.length);
  assert.deepEqual(classes.sort(), [
    'SMS_TaskSequence_ApplyDataImageAction',
    'SMS_TaskSequence_ApplyDriverPackageAction',
    'SMS_TaskSequence_ApplyNetworkSettingsAction',
    'SMS_TaskSequence_ApplyOperatingSystemAction',
    'SMS_TaskSequence_ApplyWindowsSettingsAction',
    'SMS_TaskSequence_AutoApplyAction',
    'SMS_TaskSequence_CaptureNetworkSettingsAction',
    'SMS_TaskSequence_CaptureSystemImageAction',
    'SMS_TaskSequence_CaptureUserStateAction',
    'SMS_TaskSequence_CaptureWindowsSettingsAction',
    'SMS_TaskSequence_ConnectNetworkFolderAction',
    'SMS_TaskSequence_ConvertDiskAction',
    'SMS_TaskSequence_DisableBitLockerAction',
    'SMS_TaskSequence_EnableBitLockerAction',
    'SMS_TaskSequence_Group',
    'SMS_TaskSequence_InstallDeployToolsAction',
    'SMS_TaskSequence_InstallSoftwareAction',
    'SMS_TaskSequence_InstallUpdateAction',
    'SMS_TaskSequence_JoinDomainWorkgroupAction',
    'SMS_TaskSequence_PartitionDiskAction',
    'SMS_TaskSequence_PrepareOSAction',
    'SMS_TaskSequence_PrepareSMSClientAction',
    'SMS_TaskSequence_RebootAction',
    'SMS_TaskSequence_ReleaseStateStoreAction',
    'SMS_TaskSequence_RequestStateStoreAction',
    'SMS_TaskSequence_RestoreUserStateAction',
    'SMS_TaskSequence_RunCommandLineAction',
    'SMS_TaskSequence_SetVariableAction',
    'SMS_TaskSequence_SetupWindowsAndSMSAction',
  ]);
  assert.deepEqual(Object.keys(STEP_ENVIRONMENTS).sort(), Object.keys(ACTIONS).filter((a) => a !== 'group').sort());
});

test('facts of the catalogue, as declared: variable names, arguments, attributes, value spellings, conflicts', () => {
  assert.deepEqual(configMgrClassOf(ACTIONS.restartComputer), { type: 'SMS_TaskSequence_RebootAction', action: 'smsboot.exe /target:%1', runIn: 'WinPEandFullOS', variablePrefix: 'SMSReboot' });
  assert.deepEqual(fieldOf('restartComputer', 'target'), { property: 'Target', argument: 1, values: { windowsPe: 'WinPE', installedOs: 'HD' } });
  assert.equal(fieldOf('restartComputer', 'notificationSeconds').variable, 'SMSRebootTimeout');
  assert.deepEqual(fieldOf('runCommandLine', 'successCodes'), { property: 'SuccessCodes', variable: 'SuccessCodes', hidden: true, attribute: 'successCodeList', list: ' ' });
  assert.deepEqual(fieldOf('runCommandLine', 'timeoutMinutes'), { property: 'Timeout', attribute: 'timeout', scale: 60 });
  assert.deepEqual(fieldOf('runCommandLine', 'runAsUser').alsoAccept, ['SMSTSRunCommandLineAsUser']);
  assert.deepEqual(fieldOf('runCommandLine', 'outputVariable').alsoAccept, ['SMSTSRunCommandLineOutputVariableName']);
  assert.deepEqual(fieldOf('runCommandLine', 'hardware'), { modelOnly: 'marker', how: "the step's description ends with [hardware: <kind>], e.g. [hardware: bios]" });
  assert.deepEqual([fieldOf('joinDomainOrWorkgroup', 'domain').variable, fieldOf('joinDomainOrWorkgroup', 'domain').alsoAccept], ['OSDJoinDomainName', ['OSDDomainName']]);
  assert.equal(fieldOf('applyNetworkSettings', 'domain').variable, 'OSDDomainName');
  assert.deepEqual(fieldOf('applyNetworkSettings', 'adapters').items, { count: { property: 'NumAdapters', variable: 'OSDAdapterCount' } });
  assert.equal(fieldOf('partitionDisk', 'partitions').variable, 'OSDPartitions');
  assert.deepEqual([fieldOf('applyWindowsSettings', 'inputLocale').variable, fieldOf('applyWindowsSettings', 'inputLocale').alsoAccept], ['OSDWindowsSettingsInputLocale', ['OSDInputLocale']]);
  assert.deepEqual(fieldOf('applyOperatingSystem', 'runFromNetwork'), { property: 'RunFromNet', argument: 10, attribute: 'runFromNet' });
  assert.equal(fieldOf('installSoftwareUpdates', 'retries').attribute, 'retryCount');
  assert.equal(fieldOf('captureUserState', 'usmtPackageId').property, 'UsmtPackageID');
  assert.equal(fieldOf('restoreUserState', 'usmtPackageId').property, 'UsmtRestorePackageID');
  const registry = configMgrFieldOf(CONDITION_TESTS.registry.properties.operator) as ConfigMgrProperty;
  assert.deepEqual(registry.values, { notExists: 'nonExists' });
});

test('every secret of a step is a ConfigMgr property with a variable, so an export can leave it blank', () => {
  const secrets: string[] = [];
  for (const [name, action] of Object.entries(ACTIONS)) {
    for (const [field, schema] of Object.entries((action as TObject).properties as Record<string, TSchema>)) {
      if (!schema.writeOnly) continue;
      const mapping = configMgrFieldOf(schema);
      assert.ok(isConfigMgrProperty(mapping) && mapping.variable, `${name}.${field}`);
      secrets.push(`${name}.${field}`);
    }
  }
  assert.deepEqual(secrets.sort(), [
    'applyNetworkSettings.joinPassword',
    'applyWindowsSettings.localAdminPassword',
    'applyWindowsSettings.productKey',
    'captureOperatingSystemImage.capturePassword',
    'connectNetworkFolder.accountPassword',
    'enableBitLocker.pin',
    'joinDomainOrWorkgroup.joinPassword',
    'restoreUserState.localAccountPassword',
    'runCommandLine.runAsPassword',
    'setTaskSequenceVariable.hiddenValue',
  ]);
});
