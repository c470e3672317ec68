/** Writes the provider's reference pages (docs/provider.md, docs/resources/, docs/data-sources/) from the model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderAllDocs } from '../lib/docs/render';

const root = join(__dirname, '..', 'docs');
for (const [path, text] of renderAllDocs()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`wrote ${renderAllDocs().size} pages under docs/`);
