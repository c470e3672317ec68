/** User state steps (USMT, R5): Request State Store, Capture User State, Restore User State, Release State Store. */
import type { CaptureUserStateProps, ReleaseStateStoreProps, RequestStateStoreProps, RestoreUserStateProps } from './generated/props';
import { ActionStep } from './steps';

/** Request State Store: a state migration point to capture user state to, or restore it from. */
export class RequestStateStore extends ActionStep<'requestStateStore'> {
  constructor(props: RequestStateStoreProps) {
    super('requestStateStore', props);
  }
}

/** Capture User State (full OS, or Windows PE when `offline`): USMT `scanstate` into the state store, with the tools of `usmtPackage` (R5). */
export class CaptureUserState extends ActionStep<'captureUserState'> {
  constructor(props: CaptureUserStateProps) {
    super('captureUserState', props);
  }
}

/**
 * Restore User State (full OS): USMT `loadstate` from the state store (R5). `localAccountPassword`
 * is a secret: pass a sensitive TerraformVariable's value.
 */
export class RestoreUserState extends ActionStep<'restoreUserState'> {
  constructor(props: RestoreUserStateProps) {
    super('restoreUserState', props);
  }
}

/** Release State Store: tells the state migration point the stored state may go. */
export class ReleaseStateStore extends ActionStep<'releaseStateStore'> {
  constructor(props: ReleaseStateStoreProps = {}) {
    super('releaseStateStore', props);
  }
}
