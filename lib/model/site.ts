/**
 * The site the deployment server stands for: its code prefixes every package ID, and its
 * ConfigMgr version decides which USMT versions a USMT package may have (R5).
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf } from './annotations';

export const CONFIGMGR_VERSIONS = ['2007', '2007 SP1', '2007 SP2'] as const;
export type ConfigMgrVersion = (typeof CONFIGMGR_VERSIONS)[number];

export const USMT_VERSIONS = ['3.0', '4.0'] as const;
export type UsmtVersion = (typeof USMT_VERSIONS)[number];

/** R5: ConfigMgr 2007 uses USMT 3.0; 2007 SP2 also accepts USMT 4.0. */
export function allowedUsmtVersions(version: ConfigMgrVersion): UsmtVersion[] {
  return version === '2007 SP2' ? ['3.0', '4.0'] : ['3.0'];
}

export const SITE_CODE_PATTERN = '^[A-Z0-9]{3}$';

export const SiteSchema = Type.Object(
  {
    siteCode: Type.String({ pattern: SITE_CODE_PATTERN, description: 'Three-character site code; the prefix of every package ID.' }),
    siteName: Type.String({ minLength: 1, maxLength: 50, description: 'Name of the site.' }),
    configMgrVersion: oneOf(CONFIGMGR_VERSIONS, { description: 'ConfigMgr version of the site.' }),
    allowedUsmtVersions: Type.Array(oneOf(USMT_VERSIONS, { description: 'USMT version.' }), {
      readOnly: true,
      description: 'USMT versions a USMT package may have on this site (R5).',
    }),
  },
  { additionalProperties: false },
);
export type Site = Static<typeof SiteSchema>;
