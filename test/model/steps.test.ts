/** The steps and conditions of the model: defaults and limits from the catalogue, and their own rules. */
import assert from 'node:assert/strict';
import { checkObject, pointer, UNRESOLVED, validateShape, withDefaults, type Condition, type RuleContext, type Step } from '../../lib/model';

/** Every package is a USMT package, except CM100003, the vendor tools; programs are not known yet. */
const known: RuleContext = { resolve: (kind, id) => (kind === 'program' ? UNRESOLVED : { name: 'x', role: id === 'CM100003' ? 'tools' : 'usmt' }) };
/** The rule and path of every error for a sequence of `steps` (with a boot image). */
const errorsOf = (...steps: Step[]) =>
  checkObject('taskSequence', { name: 'x', bootImageId: 'CM100009', steps }, known).errors.map((e) => `${e.rule} ${pointer(...e.path)}`);
/** The step with the model's defaults, copied into this realm (withDefaults clones with structuredClone). */
const stepDefaults = (step: Step): Step => JSON.parse(JSON.stringify((withDefaults('taskSequence', { name: 'x', steps: [step] }) as { steps: Step[] }).steps[0]));

test('defaults come from the catalogue', () => {
  assert.deepEqual(stepDefaults({ name: 'r', restartComputer: { target: 'windowsPe' } }).restartComputer, { target: 'windowsPe', notificationSeconds: 0 });
  assert.deepEqual(stepDefaults({ name: 'u', installSoftwareUpdates: {} }).installSoftwareUpdates, { updates: 'mandatory', useCachedScan: true, retries: 2 });
  assert.deepEqual(stepDefaults({ name: 'a', autoApplyDrivers: {} }).autoApplyDrivers, { bestMatchOnly: true, allowUnsigned: false });
  assert.deepEqual(stepDefaults({ name: 'w', captureWindowsSettings: {} }).captureWindowsSettings, { computerName: true, registration: true, timeZone: true });
  assert.deepEqual(stepDefaults({ name: 'n', captureNetworkSettings: {} }).captureNetworkSettings, { adapterSettings: true, membership: false });
  assert.deepEqual(stepDefaults({ name: 'd', disableBitLocker: {} }).disableBitLocker, { restartCount: 1 });
  assert.deepEqual(stepDefaults({ name: 'e', enableBitLocker: { keyManagement: 'tpm' } }).enableBitLocker, {
    keyManagement: 'tpm',
    recoveryPassword: 'activeDirectory',
    waitForEncryption: false,
    encryptionMethod: 0,
    skipWithoutTpm: false,
  });
  const capture = stepDefaults({ name: 'c', captureUserState: { usmtPackageId: 'CM100001' } }).captureUserState;
  assert.equal(capture?.continueOnLockedFiles, true);
  assert.equal(capture?.fileAccess, 'normal');
  assert.equal(stepDefaults({ name: 'r', restoreUserState: { usmtPackageId: 'CM100001' } }).restoreUserState?.continueOnRestoreErrors, true);
  assert.equal(stepDefaults({ name: 'w', applyWindowsSettings: { registeredUser: 'u', registeredOrganization: 'o' } }).applyWindowsSettings?.computerName, '%_SMSTSMachineName%');
  const adapter = stepDefaults({ name: 'n', applyNetworkSettings: { adapters: [{ macAddress: '00:11:22:33:44:55' }] } }).applyNetworkSettings?.adapters?.[0];
  assert.equal(adapter?.enableDhcp, true);
  assert.equal(adapter?.netbiosOverTcpip, 'fromDhcp');
  assert.equal(stepDefaults({ name: 'p', partitionDisk: { partitions: [{ size: 1 }] } }).partitionDisk?.partitions[0].assignLetter, true);
});

test('limits come from the catalogue and are named in the message', () => {
  const shape = (step: Step) => validateShape('taskSequence', { name: 'x', steps: [step] }).map((i) => `${i.rule} ${pointer(...i.path)}`);
  assert.deepEqual(shape({ name: 'r', runCommandLine: { commandLine: 'x', timeoutMinutes: 1000 } }), ['maximum /steps/0/runCommandLine/timeoutMinutes']);
  assert.deepEqual(shape({ name: 's', setTaskSequenceVariable: { variableName: 'x'.repeat(257), value: '' } }), ['maxLength /steps/0/setTaskSequenceVariable/variableName']);
  assert.deepEqual(shape({ name: 's', setTaskSequenceVariable: { variableName: 'X', value: 'v'.repeat(4002) } }), ['maxLength /steps/0/setTaskSequenceVariable/value']);
  assert.deepEqual(shape({ name: 'r', restartComputer: { target: 'windowsPe', message: 'm'.repeat(513) } }), ['maxLength /steps/0/restartComputer/message']);
  assert.deepEqual(shape({ name: 'r', restartComputer: { target: 'pxe' as never } }), ['enum /steps/0/restartComputer/target']);
  assert.deepEqual(shape({ name: 'j', joinDomainOrWorkgroup: { joinType: 'workgroup', workgroup: 'w'.repeat(33) } }), ['maxLength /steps/0/joinDomainOrWorkgroup/workgroup']);
  assert.deepEqual(shape({ name: 'q', requestStateStore: { purpose: 'capture', retries: 31 } }), ['maximum /steps/0/requestStateStore/retries']);
  assert.deepEqual(shape({ name: 'd', disableBitLocker: { restartCount: 16 } }), ['maximum /steps/0/disableBitLocker/restartCount']);
  assert.deepEqual(shape({ name: 'u', installSoftwareUpdates: { retries: 6 } }), ['maximum /steps/0/installSoftwareUpdates/retries']);
  assert.deepEqual(shape({ name: 'c', connectNetworkFolder: { path: 'C:\\share', account: 'a', accountPassword: 'p' } }), ['pattern /steps/0/connectNetworkFolder/path']);
  assert.deepEqual(shape({ name: 'w', applyWindowsSettings: { registeredUser: 'u', registeredOrganization: 'o', serverConnectionLimit: 10000 } }), ['maximum /steps/0/applyWindowsSettings/serverConnectionLimit']);
});

test('fields that go together: run as a user, a hidden value, join a domain, boot-critical drivers, an answer file, a destination', () => {
  assert.deepEqual(errorsOf({ name: 'r', runCommandLine: { commandLine: 'x', runAsUser: true } }), [
    'required /steps/0/runCommandLine/runAsAccount',
    'required /steps/0/runCommandLine/runAsPassword',
  ]);
  assert.deepEqual(errorsOf({ name: 'r', runCommandLine: { commandLine: 'x', runAsAccount: 'CORP\\u' } }), ['unused /steps/0/runCommandLine/runAsAccount']);
  assert.deepEqual(errorsOf({ name: 's', setTaskSequenceVariable: { variableName: 'X', hideValue: true } }), ['required /steps/0/setTaskSequenceVariable/hiddenValue']);
  assert.deepEqual(errorsOf({ name: 's', setTaskSequenceVariable: { variableName: 'X' } }), ['required /steps/0/setTaskSequenceVariable/value']);
  assert.deepEqual(errorsOf({ name: 's', setTaskSequenceVariable: { variableName: 'X', hideValue: true, hiddenValue: 'secret' } }), []);
  assert.deepEqual(errorsOf({ name: 'j', joinDomainOrWorkgroup: { joinType: 'domain', domain: 'corp' } }), [
    'required /steps/0/joinDomainOrWorkgroup/joinAccount',
    'required /steps/0/joinDomainOrWorkgroup/joinPassword',
  ]);
  assert.deepEqual(errorsOf({ name: 'j', joinDomainOrWorkgroup: { joinType: 'workgroup' } }), ['required /steps/0/joinDomainOrWorkgroup/workgroup']);
  assert.deepEqual(errorsOf({ name: 'd', applyDriverPackage: { driverPackageId: 'CM100005', bootCriticalDriverId: 'ID', bootCriticalInfFile: 'x.inf' } }), [
    'required /steps/0/applyDriverPackage/bootCriticalContentId',
    'required /steps/0/applyDriverPackage/bootCriticalHardwareComponent',
    'required /steps/0/applyDriverPackage/bootCriticalModel',
  ]);
  assert.deepEqual(errorsOf({ name: 'a', applyOperatingSystem: { imagePackageId: 'CM100002', configFilePackageId: 'CM100006' } }), ['required /steps/0/applyOperatingSystem/configFileName']);
  assert.deepEqual(errorsOf({ name: 'a', applyDataImage: { imagePackageId: 'CM100002', destination: 'logicalDrive', diskIndex: 0 } }), [
    'required /steps/0/applyDataImage/logicalDrive',
    'unused /steps/0/applyDataImage/diskIndex',
  ]);
  assert.deepEqual(errorsOf({ name: 'p', partitionDisk: { gptBootDisk: true, partitions: [{ size: 100 }] } }), ['gpt /steps/0/partitionDisk/gptBootDisk']);
  assert.deepEqual(errorsOf({ name: 'i', installSoftware: { packageId: 'CM100007', programName: 'Setup', continueOnInstallError: true } }), ['unused /steps/0/installSoftware/continueOnInstallError']);
  assert.deepEqual(errorsOf({ name: 'w', applyWindowsSettings: { registeredUser: 'u', registeredOrganization: 'o', computerName: 'A-NAME-LONGER-THAN-15' } }), [
    'maxLength /steps/0/applyWindowsSettings/computerName',
  ]);
  assert.deepEqual(errorsOf({ name: 'w', applyWindowsSettings: { registeredUser: 'u', registeredOrganization: 'o', computerName: '%OSDComputerName%-%Site%' } }), []);
});

test('Enable BitLocker: the operating system drive needs a key protector; a PIN goes with TPM and PIN only', () => {
  const inFullOs = (enableBitLocker: NonNullable<Step['enableBitLocker']>) => [
    { name: 'Setup', setupWindowsAndConfigMgr: { clientPackageId: 'CM100004' } } as Step,
    { name: 'BitLocker', enableBitLocker },
  ];
  const client = { resolve: () => ({ name: 'Client', role: 'client' }) };
  const errors = (steps: Step[]) => checkObject('taskSequence', { name: 'x', steps }, client).errors.map((e) => `${e.rule} ${pointer(...e.path)}`);
  assert.deepEqual(errors(inFullOs({})), ['required /steps/1/enableBitLocker/keyManagement']);
  assert.deepEqual(errors(inFullOs({ keyManagement: 'tpmAndPin' })), ['required /steps/1/enableBitLocker/pin']);
  assert.deepEqual(errors(inFullOs({ keyManagement: 'tpm', pin: '1234' })), ['unused /steps/1/enableBitLocker/pin']);
  assert.deepEqual(errors(inFullOs({ drive: 'D:' })), []);
});

test('a hardware step keeps room in its description for the marker ConfigMgr stores', () => {
  const hardware = (description: string): Step => ({ name: 'BIOS', description, runCommandLine: { commandLine: 'x', packageId: 'CM100003', hardware: 'bios' } });
  assert.deepEqual(errorsOf(hardware('d'.repeat(238))), []);
  assert.deepEqual(errorsOf(hardware('d'.repeat(239))), ['maxLength /steps/0/description']);
});

describe('condition tests', () => {
  const withCondition = (condition: Condition) => errorsOf({ name: 'x', condition, setTaskSequenceVariable: { variableName: 'X', value: '1' } });

  test('variables: comparisons and like need a value, exists and notExists take none', () => {
    assert.deepEqual(withCondition({ variable: { name: 'A', operator: 'like', value: 'SRV%' } }), []);
    assert.deepEqual(withCondition({ variable: { name: 'A', operator: 'notExists' } }), []);
    assert.deepEqual(withCondition({ variable: { name: 'A', operator: 'greaterEqual' } }), ['required /steps/0/condition/variable/value']);
    assert.deepEqual(withCondition({ variable: { name: 'A', operator: 'exists', value: 'x' } }), ['unused /steps/0/condition/variable/value']);
  });

  test('registry, file, folder and software tests need what their operators compare', () => {
    assert.deepEqual(withCondition({ registry: { key: 'HKLM\\SOFTWARE\\X', operator: 'notExists', type: 'REG_SZ' } }), []);
    assert.deepEqual(withCondition({ registry: { key: 'HKLM\\SOFTWARE\\X', operator: 'equals', valueName: 'V' } }), ['required /steps/0/condition/registry/data']);
    assert.deepEqual(withCondition({ file: { path: 'C:\\x.exe', version: '1.0' } }), ['required /steps/0/condition/file/versionOperator']);
    assert.deepEqual(withCondition({ folder: { path: 'C:\\x', dateTimeOperator: 'less' } }), ['required /steps/0/condition/folder/dateTime']);
    assert.deepEqual(withCondition({ file: { path: 'C:\\x.exe', dateTime: '2010-06-01T08:00:00Z', dateTimeOperator: 'greater' } }), []);
    const productCode = '{90120000-0030-0000-0000-0000000FF1CE}';
    assert.deepEqual(withCondition({ software: { productCode } }), ['required /steps/0/condition/software/upgradeCode']);
    assert.deepEqual(withCondition({ software: { productCode, anyVersion: false } }), []);
  });

  test('match goes with conditions, at every depth', () => {
    const deep: Condition = { match: 'all', conditions: [{ match: 'any', conditions: [{ conditions: [{ variable: { name: 'A', operator: 'exists' } }] }] }] };
    assert.deepEqual(withCondition(deep), ['required /steps/0/condition/conditions/0/conditions/0/match']);
    assert.deepEqual(withCondition({ match: 'none', variable: { name: 'A', operator: 'exists' } }), ['unused /steps/0/condition/match']);
  });

  test('a timestamp is ISO 8601 in UTC', () => {
    const shape = validateShape('taskSequence', { name: 'x', steps: [{ name: 'x', condition: { folder: { path: 'C:\\x', dateTime: '01.06.2010', dateTimeOperator: 'less' } }, releaseStateStore: {} }] });
    assert.deepEqual(shape.map((i) => `${i.rule} ${pointer(...i.path)}`), ['pattern /steps/0/condition/folder/dateTime']);
  });
});
