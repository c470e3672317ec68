import assert from 'node:assert/strict';
import type { TSchema } from '@sinclair/typebox';
import { KINDS, KIND_NAMES, toTerraformName } from '../../lib/model';

/** Names Terraform reads as meta-arguments in every resource block: no configuration could set such a field. */
const META_ARGUMENTS = new Set(['count', 'depends_on', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);

test('field names convert to snake_case Terraform attributes', () => {
  assert.equal(toTerraformName('commandLine'), 'command_line');
  assert.equal(toTerraformName('usmtPackageId'), 'usmt_package_id');
  assert.equal(toTerraformName('setupWindowsAndConfigMgr'), 'setup_windows_and_config_mgr');
});

test('no top-level field of any kind becomes a Terraform meta-argument', () => {
  const clashes = KIND_NAMES.flatMap((kind) =>
    Object.keys(KINDS[kind].schema.properties as Record<string, TSchema>)
      .filter((field) => META_ARGUMENTS.has(toTerraformName(field)))
      .map((field) => `${kind}.${field}`),
  );
  assert.deepEqual(clashes, []);
});
