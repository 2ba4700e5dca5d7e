import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../search-query';
import { fixedClock, octokitFor, readJson, useEmulator } from '../test-helpers';

const start = useEmulator();

async function seeded(limits = {}) {
  const clock = fixedClock();
  const emulator = await start({ now: clock.now, limits });
  const { state } = emulator;
  state.addRepo({
    owner: 'octo',
    name: 'demo',
    files: {
      'pkg/clock/sync.go': 'func SyncClock() { ptp4l() }\n',
      'README.md': 'ptp docs\n',
      'pkg/clock/sync_test.go': 'ptp\n',
    },
  });
  state.addRepo({ owner: 'octo', name: 'other', files: { 'main.go': 'ptp4l other\n' } });
  state.addIssue('octo/demo', {
    title: 'PTP clock lost sync',
    body: '<!-- nightshift:fp=abc123 -->\nholdover',
    labels: ['ci-failure'],
  });
  state.addIssue('octo/demo', { title: 'Docs typo', body: 'ptp spelled wrong', state: 'closed' });
  state.addIssue('octo/other', { title: 'PTP clock lost sync', body: 'elsewhere', labels: ['ci-failure'] });
  state.addComment('octo/demo', 2, 'fingerprint zz999 in a comment');
  return { emulator, clock, octokit: octokitFor(emulator) };
}

describe('search query parsing', () => {
  it('splits words, phrases, qualifiers and negations', () => {
    expect(
      parseSearchQuery('repo:o/r is:issue label:"needs triage" -label:flaky "lost sync" holdover'),
    ).toEqual({
      terms: ['lost sync', 'holdover'],
      qualifiers: [
        { key: 'repo', value: 'o/r', negated: false },
        { key: 'is', value: 'issue', negated: false },
        { key: 'label', value: 'needs triage', negated: false },
        { key: 'label', value: 'flaky', negated: true },
      ],
    });
  });
});

describe('GET /search/issues', () => {
  it('applies repo, state, label, in: and free-word qualifiers', async () => {
    const { octokit } = await seeded();
    const q = async (query: string) =>
      (await octokit.rest.search.issuesAndPullRequests({ q: query })).data.items.map(
        (item) => `${item.repository_url.split('/').pop()}#${item.number}`,
      );
    expect(await q('repo:octo/demo is:issue is:open abc123')).toEqual(['demo#1']);
    expect(await q('"lost sync" label:ci-failure')).toEqual(['other#1', 'demo#1']);
    expect(await q('repo:octo/demo ptp in:title')).toEqual(['demo#1']);
    expect(await q('repo:octo/demo ptp in:body')).toEqual(['demo#2']);
    expect(await q('repo:octo/demo is:closed')).toEqual(['demo#2']);
    expect(await q('zz999')).toEqual(['demo#2']);
    expect(await q('zz999 in:title')).toEqual([]);
    expect(await q('repo:octo/demo -label:ci-failure')).toEqual(['demo#2']);
    const result = await octokit.rest.search.issuesAndPullRequests({ q: 'repo:octo/demo' });
    expect(result.data).toMatchObject({ total_count: 2, incomplete_results: false });
    await expect(octokit.rest.search.issuesAndPullRequests({ q: '' })).rejects.toMatchObject({ status: 422 });
  });

  it('counts against the search rate limit, not the core one', async () => {
    const { emulator } = await seeded({ search: 2 });
    const get = () => fetch(`${emulator.url}/search/issues?q=ptp`, { headers: { authorization: 'token t' } });
    const first = await get();
    expect(first.headers.get('x-ratelimit-resource')).toBe('search');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(403);
    expect((await readJson(limited)).message).toMatch(/rate limit exceeded/);
    const core = await fetch(`${emulator.url}/repos/octo/demo`, { headers: { authorization: 'token t' } });
    expect(core.headers.get('x-ratelimit-used')).toBe('1');
  });
});

describe('GET /search/code', () => {
  it('finds default-branch files by words, repo, path and extension, with text matches', async () => {
    const { octokit } = await seeded();
    const paths = async (q: string) =>
      (await octokit.rest.search.code({ q })).data.items.map(
        (item) => `${item.repository.name}:${item.path}`,
      );
    expect(await paths('ptp4l')).toEqual(['demo:pkg/clock/sync.go', 'other:main.go']);
    expect(await paths('ptp repo:octo/demo extension:go')).toEqual([
      'demo:pkg/clock/sync.go',
      'demo:pkg/clock/sync_test.go',
    ]);
    expect(await paths('ptp repo:octo/demo path:pkg/clock filename:sync.go')).toEqual([
      'demo:pkg/clock/sync.go',
    ]);
    expect(await paths('ptp path:docs')).toEqual([]);
    const withMatches = await octokit.rest.search.code({
      q: 'SyncClock repo:octo/demo',
      headers: { accept: 'application/vnd.github.text-match+json' },
    });
    expect(withMatches.data.items[0]?.text_matches?.[0]).toMatchObject({
      fragment: 'func SyncClock() { ptp4l() }',
      matches: [{ text: 'SyncClock', indices: [5, 14] }],
    });
  });

  it('enforces the code_search limit (10/min by default, then 403 or the configured 429)', async () => {
    const { emulator, clock } = await seeded();
    const get = () => fetch(`${emulator.url}/search/code?q=ptp`, { headers: { authorization: 'token t' } });
    for (let i = 0; i < 10; i++) expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-resource')).toBe('code_search');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    clock.advance(60);
    expect((await get()).status).toBe(200);

    const strict = await seeded({ codeSearch: 1, searchExceededStatus: 429 });
    const again = () =>
      fetch(`${strict.emulator.url}/search/code?q=ptp`, { headers: { authorization: 'token t' } });
    expect((await again()).status).toBe(200);
    const tooMany = await again();
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires authentication', async () => {
    const { emulator } = await seeded();
    expect((await fetch(`${emulator.url}/search/code?q=ptp`)).status).toBe(401);
  });
});
