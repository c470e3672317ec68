/**
 * Review benchmark: a plan of 1,000 deployment objects (300 packages, 500 programs, 100 OS
 * images, 100 task sequences of 20 steps in groups), in the shape `terraform show -json` writes
 * (every attribute present, null where unset, `_wo_version` beside each secret; values through the
 * provider's own state conversion), with what a large pull request changes: 30 packages replaced
 * (their steps' references become unknown), 100 programs updated, every sequence with a step
 * inserted at the top, one changed, one moved and its join password rotated.
 *
 * Measured, median of several runs: reading the plan JSON, reviewing it, and rendering Markdown
 * and JSON (`review`); `cdk-osd review plan.json` as a process (`command`). Baselines in the same
 * run: `JSON.parse` of the same text, and `cdk-osd --help` (the command's start-up).
 *
 *   node --import tsx bench/review.ts [runs]      (default 7 runs)
 *
 * Goal: the review of the 1,000-object plan in under 1 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TObject } from '@sinclair/typebox';
import { KINDS, type KindName, type Step } from '../lib/model';
import { toTerraform } from '../lib/provider/state';
import { parsePlan, renderJson, renderMarkdown, reviewPlan } from '../lib/review';

const PACKAGES = 300;
const PROGRAMS = 500;
const IMAGES = 100;
const SEQUENCES = 100;
const REPLACED = 30;
const runs = Number(process.argv[2] ?? 7);

const id = (n: number) => `CM1${n.toString(16).toUpperCase().padStart(5, '0')}`;
const tf = (kind: KindName, value: Record<string, unknown>) => toTerraform(KINDS[kind].schema as TObject, value, null);

function change(type: string, name: string, actions: string[], before: unknown, after: unknown, afterUnknown: unknown = {}) {
  return { address: `${type}.${name}`, mode: 'managed', type, name, change: { actions, before, after, after_unknown: afterUnknown, before_sensitive: {}, after_sensitive: {} } };
}

function steps(t: number, edited: boolean): { steps: Step[]; unknown: unknown[] } {
  const list: Step[] = [
    { name: 'Partition', partitionDisk: { partitions: [{ size: 100 }] } },
    { name: 'Apply image', applyOperatingSystem: { imagePackageId: id(PACKAGES + (t % IMAGES)) } },
    { name: 'Join domain', applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join' } },
    { name: 'Applications', group: {} },
  ];
  for (let s = 0; s < 16; s++) {
    const pkg = (t * 7 + s * 13) % PACKAGES;
    list.push({ name: `Install ${s}`, inGroup: 'Applications', runCommandLine: { commandLine: `setup${s}.exe /q`, packageId: id(pkg) } });
  }
  if (!edited) return { steps: list, unknown: [] };
  list[6] = { ...list[6], runCommandLine: { ...list[6].runCommandLine!, commandLine: 'setup2.exe /q /norestart' } };
  const [moved] = list.splice(10, 1);
  list.splice(15, 0, moved);
  list.unshift({ name: 'Check readiness', runCommandLine: { commandLine: 'check.cmd' } });
  const unknown = list.map((s) => (s.runCommandLine?.packageId && Number.parseInt(s.runCommandLine.packageId.slice(3), 16) < REPLACED ? { run_command_line: { package_id: true } } : {}));
  return { steps: list, unknown };
}

/** A sequence in Terraform's shape, with the join password's version (`rotation`). */
function sequence(t: number, edited: boolean): { value: Record<string, unknown>; unknown: unknown } {
  const { steps: list, unknown } = steps(t, edited);
  const value = tf('taskSequence', { id: id(PACKAGES + IMAGES + t), name: `Deployment ${t}`, steps: list });
  for (const step of value.steps as Record<string, Record<string, unknown> | null>[]) {
    if (step.apply_network_settings) step.apply_network_settings.join_password_wo_version = edited ? 2 : 1;
  }
  return { value, unknown: { steps: unknown } };
}

function plan(): string {
  const changes: unknown[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const before = tf('package', { id: id(p), name: `Application ${p}`, version: '1.0', role: 'software', sourcePath: `\\\\cm01\\apps\\app${p}` });
    if (p < REPLACED) changes.push(change('osd_package', `app${p}`, ['create', 'delete'], before, { ...before, id: null, role: 'tools' }, { id: true }));
    else changes.push(change('osd_package', `app${p}`, ['no-op'], before, before));
  }
  for (let g = 0; g < PROGRAMS; g++) {
    const pkg = g % PACKAGES;
    const before = tf('program', { id: `${id(pkg)}/Program${g}`, packageId: id(pkg), name: `Program${g}`, commandLine: `setup${g}.exe /q`, runWhen: 'noUserLoggedOn', adminRights: true });
    const after = g < 100 ? { ...before, command_line: `setup${g}.exe /q /l*v log.txt` } : before;
    changes.push(change('osd_program', `program${g}`, [g < 100 ? 'update' : 'no-op'], before, after));
  }
  for (let i = 0; i < IMAGES; i++) {
    const image = tf('osImage', { id: id(PACKAGES + i), name: `Image ${i}`, version: '1.0', sourcePath: `\\\\cm01\\images\\image${i}.wim` });
    changes.push(change('osd_os_image', `image${i}`, ['no-op'], image, image));
  }
  for (let t = 0; t < SEQUENCES; t++) {
    const before = sequence(t, false);
    const after = sequence(t, true);
    changes.push(change('osd_task_sequence', `deploy${t}`, ['update'], before.value, after.value, after.unknown));
  }
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: changes, errored: false });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(what: () => void): number {
  const start = performance.now();
  what();
  return performance.now() - start;
}

const text = plan();
const objects = (JSON.parse(text) as { resource_changes: unknown[] }).resource_changes.length;
const dir = mkdtempSync(path.join(tmpdir(), 'osd-bench-review-'));
try {
  const file = path.join(dir, 'plan.json');
  writeFileSync(file, text);
  const cli = path.join(__dirname, '..', 'bin', 'cdk-osd.js');
  let bytes = 0;
  const review = () => {
    const r = reviewPlan(parsePlan(text, 'plan.json'));
    bytes = renderMarkdown(r).length + renderJson(r).length;
  };
  review(); // warm up: the model's schemas and caches
  const reviewed = median(Array.from({ length: runs }, () => time(review)));
  const parsed = median(Array.from({ length: runs }, () => time(() => JSON.parse(text))));
  const command = median(Array.from({ length: runs }, () => time(() => execFileSync(process.execPath, [cli, 'review', file], { maxBuffer: 256 * 1024 * 1024 }))));
  const startup = median(Array.from({ length: runs }, () => time(() => execFileSync(process.execPath, [cli, '--help']))));
  const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  process.stdout.write(
    [
      `plan: ${objects} objects, ${(text.length / 1e6).toFixed(1)} MB of JSON; review output ${(bytes / 1e6).toFixed(1)} MB (Markdown + JSON); median of ${runs}`,
      `  review (read, review, render)  ${ms(reviewed)}   baseline JSON.parse of the plan ${ms(parsed)}   ×${(reviewed / parsed).toFixed(1)}`,
      `  cdk-osd review plan.json       ${ms(command)}   baseline cdk-osd --help         ${ms(startup)}   +${(command - startup).toFixed(0)} ms`,
      `  goal: under 1 s: ${command < 1000 ? 'met' : 'missed'} (command), ${reviewed < 1000 ? 'met' : 'missed'} (review)`,
    ].join('\n') + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
