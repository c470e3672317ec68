/**
 * Reference pages for the provider's resources and data sources, rendered from the resource
 * model. `npm run docs` writes them to docs/; a test fails when the written pages are stale.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { keyword } from '../model/annotations';
import { KINDS, KIND_NAMES, type KindName } from '../model/kinds';
import { SiteSchema } from '../model/site';
import { toTerraformName } from '../model/terraform-names';
import { ctyTypeOf, hasDefault, ProviderConfigSchema, versionAttributeName } from '../model';
import { resourceNotes } from './resource-notes';
import { renderTaskSequenceGuide } from './task-sequences';

/** Every page, by its path under docs/. */
export function renderAllDocs(): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('provider.md', renderProvider());
  for (const kind of KIND_NAMES) {
    pages.set(`resources/${KINDS[kind].terraformType.replace(/^osd_/, '')}.md`, renderResource(kind));
    pages.set(`data-sources/${KINDS[kind].terraformType.replace(/^osd_/, '')}.md`, renderDataSource(kind));
  }
  pages.set('data-sources/site.md', renderSite());
  pages.set('task-sequences.md', renderTaskSequenceGuide());
  return pages;
}

function renderProvider(): string {
  return [
    '# osd provider',
    '',
    'Manages the content of a ConfigMgr 2007 operating system deployment server: packages and their',
    'programs, OS images, OS install packages, boot images, driver packages and task sequences.',
    '',
    '```hcl',
    'terraform {',
    '  required_providers {',
    '    osd = { source = "osd.local/cdk-osd/osd" }',
    '  }',
    '}',
    '',
    'provider "osd" {',
    '  endpoint = "http://127.0.0.1:8780"',
    '  # token from OSD_TOKEN',
    '}',
    '```',
    '',
    '## Arguments',
    '',
    ...fieldLines(ProviderConfigSchema, 'argument', 0),
    '',
  ].join('\n');
}

function renderResource(kind: KindName): string {
  const def = KINDS[kind];
  return [
    `# ${def.terraformType} (resource)`,
    '',
    String(def.schema.description ?? ''),
    '',
    ...(def.guide ? [`How to use it: [${def.guide.title}](../${def.guide.page}).`, ''] : []),
    '## Arguments',
    '',
    ...fieldLines(def.schema, 'argument', 0),
    '',
    '## Attributes',
    '',
    ...fieldLines(def.schema, 'attribute', 0),
    '',
    ...resourceNotes(kind),
    '## Import',
    '',
    '```sh',
    `terraform import ${def.terraformType}.example ${def.id.example}`,
    '```',
    '',
    `The ID is ${def.id.description}.`,
    '',
  ].join('\n');
}

function renderDataSource(kind: KindName): string {
  const def = KINDS[kind];
  return [
    `# ${def.terraformType} (data source)`,
    '',
    `Looks up an existing ${def.title.toLowerCase()} by ${def.uniqueBy.map((k) => `\`${toTerraformName(k)}\``).join(' and ')}; every other field of the`,
    `[resource](../resources/${def.terraformType.replace(/^osd_/, '')}.md) is an attribute. Secrets read as null.`,
    '',
  ].join('\n');
}

function renderSite(): string {
  return ['# osd_site (data source)', '', String(SiteSchema.description ?? 'The site.'), '', '## Attributes', '', ...fieldLines(SiteSchema, 'all', 0), ''].join('\n');
}

/** One bullet per field; nested objects indent their own fields below. */
function fieldLines(object: TObject, which: 'argument' | 'attribute' | 'all', depth: number): string[] {
  const required = new Set(object.required ?? []);
  const lines: string[] = [];
  for (const [field, schema] of Object.entries(object.properties as Record<string, TSchema>)) {
    const isArgument = !schema.readOnly;
    if ((which === 'argument' && !isArgument) || (which === 'attribute' && isArgument)) continue;
    const notes = [
      typeName(schema),
      schema.readOnly ? 'computed' : required.has(field) ? 'required' : 'optional',
      schema.default !== undefined ? `default \`${JSON.stringify(schema.default)}\`` : hasDefault(schema) ? 'default from the server' : '',
      keyword(schema, 'immutable') ? 'forces replacement' : '',
      schema.writeOnly ? 'write-only, sensitive: never in plan or state' : '',
      allowed(schema),
    ].filter(Boolean);
    lines.push(`${'  '.repeat(depth)}- \`${toTerraformName(field)}\` (${notes.join(', ')}): ${oneLine(schema.description ?? '')}`);
    if (schema.writeOnly && which !== 'attribute') {
      const name = toTerraformName(field);
      lines.push(`${'  '.repeat(depth)}- \`${versionAttributeName(name)}\` (number, optional): change it to send a new \`${name}\`; Terraform never stores the value, so it cannot see it change.`);
    }
    const nested = schema.type === 'object' ? schema : schema.type === 'array' && schema.items?.type === 'object' ? schema.items : undefined;
    const same = nested ? keyword(nested as TSchema, 'sameAs') : undefined;
    // A deeper level that repeats an outer object's fields (nested conditions) is named, not listed again.
    if (same) lines.push(`${'  '.repeat(depth + 1)}- each has the fields of \`${toTerraformName(same)}\`, one level deeper`);
    else if (nested && which !== 'attribute') lines.push(...fieldLines(nested as TObject, 'all', depth + 1));
  }
  return lines;
}

function typeName(schema: TSchema): string {
  if (schema.type === 'object') return 'object';
  if (schema.type === 'array' && schema.items?.type === 'object') return 'list of objects';
  const cty = ctyTypeOf(schema);
  return typeof cty === 'string' ? cty : `${cty[0]} of ${String(cty[1])}`;
}

function allowed(schema: TSchema): string {
  const options = Array.isArray(schema.anyOf) ? schema.anyOf.map((s: TSchema) => s.const) : [];
  return options.length ? `one of ${options.map((o: unknown) => `\`${String(o)}\``).join(', ')}` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
