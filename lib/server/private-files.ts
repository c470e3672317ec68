/**
 * The data directory and the files in it (store, its WAL and shared-memory files, keys, tokens)
 * are the owner's alone: the directory 0700, the files 0600, whatever the umask.
 */
import * as fs from 'node:fs';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates `dir` and its missing parents, readable by the owner only. An existing directory is left as it is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Why an existing directory is not private (`mode 0755 lets others list it`), or undefined when it is. */
export function openToOthers(dir: string): string | undefined {
  const mode = fs.statSync(dir).mode & 0o777;
  return (mode & 0o077) === 0 ? undefined : `mode ${mode.toString(8).padStart(4, '0')} lets other users list it`;
}

/** Creates `file` with `text`, readable and writable by the owner only; fails when it exists. */
export function writePrivateFile(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: PRIVATE_FILE, flag: 'wx' });
  // The umask may have taken bits away from the mode given (write, with an unusual umask): put them back.
  fs.chmodSync(file, PRIVATE_FILE);
}

/** Creates `file` empty when it is missing, then makes it the owner's alone. */
export function ensurePrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  fs.chmodSync(file, PRIVATE_FILE);
}

/** Makes an existing `file` the owner's alone (a file written by an earlier version may be 0644); a missing one is fine. */
export function restrictToOwner(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
