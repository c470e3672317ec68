/**
 * The review as plain text for a terminal: the same words as the Markdown form, headings
 * underlined, lists indented, no markup. The flowcharts are left out (a terminal cannot draw them;
 * the step list says the same).
 */
import { bulletList, plainText, reviewDocument, type Block } from './document';
import type { Review } from './review';

export function renderText(review: Review): string {
  const blocks = reviewDocument(review).map(block).filter((b) => b !== '');
  return blocks.join('\n\n') + '\n';
}

function block(b: Block): string {
  if ('heading' in b) {
    const text = plainText(b.heading);
    return b.level <= 3 ? `${text}\n${(b.level <= 2 ? '=' : '-').repeat(text.length)}` : text;
  }
  if ('paragraph' in b) return plainText(b.paragraph);
  if ('warning' in b) return `WARNING: ${plainText(b.warning)}`;
  if ('list' in b) return bulletList(b.list, plainText);
  if ('diagram' in b) return '';
  return [plainText(b.details), ...b.blocks.map(block)].join('\n');
}

