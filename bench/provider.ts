/**
 * `terraform plan` (no changes) and `terraform apply` (create) of N osd_package resources against
 * the real server, next to the same N of Terraform's built-in `terraform_data` (no provider process)
 * measured in the same run. Prints seconds and the ratio. Goal: ≤ 2.0× at N = 200 and N = 1,000.
 *
 *   npm run bench:provider            # N = 200 and 1000
 *   npm run bench:provider -- 200     # chosen N
 */
import { performance } from 'node:perf_hooks';
import { startServer } from '../lib/server/launch';
import { Workspace } from '../test/support/terraform';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const PLAN_RUNS = 3;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(ws: Workspace): Promise<{ apply: number; plan: number }> {
  await ws.init();
  const apply = await timed(() => ws.must('apply', '-auto-approve', '-input=false', '-no-color'));
  const plans: number[] = [];
  for (let i = 0; i < PLAN_RUNS; i++) plans.push(await timed(() => ws.must('plan', '-input=false', '-no-color', '-detailed-exitcode')));
  return { apply, plan: median(plans) };
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    console.log('N      op      osd_package  terraform_data  ratio');
    for (const n of sizes.length ? sizes : [200, 1000]) {
      const osd = await Workspace.create({ endpoint: server.url, token: server.adminToken });
      osd.writeResources({ osd_package: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { name: `Bench ${n} ${i}`, version: '1.0' }])) });
      const base = await Workspace.create({ endpoint: server.url, token: server.adminToken });
      base.writeResources({ terraform_data: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { input: { name: `Bench ${n} ${i}`, version: '1.0' } }])) });
      const ours = await measure(osd);
      const theirs = await measure(base);
      for (const op of ['plan', 'apply'] as const) {
        console.log(`${String(n).padEnd(6)} ${op.padEnd(7)} ${ours[op].toFixed(2).padStart(9)} s  ${theirs[op].toFixed(2).padStart(11)} s  ${(ours[op] / theirs[op]).toFixed(2)}×`);
      }
      osd.remove();
      base.remove();
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
