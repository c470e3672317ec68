/**
 * The review as GitHub-flavoured Markdown, for a pull-request comment or a job summary: names
 * escaped so that nothing a user typed turns into markup, values as inline code, the flowcharts as
 * `mermaid` blocks, a warning as an alert, a new sequence's steps folded in `<details>`.
 */
import { bulletList, plainText, reviewDocument, type Block, type DocumentOptions, type Inline } from './document';
import type { Review } from './review';

export function renderMarkdown(review: Review, options: DocumentOptions = {}): string {
  return reviewDocument(review, options).map(block).join('\n\n') + '\n';
}

function block(b: Block): string {
  if ('heading' in b) return `${'#'.repeat(Math.min(b.level, 6))} ${inline(b.heading)}`;
  if ('paragraph' in b) return inline(b.paragraph);
  if ('warning' in b) return `> [!WARNING]\n> ${inline(b.warning)}`;
  if ('list' in b) return bulletList(b.list, inline);
  if ('diagram' in b) return b.legend ? `${fenced(b.diagram, b.language)}\n\n${inline(b.legend)}` : fenced(b.diagram, b.language);
  return `<details>\n<summary>${escapeHtml(plainText(b.details))}</summary>\n\n${b.blocks.map(block).join('\n\n')}\n\n</details>`;
}


function inline(parts: readonly Inline[]): string {
  return parts.map(part).join('');
}

function part(p: Inline): string {
  if (typeof p === 'string') return escape(p);
  if ('code' in p) return code(p.code);
  if ('strong' in p) return `**${inline(p.strong)}**`;
  if ('em' in p) return `_${escape(p.em)}_`;
  return `"${escape(p.name)}"`;
}

/**
 * Text with the characters escaped that Markdown or HTML would read as markup. An underscore
 * inside a word (`run_when`) is never emphasis, so only one at a word's edge is escaped.
 */
function escape(text: string): string {
  return text
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/_/g, (c, at: number, all: string) => (/[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + 1] ?? '') ? c : `\\${c}`))
    .replace(/\r?\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Inline code whose fence is longer than any run of backticks inside it. */
function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
