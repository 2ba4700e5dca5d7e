import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, readJson, useEmulator } from '../test-helpers';

const start = useEmulator();

async function seeded() {
  const clock = fixedClock();
  const emulator = await start({ now: clock.now });
  emulator.state.addRepo({ owner: 'octo', name: 'demo', files: { 'README.md': '# demo\n' } });
  return { emulator, clock, octokit: octokitFor(emulator) };
}

describe('issues', () => {
  it('creates, reads, updates and lists issues with filters', async () => {
    const { emulator, clock, octokit } = await seeded();
    const created = await octokit.rest.issues.create({
      owner: 'octo',
      repo: 'demo',
      title: 'CI broke',
      body: 'log',
      labels: ['ci-failure'],
    });
    expect(created.status).toBe(201);
    expect(created.data.number).toBe(1);
    expect(created.data.user?.login).toBe('nightshift-emulator');
    expect(created.data.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual([
      'ci-failure',
    ]);
    clock.advance(60);
    await octokit.rest.issues.create({ owner: 'octo', repo: 'demo', title: 'Other' });

    const closed = await octokit.rest.issues.update({
      owner: 'octo',
      repo: 'demo',
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.data.state).toBe('closed');
    expect(closed.data.state_reason).toBe('not_planned');
    expect(closed.data.closed_at).toBe('2024-05-01T12:01:00Z');

    const open = await octokit.rest.issues.listForRepo({ owner: 'octo', repo: 'demo' });
    expect(open.data.map((issue) => issue.title)).toEqual(['Other']);
    const labelled = await octokit.rest.issues.listForRepo({
      owner: 'octo',
      repo: 'demo',
      state: 'all',
      labels: 'ci-failure',
    });
    expect(labelled.data.map((issue) => issue.number)).toEqual([1]);
    const ascending = await octokit.rest.issues.listForRepo({
      owner: 'octo',
      repo: 'demo',
      state: 'all',
      direction: 'asc',
    });
    expect(ascending.data.map((issue) => issue.number)).toEqual([1, 2]);
    expect(emulator.state.snapshot().repos[0]?.issues.map((issue) => issue.state)).toEqual([
      'closed',
      'open',
    ]);
  });

  it('paginates past 100 items with Link headers', async () => {
    const { emulator, octokit } = await seeded();
    for (let i = 1; i <= 230; i++) emulator.state.addIssue('octo/demo', { title: `issue ${i}` });
    const first = await octokit.rest.issues.listForRepo({ owner: 'octo', repo: 'demo', per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'octo',
      repo: 'demo',
      per_page: 100,
    });
    expect(all).toHaveLength(230);
    expect(new Set(all.map((issue) => issue.number)).size).toBe(230);
    expect(emulator.requestCounts()['GET /repos/{owner}/{repo}/issues']).toBe(4);
  });

  it('answers 304 to If-None-Match without spending rate limit', async () => {
    const { emulator } = await seeded();
    emulator.state.addIssue('octo/demo', { title: 'one' });
    const url = `${emulator.url}/repos/octo/demo/issues/1`;
    const headers = { authorization: 'token abc' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const second = await fetch(url, { headers: { ...headers, 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    emulator.state.addComment('octo/demo', 1, 'changed');
    const third = await fetch(url, { headers: { ...headers, 'if-none-match': etag! } });
    expect(third.status).toBe(200);
    expect(Number(third.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
  });

  it('returns GitHub-shaped 404 and 422 errors', async () => {
    const { emulator, octokit } = await seeded();
    await expect(
      octokit.rest.issues.get({ owner: 'octo', repo: 'demo', issue_number: 9 }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found', documentation_url: expect.any(String) } },
    });
    const response = await fetch(`${emulator.url}/repos/octo/demo/issues`, {
      method: 'POST',
      headers: { authorization: 'token abc', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'no title' }),
    });
    expect(response.status).toBe(422);
    expect(await readJson(response)).toMatchObject({
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
    });
  });
});
