/**
 * Start-up cost of the HTTP client, which the provider imports in a process Terraform starts
 * several times per command. Prints the median time to import the client in a fresh Node process,
 * against a baseline measured in the same run: importing what an eager client would load (axios
 * and the model's registry). Run: `node --import tsx bench/client-import.ts [runs]`.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const runs = Number(process.argv[2] ?? 15);

function timeIn(script: string): number {
  const code = `const t0 = performance.now(); ${script}; process.stdout.write(String(performance.now() - t0));`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: root, encoding: 'utf8' }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const cases = {
  'client (lazy: import + construct)': "const { OsdClient } = require('./lib/client'); new OsdClient({ endpoint: 'http://127.0.0.1:1', token: 't' })",
  'baseline (eager: axios + model registry)': "require('axios'); require('./lib/model/kinds')",
};

const results: Record<string, number> = {};
for (const [name, script] of Object.entries(cases)) {
  timeIn(script); // warm the file system cache and tsx's transform cache
  results[name] = median(Array.from({ length: runs }, () => timeIn(script)));
}
const [client, baseline] = Object.values(results);
for (const [name, ms] of Object.entries(results)) console.log(`${name.padEnd(42)} ${ms.toFixed(1).padStart(7)} ms (median of ${runs})`);
console.log(`client / baseline: ${(client / baseline).toFixed(2)}`);
