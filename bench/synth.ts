/**
 * Synth benchmark: a generated stack of 1,000 deployment objects (300 packages, 600 programs, 100
 * task sequences of 10 steps each), built and synthesised to a temporary folder with every
 * validation on, as `cdktf synth` does. Baselines measured in the same run: the same number of
 * cdktf's built-in `terraform_data` resources (DataResource), and an empty stack. The baseline
 * skips validation: cdktf validates each DataResource by running `terraform version` (about 50 ms
 * per resource), which would make any comparison meaningless. The osd stack is also measured
 * without validation, to show what the model's checks cost.
 *
 *   node --import tsx bench/synth.ts [runs]      (default 5 runs; the median is reported)
 *
 * Goal: the 1,000-object synth in at most 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, DataResource, TerraformStack } from 'cdktf';
import { BootImage, DeploymentServer, InstallSoftware, PartitionDisk, SoftwarePackage, TaskSequence, type Program } from '../constructs';

const PACKAGES = 300;
const PROGRAMS_PER_PACKAGE = 2;
const TASK_SEQUENCES = 100;
const INSTALL_STEPS = 9;
const OBJECTS = PACKAGES * (1 + PROGRAMS_PER_PACKAGE) + TASK_SEQUENCES;

interface Scenario {
  readonly name: string;
  readonly build: (stack: TerraformStack) => void;
  readonly skipValidation: boolean;
}

/** 1,000 deployment objects; the task sequences install programs spread over all packages. */
const deploymentObjects = (stack: TerraformStack): void => {
  new DeploymentServer(stack, 'Server', { endpoint: 'http://127.0.0.1:8780' });
  const boot = BootImage.fromPackageId(stack, 'Boot', 'CM100001');
  const programs: Program[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = new SoftwarePackage(stack, `App${p}`, { name: `Application ${p}`, version: '1.0', sourcePath: `\\\\cm01\\apps\\app${p}` });
    for (let g = 0; g < PROGRAMS_PER_PACKAGE; g++) programs.push(pkg.addProgram(`Program${g}`, { commandLine: `setup${g}.exe /q` }));
  }
  for (let t = 0; t < TASK_SEQUENCES; t++) {
    const ts = new TaskSequence(stack, `Deploy${t}`, { name: `Deployment ${t}`, bootImage: boot });
    ts.addStep(new PartitionDisk({ partitions: [{ size: 100 }] }));
    const apps = ts.addGroup('Applications');
    for (let s = 0; s < INSTALL_STEPS; s++) {
      apps.addStep(new InstallSoftware({ name: `Install ${s}`, program: programs[(t * 7 + s * 61) % programs.length] }));
    }
  }
};

/** The same number of Terraform's built-in resources, for the cost of cdktf itself. */
const terraformData = (stack: TerraformStack): void => {
  for (let i = 0; i < OBJECTS; i++) new DataResource(stack, `Data${i}`, { input: { name: `object ${i}`, index: i } });
};

/** Builds an app with one stack of `scenario` and synthesises it; returns the seconds taken. */
function measure(scenario: Scenario): number {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-osd-bench-'));
  try {
    const start = performance.now();
    const app = new App({ outdir, stackTraces: false, skipValidation: scenario.skipValidation });
    scenario.build(new TerraformStack(app, 'bench'));
    app.synth();
    return (performance.now() - start) / 1000;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const runs = Math.max(3, Number(process.argv[2] ?? 5));
  const [osd, osdUnchecked, data, empty]: Scenario[] = [
    { name: `${OBJECTS} osd objects, validated`, build: deploymentObjects, skipValidation: false },
    { name: `${OBJECTS} osd objects, no validation`, build: deploymentObjects, skipValidation: true },
    { name: `${OBJECTS} terraform_data (baseline)`, build: terraformData, skipValidation: true },
    { name: 'empty stack (baseline)', build: () => {}, skipValidation: true },
  ];
  const scenarios = [osd, osdUnchecked, data, empty];
  // One untimed run each, so module loading and JIT warm-up are not billed to the first scenario.
  for (const scenario of scenarios) measure(scenario);
  const times = new Map<Scenario, number[]>(scenarios.map((s) => [s, []]));
  for (let r = 0; r < runs; r++) for (const scenario of scenarios) times.get(scenario)!.push(measure(scenario));

  const medianOf = (s: Scenario) => median(times.get(s)!);
  console.log(`synth (build the constructs + app.synth() to a temporary folder), median of ${runs} runs, node ${process.version}:`);
  for (const scenario of scenarios) {
    const t = times.get(scenario)!;
    console.log(`  ${scenario.name.padEnd(40)} ${medianOf(scenario).toFixed(3)} s   (min ${Math.min(...t).toFixed(3)}, max ${Math.max(...t).toFixed(3)})`);
  }
  console.log(`  ratio validated osd / terraform_data: ${(medianOf(osd) / medianOf(data)).toFixed(2)}x`);
  console.log(`  ratio validated osd / unvalidated osd: ${(medianOf(osd) / medianOf(osdUnchecked)).toFixed(2)}x (the model's checks)`);
  console.log(`  goal: ${OBJECTS} objects in ≤ 3 s: ${medianOf(osd) <= 3 ? 'met' : 'NOT met'}`);
}

main();
