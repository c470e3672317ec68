/**
 * R3: the ConfigMgr client installation properties given on Setup Windows and ConfigMgr, in
 * CCMSetup's syntax: switches (`/mp:server`) first, then `PROPERTY=value` pairs; a value with
 * spaces is quoted.
 */
import { error, field, msg, value, warning, type Issue, type Path } from './issues';

/** Properties whose values are a closed set. */
const CLOSED_VALUES: Record<string, RegExp> = {
  SMSDIRECTORYLOOKUP: /^(NOWINS|WINSSECURE|WINSPROMISCUOUS)$/i,
  SMSCONFIGSOURCE: /^[RPMU]+$/i,
  CCMALWAYSINF: /^[01]$/,
  SMSSITECODE: /^([A-Z0-9]{3}|AUTO)$/i,
};

/** Properties the ConfigMgr 2007 client knows; anything else is likely a typo. */
const KNOWN = new Set([
  'SMSSITECODE', 'FSP', 'DNSSUFFIX', 'SMSDIRECTORYLOOKUP', 'SMSCONFIGSOURCE', 'CCMALWAYSINF', 'CCMHOSTNAME', 'CCMCERTSEL',
  'SMSMP', 'SMSSLP', 'SMSCACHESIZE', 'SMSCACHEDIR', 'SMSCACHEFLAGS', 'CCMENABLELOGGING', 'CCMLOGLEVEL', 'CCMLOGMAXSIZE',
  'CCMLOGMAXHISTORY', 'CCMDEBUGLOGGING', 'CCMINSTALLDIR', 'CCMADMINS', 'CCMALLOWSILENTREBOOT', 'DISABLESITEOPT',
  'DISABLECACHEOPT', 'SMSPUBLICROOTKEY', 'SMSROOTKEYPATH', 'CCMCERTSTORE', 'CCMFIRSTCERT', 'CCMCERTISSUERS',
  'SMSSIGNCERT', 'CCMHTTPPORT', 'CCMHTTPSPORT', 'RESETKEYINFORMATION', 'NOTIFYONLY',
]);

/** Splits on spaces outside double quotes. */
function tokens(text: string): { tokens: string[]; unbalanced: boolean } {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text.trim()) {
    if (ch === '"') quoted = !quoted;
    if (ch === ' ' && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return { tokens: out, unbalanced: quoted };
}

export function checkClientInstallationProperties(text: string, path: Path): Issue[] {
  const at = field(path);
  const { tokens: parts, unbalanced } = tokens(text);
  if (unbalanced) return [error(path, 'R3', msg`${at} has an unclosed quote in ${value(text)}`)];
  const issues: Issue[] = [];
  let sawProperty = false;
  for (const part of parts) {
    if (part.startsWith('/')) {
      if (sawProperty) issues.push(error(path, 'R3', msg`${at}: switch ${value(part)} comes after a property; CCMSetup takes switches first, then PROPERTY=value pairs`));
      continue;
    }
    const eq = part.indexOf('=');
    if (eq <= 0) {
      issues.push(error(path, 'R3', msg`${at}: ${value(part)} is neither a /switch nor PROPERTY=value (quote values that contain spaces)`));
      continue;
    }
    sawProperty = true;
    const name = part.slice(0, eq).toUpperCase();
    const given = part.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    if (!KNOWN.has(name)) issues.push(warning(path, 'R3', msg`${at}: ${value(name)} is not a ConfigMgr 2007 client installation property`));
    const allowed = CLOSED_VALUES[name];
    if (allowed && !allowed.test(given)) issues.push(error(path, 'R3', msg`${at}: ${name} has the value ${value(given)}, which ${name} does not accept`));
  }
  return issues;
}
