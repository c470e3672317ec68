/**
 * User state steps (USMT, R5): Request State Store, Capture User State, Restore User State,
 * Release State Store. STEP-CATALOGUE.md §2.4.
 */
import { Type } from '@sinclair/typebox';
import { cm, oneOf, reference, secret } from '../annotations';
import { action } from './define';

/** Fields capture and restore share: the same properties, under the same `OSDMigrate` variables. */
const usmtOptions = {
  mode: Type.Optional(
    cm(oneOf(['simple', 'advanced'], { default: 'simple', description: 'Simple uses the standard rule files; advanced names them in `configFiles`.' }), {
      property: 'Mode',
      variable: 'OSDMigrateMode',
      values: { simple: 'Simple', advanced: 'Advanced' },
    }),
  ),
  configFiles: Type.Optional(
    cm(Type.Array(Type.String({ minLength: 1, maxLength: 255, pattern: '^[^,]+$' }), { maxItems: 20, description: 'USMT rule files of the package, in advanced mode.' }), {
      property: 'ConfigFiles',
      variable: 'OSDMigrateConfigFiles',
      list: ',',
    }),
  ),
  verboseLogging: Type.Optional(
    cm(Type.Boolean({ default: false, description: 'Verbose USMT logs.' }), { property: 'EnableVerboseLogging', variable: 'OSDMigrateEnableVerboseLogging' }),
  ),
};

export const requestStateStore = action(
  { type: 'SMS_TaskSequence_RequestStateStoreAction', action: 'osdsmpclient.exe /%1', runIn: 'FullOS', variablePrefix: 'OSDState' },
  'Request State Store: a state migration point to capture user state to, or restore it from.',
  {
    purpose: cm(oneOf(['capture', 'restore'], { description: 'Whether the state is to be captured or restored.' }), { property: 'RequestType', argument: 1 }),
    retries: Type.Optional(
      cm(Type.Integer({ minimum: 0, maximum: 30, default: 3, description: 'How often to look for a state migration point (0–30).' }), {
        property: 'SMPRetryCount',
        variable: 'OSDStateSMPRetryCount',
        global: true,
      }),
    ),
    retryDelaySeconds: Type.Optional(
      cm(Type.Integer({ minimum: 0, maximum: 600, default: 60, description: 'Seconds between tries (0–600).' }), {
        property: 'SMPRetryTime',
        variable: 'OSDStateSMPRetryTime',
        global: true,
      }),
    ),
    fallbackToNetworkAccessAccount: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Connect with the network access account when the computer account cannot (less secure).' }), {
        property: 'FallbackToNAA',
        variable: 'OSDStateFallbackToNAA',
      }),
    ),
  },
);

export const captureUserState = action(
  {
    type: 'SMS_TaskSequence_CaptureUserStateAction',
    action: 'osdmigrateuserstate.exe /collect /continueOnError:%%OSDMigrateContinueOnLockedFiles%% /skipefs:%%OSDMigrateSkipEncryptedFiles%%',
    runIn: 'FullOS',
    variablePrefix: 'OSDMigrate',
  },
  'Capture User State: USMT `scanstate` into the state store (R5).',
  {
    usmtPackageId: cm(reference('package', 'The USMT package (role `usmt`) whose tools run (R5).', 'usmt'), {
      property: 'UsmtPackageID',
      variable: '_OSDMigrateUsmtPackageID',
    }),
    ...usmtOptions,
    continueOnLockedFiles: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Go on when some files cannot be captured.' }), {
        property: 'ContinueOnLockedFiles',
        variable: 'OSDMigrateContinueOnLockedFiles',
      }),
    ),
    skipEncryptedFiles: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Skip files encrypted with EFS.' }), { property: 'SkipEncryptedFiles', variable: 'OSDMigrateSkipEncryptedFiles' }),
    ),
    fileAccess: Type.Optional(
      cm(oneOf(['normal', 'volumeShadowCopy'], { default: 'normal', description: 'Read files through the file system, or from a volume shadow copy.' }), {
        property: 'FileAccess',
        variable: 'OSDMigrateFileAccess',
        values: { normal: 'Normal', volumeShadowCopy: 'VSS' },
      }),
    ),
    offline: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Capture offline, from Windows PE (the step then runs in Windows PE).' }), {
        property: 'OfflineUserState',
        variable: '_OSDMigrateOfflineUserState',
      }),
    ),
    useHardLinks: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Keep the state on the computer as a hard-link store instead of copying it.' }), {
        property: 'UseHardlinks',
        variable: '_OSDMigrateUseHardlinks',
      }),
    ),
  },
);

export const restoreUserState = action(
  {
    type: 'SMS_TaskSequence_RestoreUserStateAction',
    action: 'osdmigrateuserstate.exe /apply /continueOnError:%%OSDMigrateContinueOnRestore%%',
    runIn: 'FullOS',
    variablePrefix: 'OSDMigrate',
  },
  'Restore User State: USMT `loadstate` from the state store (R5).',
  {
    usmtPackageId: cm(reference('package', 'The USMT package (role `usmt`) whose tools run (R5).', 'usmt'), {
      property: 'UsmtRestorePackageID',
      variable: '_OSDMigrateUsmtRestorePackageID',
    }),
    ...usmtOptions,
    continueOnRestoreErrors: Type.Optional(
      cm(Type.Boolean({ default: true, description: 'Go on when some files cannot be restored.' }), {
        property: 'ContinueOnRestore',
        variable: 'OSDMigrateContinueOnRestore',
      }),
    ),
    restoreLocalAccounts: Type.Optional(
      cm(Type.Boolean({ default: false, description: 'Restore local (non-domain) user accounts too; they get `localAccountPassword`.' }), {
        property: 'LocalAccounts',
        variable: 'OSDMigrateLocalAccounts',
      }),
    ),
    localAccountPassword: Type.Optional(
      cm(secret({ description: 'Password given to restored local accounts.' }), { property: 'LocalAccountPassword', variable: 'OSDMigrateLocalAccountPassword' }),
    ),
  },
);

export const releaseStateStore = action(
  { type: 'SMS_TaskSequence_ReleaseStateStoreAction', action: 'osdsmpclient.exe /release', runIn: 'FullOS', variablePrefix: 'OSDState' },
  'Release State Store: tells the state migration point the capture or restore is done.',
  {},
);
