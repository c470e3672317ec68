/**
 * Fields every ConfigMgr package kind shares (`SMS_Package` and its subclasses): the identity
 * shown to people, and where the content comes from. Each kind spreads these into its own schema.
 */
import { Type } from '@sinclair/typebox';
import { computed, displayName, PACKAGE_ID_PATTERN } from './annotations';

/** A UNC path (`\\server\share\…`) or a local path on the site server (`D:\…`). */
export const SOURCE_PATH_PATTERN = '^(\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+.*|[A-Za-z]:\\\\.*|%[A-Za-z]+%\\\\.*)$';

export const packageIdField = computed(
  Type.String({ pattern: PACKAGE_ID_PATTERN, description: 'Server-assigned package ID: site code + 5 hex digits, e.g. `CM100012`.' }),
);

export const packageIdentityFields = {
  id: packageIdField,
  name: displayName(50, 'Name shown in the console (≤ 50 characters).'),
  version: Type.Optional(Type.String({ maxLength: 32, description: 'Version (≤ 32 characters). Name + version are unique per kind.' })),
  manufacturer: Type.Optional(Type.String({ maxLength: 32, description: 'Manufacturer (≤ 32 characters).' })),
  language: Type.Optional(Type.String({ maxLength: 32, description: 'Language (≤ 32 characters).' })),
  description: Type.Optional(Type.String({ maxLength: 127, description: 'Comment (≤ 127 characters).' })),
};

export const sourceFields = {
  sourcePath: Type.String({
    minLength: 1,
    maxLength: 255,
    pattern: SOURCE_PATH_PATTERN,
    description: 'Where the content is: a UNC path (`\\\\server\\share\\…`) or a local path on the site server.',
  }),
};
