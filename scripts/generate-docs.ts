/**
 * Writes what is generated from the model: the provider's reference pages (docs/provider.md,
 * docs/resources/, docs/data-sources/), the construct props (constructs/generated/props.ts) and
 * the props reference in constructs/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderAllDocs } from '../lib/docs/render';
import { renderPropsFile } from '../constructs/codegen/props';
import { withPropsReference } from '../constructs/codegen/readme';

const project = join(__dirname, '..');
const docs = join(project, 'docs');
for (const [path, text] of renderAllDocs()) {
  mkdirSync(dirname(join(docs, path)), { recursive: true });
  writeFileSync(join(docs, path), text);
}
writeFileSync(join(project, 'constructs', 'generated', 'props.ts'), renderPropsFile());
const readme = join(project, 'constructs', 'README.md');
writeFileSync(readme, withPropsReference(readFileSync(readme, 'utf8')));
console.log(`wrote ${renderAllDocs().size} pages under docs/, constructs/generated/props.ts and the props reference in constructs/README.md`);
