import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '@nightshift/failure-detection';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs } from './action-inputs';
import { actionOutputs } from './run';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workflowsDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => f.endsWith('.yml'));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  'timeout-minutes'?: unknown;
  concurrency?: unknown;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const action = parse(readFileSync(join(root, 'apps/detector-action/action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

describe('workflows in .github/workflows', () => {
  it.each(workflowFiles)('%s follows the safety rules', (file) => {
    const text = readFileSync(join(workflowsDir, file), 'utf8');
    const workflow = parse(text) as Workflow;
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${file}: job ${name} grants its own permissions`).toBeTypeOf('object');
      expect(job['timeout-minutes'], `${file}: job ${name} has a timeout`).toBeDefined();
      expect(
        job.concurrency ?? workflow.concurrency,
        `${file}: job ${name} has a concurrency group`,
      ).toBeDefined();
      for (const step of job.steps ?? []) {
        if (step.run !== undefined)
          expect(step.run, `${file}: no expression inside run:`).not.toContain('${{');
        if (step.uses === undefined || step.uses.startsWith('./')) continue;
        expect(step.uses, `${file}: ${step.uses} is pinned by a full commit SHA`).toMatch(
          /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/,
        );
        const line = text.split('\n').find((l) => l.includes(`uses: ${step.uses}`)) ?? '';
        expect(line, `${file}: the pin says which version it is`).toMatch(/# v\d+(\.\d+)*\s*$/);
        if (step.uses.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
      }
    }
  });

  it('detector.yml is reusable, grants exactly what the detector needs, and passes only inputs the action has', () => {
    const workflow = parse(readFileSync(join(workflowsDir, 'detector.yml'), 'utf8')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    const job = workflow.jobs.detect!;
    expect(job.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'write' });
    const step = job.steps?.find((s) => s.uses === './.nightshift/apps/detector-action');
    expect(step).toBeDefined();
    for (const input of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });
});

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs main.ts reads and the outputs it sets', () => {
    const read: string[] = [];
    readActionInputs((name) => {
      read.push(name);
      return name === 'token' ? 't' : '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
    const outputs = actionOutputs({
      created: [],
      updated: [],
      reopened: [],
      recovered: [],
      flaky: [],
      unchanged: 0,
      runsProcessed: 0,
      runsSkippedInProgress: 0,
      sourceErrors: [],
      runErrors: [],
    });
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(outputs).sort());
  });
});

describe('docs/workflows.md', () => {
  const doc = readFileSync(join(root, 'docs/workflows.md'), 'utf8');
  const block = (firstLine: string) => {
    const found = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((b) => b.startsWith(firstLine));
    if (!found) throw new Error(`no yaml block starting with ${firstLine}`);
    return found;
  };

  it('the example PTP configuration is valid', () => {
    const config = parseConfig(block('# .github/nightshift.yml'), 'docs/workflows.md');
    expect(config.issues.repository).toBe('k8snetworkplumbingwg/ptp-operator');
    const repos = new Set(config.sources.flatMap((s) => (s.type === 'github-actions' ? [s.repo] : [])));
    expect([...repos].sort()).toEqual([
      'k8snetworkplumbingwg/linuxptp-daemon',
      'k8snetworkplumbingwg/ptp-operator',
      'redhat-cne/cloud-event-proxy',
    ]);
    expect(config.sources.filter((s) => s.type === 'prow').length).toBeGreaterThan(0);
  });

  it('the ptp-operator caller runs every 6 hours, after netdevsim CI and by hand, with the permissions the called job needs', () => {
    const caller = parse(block('# .github/workflows/nightshift-detector.yml\n')) as Workflow;
    expect(Object.keys(caller.on).sort()).toEqual(['schedule', 'workflow_dispatch', 'workflow_run']);
    expect((caller.on.schedule as { cron: string }[])[0]?.cron).toMatch(/^\S+ \*\/6 \* \* \*$/);
    expect(caller.on.workflow_run).toMatchObject({ workflows: ['netdevsim CI'], types: ['completed'] });
    expect(caller.permissions).toEqual({});
    const job = caller.jobs.detect!;
    expect(job.uses).toMatch(/\/\.github\/workflows\/detector\.yml@/);
    expect(job.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'write' });
    expect(Object.keys(job.with ?? {})).toEqual(
      expect.arrayContaining(['nightshift-repository', 'nightshift-ref']),
    );
  });
});
