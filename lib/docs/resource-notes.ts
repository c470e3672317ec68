/**
 * Sections of the resource pages beyond the field lists: what a plain-HCL user must write that the
 * constructs write for cdktf users. Facts come from the model (which fields refer to which kinds,
 * what is unique, what forces replacement) where it states them.
 */
import type { TSchema } from '@sinclair/typebox';
import { keyword } from '../model/annotations';
import { KINDS, type KindName } from '../model/kinds';
import { toTerraformName } from '../model/terraform-names';
import { referrersOf } from '../model';

/** The extra sections of `kind`'s resource page, as markdown lines (none when nothing applies). */
export function resourceNotes(kind: KindName): string[] {
  return [...deleteOrderNotes(kind), ...(KIND_NOTES[kind] ?? [])];
}

/** Objects something refers to: how to remove or replace one together with what uses it, in one apply. */
function deleteOrderNotes(kind: KindName): string[] {
  const referrers = referrersOf(kind);
  if (referrers.length === 0) return [];
  const def = KINDS[kind];
  const title = def.title.toLowerCase();
  const by = referrers.map((r) => `\`${KINDS[r.kind].terraformType}.${r.attribute}\``);
  const schema = def.schema.properties as Record<string, TSchema>;
  const unique = def.uniqueBy.map(toTerraformName);
  const replacedKeepingKey = Object.keys(schema).filter((f) => keyword(schema[f], 'immutable') && !def.uniqueBy.includes(f));
  const collision = def.uniqueBy.every((f) => keyword(schema[f], 'immutable'))
    ? []
    : [
        '',
        `A replacement exists next to the ${title} it replaces until that one is deleted, and ${unique.map((u) => `\`${u}\``).join(' + ')} are unique`,
        `among ${title}s (409). So when you replace one (\`terraform apply -replace\`${replacedKeepingKey.length ? `, or a change to ${replacedKeepingKey.map((f) => `\`${toTerraformName(f)}\``).join(', ')}` : ''}),`,
        `give the new one another ${unique.filter((u) => u !== 'package_id').map((u) => `\`${u}\``).join(' or ')} in the same change.`,
      ];
  return [
    '## Removing or replacing it while it is in use',
    '',
    `Other objects refer to a ${title}: ${by.join(', ')}. The server refuses to delete a`,
    `${title} that something still refers to (409, R2). When one apply removes a ${title} and what uses it`,
    `(the step, the reference), or replaces the ${title}, Terraform by default deletes it first, and the apply`,
    'fails on every try. With `create_before_destroy`, Terraform creates the replacement (if any) and updates',
    `what refers to the ${title} first, and deletes the old one last:`,
    '',
    '```hcl',
    `resource "${def.terraformType}" "example" {`,
    '  # ...',
    '  lifecycle {',
    '    create_before_destroy = true',
    '  }',
    '}',
    '```',
    '',
    `Set it from the start: Terraform keeps it in the state, so it also applies in the apply that removes the ${title}`,
    `from the configuration. The cdk-osd constructs set it on every ${title}.`,
    ...collision,
    '',
  ];
}

/** What an Install Software step needs of a program: in the model's rules, said here for HCL users. */
const INSTALLABLE_PROGRAM = [
  'An Install Software step runs its program as Local System, with nobody logged on, and refuses (at plan)',
  'a program that needs a logged-on user, runs without administrative rights, lets the user interact,',
  'restarts the computer by itself, or runs another program first (R1). The defaults of `osd_program`',
  'are those of the ConfigMgr console, `run_when = "userLoggedOn"` and `admin_rights = false`, so every',
  'program a task sequence installs needs both set:',
];

const KIND_NOTES: Partial<Record<KindName, string[]>> = {
  program: [
    '## Programs that a task sequence installs',
    '',
    ...INSTALLABLE_PROGRAM,
    '',
    '```hcl',
    'resource "osd_program" "install" {',
    '  package_id   = osd_package.office.id',
    '  name         = "Install"',
    '  command_line = "setup.exe /adminfile std.msp"',
    '  run_when     = "whetherOrNotUserLoggedOn" # or "noUserLoggedOn"',
    '  admin_rights = true',
    '}',
    '```',
    '',
    'The cdk-osd constructs set these two unless a program is declared `forTaskSequence: false`.',
    '',
  ],
  taskSequence: [
    '## Installing software',
    '',
    '`install_software` names a program by its package and its name. Refer to the program resource\'s own',
    'attributes, so that Terraform creates the program before the sequence:',
    '',
    '```hcl',
    'steps = [',
    '  { name = "Office", install_software = { package_id = osd_program.install.package_id, program_name = osd_program.install.name } },',
    ']',
    '```',
    '',
    ...INSTALLABLE_PROGRAM.map((line) => line.replace('The defaults of `osd_program`', 'The defaults of [`osd_program`](program.md)')),
    '`run_when = "whetherOrNotUserLoggedOn"` (or `"noUserLoggedOn"`) and `admin_rights = true`.',
    '',
  ],
};
