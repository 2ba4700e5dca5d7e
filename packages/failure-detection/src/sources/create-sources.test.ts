import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/index';
import { addPlainRun, addRepo, WORKFLOW } from './__fixtures__/github-scenario';
import { REPO, testClient, useEmulator } from './__fixtures__/harness';
import { FIXTURE_JOB, loadProwFixture } from './__fixtures__/load-prow-fixture';
import { createSources } from './create-sources';

const start = useEmulator();

function config(gcsBaseUrl: string, names = ['netdevsim', 'nightly 5.0']) {
  return parseConfig(
    `version: 1
sources:
  - { type: github-actions, name: "${names[0]}", repo: ${REPO}, workflow: ${WORKFLOW}, artifacts: ["ptp-artifacts-*"] }
  - { type: prow, name: "${names[1]}", job: ${FIXTURE_JOB}, gcsBaseUrl: "${gcsBaseUrl}" }
`,
    'test.yml',
  );
}

describe('createSources', () => {
  it('builds one working source per configured source, in order', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = addPlainRun(emulator, '2026-08-10T01:00:00Z', { conclusion: 'failure' });
    await loadProwFixture(emulator.state);
    const sources = createSources(config(emulator.gcsUrl), {
      octokit: testClient(emulator),
      fetch: globalThis.fetch,
    });
    expect(sources.map((s) => [s.name, s.type])).toEqual([
      ['netdevsim', 'github-actions'],
      ['nightly 5.0', 'prow'],
    ]);
    const since = { cursor: null, createdAfter: '2026-07-01T00:00:00Z' };
    expect((await sources[0]!.listRuns(since)).map((r) => r.id)).toEqual([String(run.id)]);
    expect(await sources[1]!.listRuns(since)).toHaveLength(2);
  });

  it('refuses two sources with the same name', async () => {
    const emulator = await start();
    expect(() =>
      createSources(config(emulator.gcsUrl, ['same', 'same']), { octokit: testClient(emulator) }),
    ).toThrow('sources: the name "same" is used twice; source names must be unique');
  });
});
