/**
 * Where a plan comes from: `terraform show -json` output in a file or on standard input, or a
 * saved plan file (`terraform plan -out=tfplan`), which is shown with `terraform show -json` in
 * the folder it was saved in (Terraform needs that folder's providers to read it).
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsePlan, PlanInputError, type PlanJson } from './plan';

/** A saved plan is a zip archive. */
const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

export interface LoadedPlan {
  readonly plan: PlanJson;
  /** How to name the input in the review (the file's name, or "standard input"). */
  readonly label: string;
}

/** Reads `source`: a file name, or `-` for standard input. */
export async function loadPlan(source: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadedPlan> {
  if (source === '-') return { plan: parsePlan(await readStdin(), 'standard input'), label: 'standard input' };
  let content: Buffer;
  try {
    if (statSync(source).isDirectory()) throw new PlanInputError(`${source} is a folder; give a plan file (terraform plan -out=tfplan) or its "terraform show -json" output`);
    content = readFileSync(source);
  } catch (err) {
    if (err instanceof PlanInputError) throw err;
    throw new PlanInputError(`cannot read the plan ${source}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const label = path.basename(source);
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return { plan: parsePlan(await showSavedPlan(source, env), source), label };
  return { plan: parsePlan(content.toString('utf8'), source), label };
}

/** `terraform show -json PLANFILE`, run in the plan file's folder. */
export async function showSavedPlan(planFile: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = path.resolve(planFile);
  const result = await run('terraform', [`-chdir=${path.dirname(file)}`, 'show', '-json', '-no-color', file], env);
  if (result.error) {
    throw new PlanInputError(`${planFile} is a saved plan, and reading it needs terraform on the PATH: ${result.error.message}`);
  }
  if (result.code !== 0) {
    const why = result.stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(0, 6).join(' ');
    throw new PlanInputError(`terraform show -json ${planFile} failed (exit code ${result.code}) in ${path.dirname(file)}: ${why}`);
  }
  return result.stdout;
}

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}

/** Runs a program to completion, collecting its output (a plan's JSON can be large). */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: { cwd?: string; echo?: NodeJS.WritableStream } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      options.echo?.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
      options.echo?.write(d);
    });
    child.once('error', (error) => resolve({ code: null, stdout: '', stderr: '', error }));
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (d: Buffer) => chunks.push(d));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}
