/**
 * Task sequence XML speed: reading and writing the 114-step fixture, the median of 50 runs each
 * (goal: a whole convert, read then write, under 100 ms). Baseline from the same run: what
 * fast-xml-parser alone takes to check and parse the same text, the floor under any reader built
 * on it. Run: `npx tsx bench/xml.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readTaskSequence, writeSequence } from '../lib/xml';

const runs = Number(process.argv[2] ?? 50);
const file = path.resolve(__dirname, '../test/fixtures/xml/large/114-steps.xml');
const bytes = readFileSync(file);
const text = bytes.toString('utf8');
const sequence = readTaskSequence(bytes).sequence;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(work: () => unknown): number {
  for (let i = 0; i < 5; i++) work(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, processEntities: false });
const results: [string, number][] = [
  ['read (bytes to document model)', time(() => readTaskSequence(bytes))],
  ['write (document model to text)', time(() => writeSequence(sequence))],
  ['convert (read, then write)', time(() => writeSequence(readTaskSequence(bytes).sequence))],
  ['baseline: fast-xml-parser validate + parse', time(() => (XMLValidator.validate(text), parser.parse(text)))],
];

console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes, 114 steps`);
for (const [name, ms] of results) console.log(`${name.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms (median of ${runs})`);
const convert = results[2][1];
const baseline = results[3][1];
console.log(`convert / baseline: ${(convert / baseline).toFixed(2)}; goal: convert under 100 ms: ${convert < 100 ? 'met' : 'NOT met'}`);
