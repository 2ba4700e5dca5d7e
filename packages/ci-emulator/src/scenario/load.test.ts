import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { octokitFor, readJson, unzip, useEmulator } from '../test-helpers';
import { loadScenario } from './load';
import { ScenarioError } from './scenario-error';

const fixture = fileURLToPath(new URL('../__fixtures__/scenario-basic/', import.meta.url));
const start = useEmulator();
const repo = { owner: 'k8snetworkplumbingwg', repo: 'ptp-operator' };

async function scenarioDir(yaml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nightshift-scenario-'));
  await writeFile(join(dir, 'scenario.yaml'), yaml);
  return dir;
}

describe('loadScenario', () => {
  it('inlines repo trees, bodies, logs, artifact folders and the GCS mirror', async () => {
    const scenario = await loadScenario(fixture);
    const ptp = scenario.repos?.[0];
    expect(Object.keys(ptp?.files ?? {})).toEqual(['README.md', 'test/pkg/clock/clock.go']);
    expect(ptp?.issues?.[0]?.body).toContain('nightshift:fingerprint=0123abcd');
    expect(ptp?.workflows?.[0]?.runs?.[0]?.jobs?.[0]?.steps?.[1]?.log).toContain('[FAIL]');
    expect(Object.keys(ptp?.workflows?.[0]?.runs?.[0]?.artifacts?.[0]?.files ?? {})).toEqual(['junit.xml']);
    expect(scenario.prow?.objects?.map((object) => object.name)).toContain(
      'logs/periodic-ci-openshift-release-main-nightly-4.18-e2e-telco5g-ptp/latest-build.txt',
    );
  });

  it('names the file and field of every problem', async () => {
    await expect(loadScenario(join(tmpdir(), 'does-not-exist-nightshift'))).rejects.toThrow(
      /no scenario.yaml/,
    );
    const invalid = await scenarioDir('repos:\n  - owner: a\n    issues: [{ title: 3 }]\n');
    const error = await loadScenario(invalid).catch((e: unknown) => e);
    expect(ScenarioError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/repos\.0\.name/);
    expect(String((error as Error).message)).toMatch(/repos\.0\.issues\.0\.title/);
    await expect(loadScenario(await scenarioDir('repos: [\n'))).rejects.toThrow(/not valid YAML/);
    const outside = await scenarioDir(
      'repos:\n  - owner: a\n    name: b\n    issues: [{ title: t, bodyFile: ../../etc/passwd }]\n',
    );
    await expect(loadScenario(outside)).rejects.toThrow(/points outside the scenario directory/);
    const missing = await scenarioDir(
      'repos:\n  - owner: a\n    name: b\n    issues: [{ title: t, bodyFile: nope.md }]\n',
    );
    await expect(loadScenario(missing)).rejects.toThrow(
      /repos\.0\.issues\.0\.bodyFile: cannot read "nope.md"/,
    );
  });
});

describe('a scenario-seeded emulator', () => {
  it('serves the scenario and resets to it', async () => {
    const emulator = await start({ scenario: fixture });
    const alice = octokitFor(emulator, 'alice-token');
    const issues = await alice.rest.issues.listForRepo(repo);
    expect(issues.data.map((issue) => issue.title)).toEqual(['[nightly] BC should sync the clock']);
    const comments = await alice.rest.issues.listComments({ ...repo, issue_number: 1 });
    expect(comments.data[0]).toMatchObject({ body: '@ai-triage', user: { login: 'alice' } });
    const permission = await alice.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' });
    expect(permission.data.permission).toBe('write');
    // The scenario's fault hits the first runs listing only.
    await expect(alice.rest.actions.listWorkflowRunsForRepo(repo)).rejects.toMatchObject({ status: 502 });
    const runs = await alice.rest.actions.listWorkflowRunsForRepo(repo);
    const run = runs.data.workflow_runs[0]!;
    expect(run).toMatchObject({
      conclusion: 'failure',
      event: 'schedule',
      created_at: '2024-04-20T03:00:00Z',
    });
    const logs = await alice.rest.actions.downloadWorkflowRunLogs({ ...repo, run_id: run.id });
    expect(Object.keys(await unzip(Buffer.from(logs.data as ArrayBuffer)))).toEqual([
      '0_e2e (bc).txt',
      'e2e (bc)/2_Run make functests.txt',
    ]);
    const branch = await alice.rest.repos.getContent({
      ...repo,
      path: 'README.md',
      ref: 'release-4.18',
      mediaType: { format: 'raw' },
    });
    expect(branch.data).toBe('# ptp-operator 4.18\n');
    await expect(
      octokitFor(emulator, 'ro-token').rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
    });

    await alice.rest.issues.createComment({ ...repo, issue_number: 1, body: 'report' });
    const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as {
      repos: Array<{ issues: Array<{ comments: unknown[] }> }>;
      requestCounts: Record<string, number>;
    };
    expect(state.repos[0]?.issues[0]?.comments).toHaveLength(2);
    expect(state.requestCounts['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']).toBe(2);

    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect(emulator.requests()).toEqual([]);
    expect(emulator.state.snapshot().repos[0]?.issues[0]?.comments).toHaveLength(1);
    // Reset re-arms the scenario's faults too.
    await expect(alice.rest.actions.listWorkflowRunsForRepo(repo)).rejects.toMatchObject({ status: 502 });
  });

  it('serves the Prow build folder through the GCS API', async () => {
    const emulator = await start({ scenario: fixture });
    const job = 'periodic-ci-openshift-release-main-nightly-4.18-e2e-telco5g-ptp';
    const latest = await fetch(`${emulator.gcsUrl}/test-platform-results/logs/${job}/latest-build.txt`);
    const build = await latest.text();
    expect(build).toBe('2062610481222258688');
    const listing = await readJson<{ prefixes: string[]; items: Array<{ name: string }> }>(
      await fetch(
        `${emulator.gcsUrl}/storage/v1/b/test-platform-results/o?prefix=logs/${job}/${build}/&delimiter=/`,
      ),
    );
    expect(listing.prefixes).toEqual([`logs/${job}/${build}/artifacts/`]);
    expect(listing.items.map((item) => item.name.split('/').pop())).toEqual([
      'finished.json',
      'started.json',
    ]);
    const finished = await fetch(
      `${emulator.gcsUrl}/test-platform-results/logs/${job}/${build}/finished.json`,
    );
    expect(await readJson<{ passed: boolean }>(finished)).toMatchObject({ passed: false });
  });

  it('accepts an inline scenario object and refuses unresolved file references in one', async () => {
    const emulator = await start({
      scenario: {
        repos: [{ owner: 'o', name: 'r', files: { 'a.txt': 'a' }, issues: [{ title: 'inline' }] }],
      },
    });
    expect(
      (await octokitFor(emulator).rest.issues.get({ owner: 'o', repo: 'r', issue_number: 1 })).data.title,
    ).toBe('inline');
    await expect(start({ scenario: { repos: [{ owner: 'o', name: 'r', filesDir: 'x' }] } })).rejects.toThrow(
      /repos\.0\.filesDir refers to a file/,
    );
  });
});
