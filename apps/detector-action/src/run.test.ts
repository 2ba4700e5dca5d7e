import type { Emulator } from '@nightshift/ci-emulator';
import type { DetectorResult, NightshiftConfig } from '@nightshift/failure-detection';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emulatorDeps, ISSUE_REPO, loadPtpConfig, startPtpScenario, writes } from './__fixtures__/harness';
import { actionOutputs, everySourceFailed, resolveIssueRepo, runDetection } from './run';

let config: NightshiftConfig;
let emulator: Emulator | undefined;

beforeAll(async () => {
  config = await loadPtpConfig();
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const only = (...names: string[]): NightshiftConfig => ({
  ...config,
  sources: config.sources.filter((s) => names.includes(s.name)),
});

describe('runDetection on the ptp-nightly scenario', () => {
  it('opens one issue per distinct failure, reports outputs and a summary, and a second cycle writes nothing', async () => {
    emulator = await startPtpScenario();
    const lines: string[] = [];
    const deps = emulatorDeps(emulator, config, (l) => lines.push(l));
    const first = await runDetection(deps, { config: deps.config, issueRepo: ISSUE_REPO });
    const { result } = first;

    expect(first.failed).toBe(false);
    expect(result.sourceErrors).toEqual([]);
    // Every configured source was read and logged.
    for (const source of config.sources)
      expect(lines.some((l) => l.startsWith(`${source.name}:`))).toBe(true);
    // 4 completed netdevsim runs on main (the PR run is filtered out, the running one skipped),
    // 2 linuxptp-daemon runs, 10 Prow builds.
    expect(result.runsProcessed).toBe(16);
    expect(result.runsSkippedInProgress).toBe(1);

    const titles = result.created.map((i) => i.title);
    expect(
      titles.some((t) => t.startsWith('[linuxptp-daemon unit]') && t.includes('TestApplyNodePtpProfiles')),
    ).toBe(true);
    // Failed on 08-09 and again on 08-11 with other pods and timings: still one issue.
    expect(titles.filter((t) => t.includes('secondary ptp4l'))).toHaveLength(1);
    expect(titles.some((t) => t.startsWith('[nightly 5.0]'))).toBe(true);
    // Failed, then passed on the re-run of the same commit.
    expect(result.flaky).toHaveLength(1);
    expect(result.flaky[0]?.title).toMatch(/^\[ptp-operator netdevsim\]/);
    for (const issue of result.created) expect(issue.title.length).toBeLessThanOrEqual(120);

    // The issues exist, in the configured repository, with distinct numbers.
    const repo = emulator.state
      .snapshot()
      .repos.find((r) => r.fullName === 'k8snetworkplumbingwg/ptp-operator');
    const open = new Set(repo?.issues.filter((i) => i.labels.includes('ci-failure')).map((i) => i.number));
    expect(result.created.map((i) => i.number).every((n) => open.has(n))).toBe(true);
    expect(new Set(result.created.map((i) => i.number)).size).toBe(result.created.length);

    const issuesOutput = JSON.parse(first.outputs.issues ?? '[]') as { number: number; action: string }[];
    expect(issuesOutput.filter((i) => i.action === 'created').map((i) => i.number)).toEqual(
      result.created.map((i) => i.number),
    );
    expect(first.outputs.created).toBe(String(result.created.length));
    expect(first.outputs['runs-processed']).toBe('16');
    for (const issue of result.created) expect(first.summary).toContain(`[#${issue.number}](${issue.url})`);

    const before = writes(emulator).length;
    const second = await runDetection(deps, { config: deps.config, issueRepo: ISSUE_REPO });
    expect(second.result).toMatchObject({ created: [], updated: [], reopened: [], runsProcessed: 0 });
    expect(writes(emulator).length).toBe(before);
    expect(second.summary).toContain('No issue changed.');
  });

  it('a dry run writes nothing and lists what it would create', async () => {
    emulator = await startPtpScenario();
    const cfg = only('linuxptp-daemon unit', 'nightly 5.0');
    const deps = emulatorDeps(emulator, cfg);
    const { result, summary } = await runDetection(deps, {
      config: deps.config,
      issueRepo: ISSUE_REPO,
      dryRun: true,
    });
    expect(writes(emulator)).toEqual([]);
    const creates = (result.plannedOperations ?? []).filter((op) => op.action === 'create-issue');
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(summary).toContain('dry run: nothing was written');
    for (const op of creates)
      if (op.action === 'create-issue') expect(summary).toContain(op.title.slice(0, 40));
  });

  it('keeps going when one source is down: the error is reported and the cycle does not fail', async () => {
    emulator = await startPtpScenario();
    emulator.faults.add({ route: 'GET /gcs/**', status: 503 });
    const deps = emulatorDeps(emulator, only('linuxptp-daemon unit', 'nightly 4.22'));
    const outcome = await runDetection(deps, { config: deps.config, issueRepo: ISSUE_REPO });
    expect(outcome.failed).toBe(false);
    expect(outcome.result.sourceErrors.map((e) => e.source)).toEqual(['nightly 4.22']);
    expect(outcome.result.created.map((i) => i.title).join('\n')).toContain('[linuxptp-daemon unit]');
    expect(outcome.summary).toContain('### Source errors');
    expect(outcome.outputs['source-errors']).toBe('1');
  });

  it('does not fail when a source is read but one of its runs is not: the run is retried next cycle', async () => {
    emulator = await startPtpScenario();
    emulator.faults.add({ route: 'GET /repos/*/linuxptp-daemon/actions/runs/*/jobs', status: 403 });
    const deps = emulatorDeps(emulator, only('linuxptp-daemon unit'));
    const outcome = await runDetection(deps, { config: deps.config, issueRepo: ISSUE_REPO });
    expect(outcome.failed).toBe(false);
    expect(outcome.result.sourceErrors).toEqual([]);
    expect(outcome.result.runErrors.map((e) => e.source)).toEqual(['linuxptp-daemon unit']);
    expect(outcome.outputs['run-errors']).toBe('1');
    expect(outcome.summary).toContain('### Runs not read (retried next cycle)');
  });

  it('fails only when every source failed', async () => {
    emulator = await startPtpScenario();
    emulator.faults.add({ route: 'GET /gcs/**', status: 503 });
    emulator.faults.add({ route: 'GET /repos/*/*/actions/**', status: 502 });
    const deps = emulatorDeps(emulator, only('linuxptp-daemon unit', 'nightly 4.22'));
    const outcome = await runDetection(deps, { config: deps.config, issueRepo: ISSUE_REPO });
    expect(outcome.failed).toBe(true);
    expect(new Set(outcome.result.sourceErrors.map((e) => e.source))).toEqual(
      new Set(['linuxptp-daemon unit', 'nightly 4.22']),
    );
    expect(outcome.result.created).toEqual([]);
  });
});

const empty: DetectorResult = {
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
};

describe('verdict and outputs', () => {
  it('everySourceFailed needs an error from each configured source', () => {
    const errors = (...sources: string[]) => ({
      ...empty,
      sourceErrors: sources.map((source) => ({ source, message: 'x' })),
    });
    expect(everySourceFailed(errors('a', 'a'), ['a', 'b'])).toBe(false);
    expect(everySourceFailed(errors('a', 'b'), ['a', 'b'])).toBe(true);
    expect(everySourceFailed(empty, [])).toBe(false);
    // Runs that could not be read are no source failure, even when every source has one.
    const unread = { ...empty, runErrors: [{ source: 'a', run: '7', message: '410 Gone' }] };
    expect(everySourceFailed(unread, ['a'])).toBe(false);
    expect(actionOutputs(unread)['run-errors']).toBe('1');
  });

  it('lists created, reopened and updated issues in the issues output', () => {
    const ref = (number: number) => ({ number, url: `u/${number}`, title: `t${number}`, key: `k${number}` });
    const out = actionOutputs({
      ...empty,
      created: [ref(1)],
      reopened: [ref(2)],
      updated: [ref(3)],
      flaky: [ref(3)],
    });
    expect(JSON.parse(out.issues ?? '')).toEqual([
      { ...ref(1), action: 'created' },
      { ...ref(2), action: 'reopened' },
      { ...ref(3), action: 'updated' },
    ]);
    expect(out).toMatchObject({ created: '1', reopened: '1', updated: '1', flaky: '1', recovered: '0' });
  });

  it('resolves the issue repository: input, then config, then the running repository', () => {
    const cfg = { ...config, issues: { ...config.issues, repository: 'cfg/repo' } };
    const none = { ...config, issues: { ...config.issues, repository: undefined } };
    expect(resolveIssueRepo('in/put', cfg, 'cur/rent')).toEqual({ owner: 'in', repo: 'put' });
    expect(resolveIssueRepo('', cfg, 'cur/rent')).toEqual({ owner: 'cfg', repo: 'repo' });
    expect(resolveIssueRepo(undefined, none, 'cur/rent')).toEqual({ owner: 'cur', repo: 'rent' });
    expect(() => resolveIssueRepo(undefined, none, undefined)).toThrow(/no repository for issues/);
    expect(() => resolveIssueRepo('bad', none, undefined)).toThrow(/owner\/name/);
  });
});
