/**
 * A regular ConfigMgr package (`SMS_Package`, PackageType 0) with the role it plays in operating
 * system deployment: software to install, the USMT tools (R5), the ConfigMgr client (R3), or
 * vendor tools for server hardware steps (R6).
 */
import { Type, type Static } from '@sinclair/typebox';
import { immutable, oneOf } from './annotations';
import { packageIdentityFields, SOURCE_PATH_PATTERN } from './package-common';
import { USMT_VERSIONS } from './site';

export const PACKAGE_ROLES = ['software', 'usmt', 'client', 'tools'] as const;
export type PackageRole = (typeof PACKAGE_ROLES)[number];

/** R3: where the client installation files are on a site server unless told otherwise. */
export const DEFAULT_CLIENT_SOURCE = '%ProgramFiles%\\Microsoft Configuration Manager\\Client';

/** USMT 3.0 names its rule files `.xml`; the seed speaks of `.INF` files. R5 accepts both. */
export const USMT_RULE_FILE_PATTERN = '^[^\\\\/:*?"<>|]+\\.([xX][mM][lL]|[iI][nN][fF])$';

export const UsmtSettingsSchema = Type.Object(
  {
    usmtVersion: oneOf(USMT_VERSIONS, { description: 'USMT version of the package content; the site decides which are allowed (R5).', rule: 'R5' }),
    architecture: oneOf(['x86', 'x64'], {
      description: 'USMT x86 and x64 builds share file names, so each architecture is its own package.',
    }),
    ruleFiles: Type.Array(
      Type.String({ pattern: USMT_RULE_FILE_PATTERN, rule: 'R5', description: 'A migration rule file name (`MigApp.xml`, `MigUser.xml`, a custom `.xml` or `.inf`).' }),
      { minItems: 1, maxItems: 50, rule: 'R5', description: 'Migration rule files the package contains; at least one (R5).' },
    ),
  },
  { additionalProperties: false, description: 'USMT content; required when role is `usmt` (R5).' },
);

export const PackageSchema = Type.Object(
  {
    ...packageIdentityFields,
    role: Type.Optional(
      immutable(
        oneOf(PACKAGE_ROLES, {
          description: 'What the package is for: `software` (installed by programs), `usmt` (user state migration, R5), `client` (the ConfigMgr client, R3), `tools` (vendor tools for hardware steps, R6).',
          default: 'software',
        }),
      ),
    ),
    sourcePath: Type.Optional(
      Type.String({
        maxLength: 255,
        pattern: SOURCE_PATH_PATTERN,
        derivedDefault: true,
        description: `Where the content is (UNC or a local path on the site server). For the client role it defaults to \`${DEFAULT_CLIENT_SOURCE}\` (R3); other roles without a source have no content.`,
      }),
    ),
    usmt: Type.Optional(UsmtSettingsSchema),
  },
  { additionalProperties: false, description: 'A package of content: software, the USMT tools, the ConfigMgr client or vendor hardware tools.' },
);
export type Package = Static<typeof PackageSchema>;
