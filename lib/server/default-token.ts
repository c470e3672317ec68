/**
 * A server started without any token would refuse every request. Instead it makes an admin token
 * once, keeps it in the data directory (readable by its owner only) and says where on stderr, so
 * `npm run server` works on a laptop without setup and the secret never appears in a log.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TokenSpec } from './config';
import { ensurePrivateDir, restrictToOwner, writePrivateFile } from './private-files';

export const DEFAULT_TOKEN_FILE = 'admin-token';

export function defaultAdminToken(dataDir: string): { token: TokenSpec; file: string; created: boolean } {
  const file = path.join(dataDir, DEFAULT_TOKEN_FILE);
  ensurePrivateDir(dataDir);
  restrictToOwner(file);
  let secret = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  const created = secret === '';
  if (created) {
    secret = randomBytes(24).toString('base64url');
    fs.rmSync(file, { force: true });
    writePrivateFile(file, `${secret}\n`);
  }
  return { token: { name: 'admin', role: 'admin', secret }, file, created };
}
