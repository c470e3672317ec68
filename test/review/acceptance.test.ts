/**
 * The review of real plans: the real `terraform` with the installed provider against the real
 * server. Two task sequences are deployed, then each scenario edits the configuration the way a
 * pull request would, plans it, and reviews the saved plan with the `cdk-osd` command.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { OsdClient } from '../../lib/client';
import { parsePlan, renderMarkdown, reviewPlan, type PlanJson, type Review, type StepChange } from '../../lib/review';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { Workspace } from '../support/terraform';
import { expectGolden, expectReadmeExample, stableIds } from './golden';
import { parseFlowchart } from './mermaid-flowchart';

const runFile = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

const JOIN_PASSWORD = 'Join-Pa55-Review-7q';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
type StepConfig = Record<string, unknown>;

const deploySteps = (): StepConfig[] => [
  { name: 'Partition', partition_disk: { partitions: [{ size: 100 }] } },
  { name: 'Apply image', apply_operating_system: { image_package_id: '${osd_os_image.win7.id}' } },
  { name: 'Apply settings', apply_windows_settings: { registered_user: 'Contoso', registered_organization: 'Contoso Ltd' } },
  {
    name: 'Join domain',
    apply_network_settings: { join_type: 'domain', domain: 'corp.example', join_account: 'CORP\\join', join_password: JOIN_PASSWORD, join_password_wo_version: 1 },
  },
  { name: 'Setup Windows', setup_windows_and_config_mgr: { client_package_id: '${osd_package.client.id}', installation_properties: 'SMSSITECODE=CM1' } },
  { name: 'Install tools', run_command_line: { command_line: 'install.cmd', package_id: '${osd_package.contoso.id}' } },
  { name: 'Copy logs', run_command_line: { command_line: 'copylogs.cmd \\\\srv01\\logs' } },
  { name: 'Cleanup', run_command_line: { command_line: 'cleanup.cmd' } },
];

function baseResources(): Resources {
  return {
    osd_package: {
      contoso: { name: 'Contoso Tools', version: '1.0', source_path: '\\\\srv01\\src\\contoso', lifecycle: { create_before_destroy: true } },
      dtk: { name: 'Dell DTK', version: '3.1', role: 'tools', source_path: '\\\\srv01\\src\\dtk', lifecycle: { create_before_destroy: true } },
      client: { name: 'ConfigMgr Client', role: 'client', lifecycle: { create_before_destroy: true } },
    },
    osd_os_image: { win7: { name: 'Windows 7 Enterprise', version: '1.0', source_path: '\\\\srv01\\images\\win7.wim', lifecycle: { create_before_destroy: true } } },
    osd_task_sequence: {
      deploy: { name: 'Deploy Windows 7', steps: deploySteps() },
      rollout: {
        name: 'Server rollout',
        steps: [
          { name: 'Configure hardware', group: {} },
          {
            name: 'Flash BIOS',
            in_group: 'Configure hardware',
            condition: { wmi_query: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } },
            run_command_line: { command_line: 'bios\\R710-020007.exe /s', package_id: '${osd_package.dtk.id}', hardware: 'bios' },
          },
          { name: 'Partition', partition_disk: { partitions: [{ size: 100 }] } },
          { name: 'Apply image', apply_operating_system: { image_package_id: '${osd_os_image.win7.id}' } },
          { name: 'Install tools', run_command_line: { command_line: 'install.cmd /server', package_id: '${osd_package.contoso.id}' } },
        ],
      },
    },
  };
}

/** The base configuration with the deploy sequence's steps edited. */
function withDeploySteps(edit: (steps: StepConfig[]) => StepConfig[]): Resources {
  const r = baseResources();
  r.osd_task_sequence.deploy.steps = edit(deploySteps());
  return r;
}

const summary = (steps: readonly StepChange[] | undefined) =>
  (steps ?? []).map((s) => `${s.change} ${s.kind} ${[...s.group, s.name].join('/')}${s.change === 'renamed' ? ` (was ${s.previousName})` : ''}`);

describe('cdk-osd review of real plans', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let tf: Workspace;

  beforeAll(async () => {
    server = await startServer();
    tf = await Workspace.create({ endpoint: server.url, token: server.adminToken });
    await tf.init();
    tf.writeResources(baseResources());
    await tf.apply();
  });
  afterAll(async () => {
    tf?.remove();
    await server?.stop();
  });

  /** Plans `resources` into `tfplan` in the workspace and returns its JSON. */
  async function plan(resources: Resources): Promise<PlanJson> {
    tf.writeResources(resources);
    await tf.must('plan', '-input=false', '-no-color', '-out=tfplan');
    return parsePlan((await tf.must('show', '-json', 'tfplan')).stdout, 'tfplan');
  }

  /** The review of the plan of `resources`, and the entry of the deploy sequence in it. */
  async function reviewOf(resources: Resources): Promise<{ review: Review; deploy: Review['objects'][number] | undefined }> {
    const review = reviewPlan(await plan(resources));
    return { review, deploy: review.objects.find((o) => o.address === 'osd_task_sequence.deploy') };
  }

  /** `cdk-osd review` as a user runs it, on the saved plan; stdout, stderr and exit code. */
  async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await runFile(process.execPath, [path.join(root, 'bin', 'cdk-osd.js'), 'review', ...args], {
        cwd: tf.dir,
        env: { ...tf.environment, ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  test('a step inserted at the top of an 8-step sequence is 1 step inserted and nothing else', async () => {
    const { review, deploy } = await reviewOf(withDeploySteps((s) => [{ name: 'Check readiness', run_command_line: { command_line: 'check.cmd' } }, ...s]));
    assert.deepEqual(summary(deploy?.steps), ['inserted step Check readiness']);
    assert.deepEqual(deploy?.steps?.[0].fields, [{ field: 'run_command_line.command_line', after: 'check.cmd' }]);
    assert.deepEqual(review.objects.map((o) => o.address), ['osd_task_sequence.deploy'], 'nothing else changes');
    // Terraform itself compares by position: every one of the 8 old steps differs from the one now at its place.
    const raw = (await plan(withDeploySteps((s) => [{ name: 'Check readiness', run_command_line: { command_line: 'check.cmd' } }, ...s]))).resource_changes.find(
      (r) => r.address === 'osd_task_sequence.deploy',
    )!;
    const before = (raw.change.before as { steps: { name: string }[] }).steps;
    const after = (raw.change.after as { steps: { name: string }[] }).steps;
    assert.equal(before.filter((s, i) => s.name !== after[i].name).length, 8);
  });

  test('removing, moving, renaming a step, changing a command line and nesting a step into a new group each show as exactly that', async () => {
    const cases: [string, (s: StepConfig[]) => StepConfig[], string[]][] = [
      ['remove', (s) => s.filter((x) => x.name !== 'Copy logs'), ['removed step Copy logs']],
      ['move', (s) => [s[0], s[6], ...s.slice(1, 6), s[7]], ['moved step Copy logs']],
      ['rename', (s) => s.map((x) => (x.name === 'Cleanup' ? { ...x, name: 'Clean up' } : x)), ['renamed step Clean up (was Cleanup)']],
      [
        'command line',
        (s) => s.map((x) => (x.name === 'Copy logs' ? { ...x, run_command_line: { command_line: 'copylogs.cmd \\\\srv02\\logs' } } : x)),
        ['changed step Copy logs'],
      ],
      ['nest', (s) => [...s.slice(0, 7), { name: 'Finish', group: {} }, { ...s[7], in_group: 'Finish' }], ['inserted group Finish', 'moved step Finish/Cleanup']],
    ];
    for (const [what, edit, expected] of cases) {
      const { review, deploy } = await reviewOf(withDeploySteps(edit));
      assert.deepEqual(summary(deploy?.steps), expected, what);
      assert.deepEqual(review.objects.map((o) => o.address), ['osd_task_sequence.deploy'], what);
      if (what === 'command line') {
        assert.deepEqual(deploy?.steps?.[0].fields, [{ field: 'run_command_line.command_line', before: 'copylogs.cmd \\\\srv01\\logs', after: 'copylogs.cmd \\\\srv02\\logs' }]);
      }
      if (what === 'move') assert.deepEqual([deploy?.steps?.[0].previousPosition, deploy?.steps?.[0].position], [6, 1]);
      if (what === 'nest') assert.deepEqual([deploy?.steps?.[1].previousGroup, deploy?.steps?.[1].group], [[], ['Finish']]);
    }
  });

  describe('a pull request that replaces a package two sequences use, edits steps and rotates the join password', () => {
    let planFile: string;
    let owners: Map<string, string>;
    let planJson: PlanJson;

    beforeAll(async () => {
      // A sequence another stack manages: on the server, not in this plan.
      const admin = new OsdClient({ endpoint: server.url, token: server.adminToken });
      const state = await tf.state();
      const contosoId = String(state['osd_package.contoso'].id);
      const other = await admin.create('taskSequence', {
        name: 'Branch office refresh',
        steps: [{ name: 'Install Contoso tools', runCommandLine: { commandLine: 'install.cmd /branch', packageId: contosoId } }],
      });
      const r = baseResources();
      // The role cannot change in place: the package is replaced (a new ID, so a new version too).
      r.osd_package.contoso = { ...r.osd_package.contoso, role: 'tools', version: '1.1' };
      r.osd_program = { client_setup: { package_id: '${osd_package.client.id}', name: 'Setup', command_line: 'ccmsetup.exe SMSSITECODE=CM1' } };
      const steps = deploySteps();
      steps[3] = { ...steps[3], apply_network_settings: { ...(steps[3].apply_network_settings as object), join_password_wo_version: 2 } };
      steps[6] = { ...steps[6], run_command_line: { command_line: 'copylogs.cmd \\\\srv02\\logs' } };
      r.osd_task_sequence.deploy.steps = [{ name: 'Check readiness', run_command_line: { command_line: 'check.cmd' } }, ...steps];
      planJson = await plan(r);
      planFile = path.join(tf.dir, 'tfplan');
      owners = new Map(
        planJson.resource_changes
          .map((rc) => [rc.address, (rc.change.before as { id?: unknown } | null)?.id] as const)
          .filter((e): e is readonly [string, string] => typeof e[1] === 'string'),
      );
      owners.set('server: Branch office refresh', other.value.id);
    });

    test('the blast radius lists both sequences of the plan and the one on the server, with their steps', async () => {
      const r = await cli([planFile, '--format', 'json', '--server'], { OSD_TOKEN: server.readerToken });
      assert.equal(r.code, 0, r.stderr);
      const review = JSON.parse(r.stdout) as Review;
      const contoso = review.blastRadius.find((i) => i.address === 'osd_package.contoso');
      assert.equal(contoso?.action, 'replace');
      assert.deepEqual(
        contoso?.usedBy.map((u) => [u.source, u.taskSequence, u.uses.map((x) => `${x.step?.name}: ${x.field}`)]),
        [
          ['plan', 'Deploy Windows 7', ['Install tools: run_command_line.package_id']],
          ['plan', 'Server rollout', ['Install tools: run_command_line.package_id']],
          ['server', 'Branch office refresh', ['Install Contoso tools: run_command_line.package_id']],
        ],
      );
      assert.equal(review.summary.replacesOrDeletesUsedObjects, true);
      assert.equal(review.serverChecked, true);
    });

    test('the rotated join password reads as rotated, and no form of the review holds the secret', async () => {
      const outputs = await Promise.all([cli([planFile]), cli([planFile, '--format', 'text']), cli([planFile, '--format', 'json'])]);
      for (const r of outputs) {
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout.split(JOIN_PASSWORD).length - 1, 0, 'the secret is in the review');
        assert.equal(r.stderr.includes(JOIN_PASSWORD), false);
      }
      assert.match(outputs[0].stdout, /secret `apply_network_settings\.join_password` rotated/);
      assert.match(outputs[1].stdout, /secret apply_network_settings\.join_password rotated/);
      // The secret is in the plan file (a literal in the configuration), so the check above can fail.
      assert.ok(JSON.stringify(planJson).includes(JOIN_PASSWORD));
    });

    test('the seed rules advise on the new client program (R4)', async () => {
      const review = reviewPlan(planJson);
      // run_from keeps its default, the network share, which R4 recommends.
      assert.deepEqual(review.advice.map((a) => `${a.address} ${a.rule} ${a.field}`), ['osd_program.client_setup R4 run_when']);
      assert.match(review.advice[0].message, /^R4: the client package's program should run only when no user is logged on; run_when is "userLoggedOn"$/);
    });

    test('the Markdown, text and JSON forms match their golden files, and the README shows the Markdown', async () => {
      const stable = stableIds(owners);
      const args = [planFile, '--title', 'pull request: Contoso Tools 1.1', '--server'];
      const reader = { OSD_TOKEN: server.readerToken };
      const [md, text, json] = await Promise.all([cli(args, reader), cli([...args, '--format', 'text'], reader), cli([...args, '--format', 'json'], reader)]);
      expectGolden('pull-request.md', stable(md.stdout));
      expectGolden('pull-request.txt', stable(text.stdout));
      expectGolden('pull-request.json', stable(json.stdout));
      // Same plan, same bytes.
      assert.equal((await cli(args, reader)).stdout, md.stdout);
      // The README embeds it one heading level down, under its own section.
      const serverSequences = (await new OsdClient({ endpoint: server.url, token: server.readerToken }).list('taskSequence')).value;
      const review = reviewPlan(planJson, { title: 'pull request: Contoso Tools 1.1', serverSequences });
      assert.equal(renderMarkdown(review), md.stdout, 'the library renders what the command writes');
      expectReadmeExample(stable(renderMarkdown(review, { headingLevel: 3 })));
    });

    test('each changed sequence comes with a Mermaid flowchart that parses: groups as subgraphs, hardware steps marked, changes highlighted', () => {
      const review = reviewPlan(planJson);
      const deploy = parseFlowchart(review.objects.find((o) => o.address === 'osd_task_sequence.deploy')!.mermaid!);
      assert.deepEqual(deploy.classes.get('inserted'), ['s0']);
      // Join domain (rotated), Install tools (the package's new ID), Copy logs (command line).
      assert.deepEqual(deploy.classes.get('changed'), ['s4', 's6', 's7']);
      assert.match(deploy.nodes.get('s7')!.label, /^Copy logs\nRun Command Line$/);
      assert.equal(deploy.edges.length, 8);
      const rollout = parseFlowchart(review.objects.find((o) => o.address === 'osd_task_sequence.rollout')!.mermaid!);
      const flash = rollout.nodes.get('s1')!;
      assert.equal(flash.shape, 'hexagon');
      assert.equal(flash.parent, 's0');
      assert.equal(rollout.nodes.get('s0')!.shape, 'subgraph');
      assert.match(flash.label, /hardware: bios\nif Model LIKE '%R710%'$/);
      assert.deepEqual(rollout.classes.get('changed'), ['s4']);
    });
  });
});
