import { describe, expect, it } from 'vitest';
import { compileMatcher } from './faults';
import { octokitFor, readJson, useEmulator } from './test-helpers';

const start = useEmulator();
const ISSUES = 'GET /repos/{owner}/{repo}/issues';

async function seeded() {
  const emulator = await start();
  emulator.state.addRepo({ owner: 'octo', name: 'demo' });
  emulator.state.addIssue('octo/demo', { title: 'one' });
  return emulator;
}

const get = (url: string) => fetch(url, { headers: { authorization: 'token t' } });

describe('fault matching', () => {
  it('matches route keys, method+path globs and bare path globs', () => {
    const byRoute = compileMatcher(ISSUES);
    expect(byRoute(ISSUES, 'GET', '/repos/a/b/issues')).toBe(true);
    expect(byRoute('POST /repos/{owner}/{repo}/issues', 'POST', '/repos/a/b/issues')).toBe(false);
    const glob = compileMatcher('GET /repos/*/*/actions/**');
    expect(glob('x', 'GET', '/repos/a/b/actions/runs/1/logs')).toBe(true);
    expect(glob('x', 'GET', '/repos/a/b/issues')).toBe(false);
    expect(glob('x', 'POST', '/repos/a/b/actions/runs')).toBe(false);
    expect(compileMatcher('/_downloads/*')('x', 'GET', '/_downloads/abc')).toBe(true);
    expect(compileMatcher(undefined)('x', 'DELETE', '/anything')).toBe(true);
  });
});

describe('fault injection', () => {
  it('answers 500 and 502 for the given number of times, after skipping some', async () => {
    const emulator = await seeded();
    emulator.faults.add({ route: ISSUES, status: 502, after: 1, times: 2 });
    const url = `${emulator.url}/repos/octo/demo/issues`;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(url)).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    emulator.faults.add({ route: ISSUES, status: 500, times: 1 });
    const failed = await get(url);
    expect(failed.status).toBe(500);
    expect(await readJson(failed)).toMatchObject({ message: 'Server Error' });
    expect(emulator.requests().map((entry) => entry.fault ?? '-')).toEqual([
      '-',
      'status',
      'status',
      '-',
      'status',
    ]);
  });

  it('sends GitHub secondary rate limits (403 + retry-after) and 429s', async () => {
    const emulator = await seeded();
    emulator.faults.add({ route: ISSUES, secondaryRateLimit: true, retryAfter: 7, times: 1 });
    emulator.faults.add({ route: ISSUES, status: 429, retryAfter: 3, times: 1 });
    const url = `${emulator.url}/repos/octo/demo/issues`;
    const secondary = await get(url);
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get('retry-after')).toBe('7');
    expect((await readJson(secondary)).message).toMatch(/secondary rate limit/);
    const tooMany = await get(url);
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get('retry-after')).toBe('3');
    expect((await get(url)).status).toBe(200);
  });

  it('makes a bare 403 look like an exhausted primary rate limit', async () => {
    const emulator = await seeded();
    emulator.faults.add({ route: ISSUES, status: 403, retryAfter: 30, times: 1 });
    const response = await get(`${emulator.url}/repos/octo/demo/issues`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('surfaces injected errors to Octokit with their status', async () => {
    const emulator = await seeded();
    emulator.faults.add({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', status: 500, times: 1 });
    const octokit = octokitFor(emulator);
    await expect(
      octokit.rest.issues.get({ owner: 'octo', repo: 'demo', issue_number: 1 }),
    ).rejects.toMatchObject({ status: 500 });
    expect((await octokit.rest.issues.get({ owner: 'octo', repo: 'demo', issue_number: 1 })).status).toBe(
      200,
    );
  });

  it('delays responses by latencyMs', async () => {
    const emulator = await seeded();
    emulator.faults.add({ route: ISSUES, latencyMs: 40, times: 1 });
    const started = performance.now();
    const response = await get(`${emulator.url}/repos/octo/demo/issues`);
    expect(response.status).toBe(200);
    // A lower bound only: the fault must really wait (no upper bound, no speed claim).
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(emulator.requests()[0]?.fault).toBe('latency');
  });

  it('truncates bodies mid-stream and resets connections', async () => {
    const emulator = await seeded();
    for (let i = 0; i < 50; i++) emulator.state.addIssue('octo/demo', { title: `padding ${i}` });
    emulator.faults.add({ route: ISSUES, truncateBody: true, times: 1 });
    const truncated = await get(`${emulator.url}/repos/octo/demo/issues`);
    expect(truncated.status).toBe(200);
    await expect(truncated.text()).rejects.toThrow();
    emulator.faults.add({ route: ISSUES, reset: true, times: 1 });
    await expect(get(`${emulator.url}/repos/octo/demo/issues`)).rejects.toThrow(/fetch failed/);
    expect((await get(`${emulator.url}/repos/octo/demo/issues`)).status).toBe(200);
    expect(emulator.requests().map((entry) => [entry.fault, entry.status])).toEqual([
      ['truncate', 200],
      ['reset', 0],
      [undefined, 200],
    ]);
  });

  it('takes rules over HTTP and rejects malformed ones', async () => {
    const emulator = await seeded();
    const post = (body: unknown) =>
      fetch(`${emulator.url}/_emulator/faults`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    expect((await post({ route: ISSUES, status: 503, times: 1 })).status).toBe(201);
    const bad = await post({ status: 418 });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).message).toMatch(/status/);
    expect((await get(`${emulator.url}/repos/octo/demo/issues`)).status).toBe(503);
    emulator.faults.add({ route: ISSUES, status: 500 });
    expect((await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(`${emulator.url}/repos/octo/demo/issues`)).status).toBe(200);
  });

  it('faults the storage side of log downloads too', async () => {
    const emulator = await seeded();
    const run = emulator.state.addWorkflowRun('octo/demo', { workflow: 'ci.yml' });
    const job = emulator.state.addJob(run.id, { name: 'build', log: 'x'.repeat(10_000) });
    emulator.faults.add({ route: 'GET /_downloads/*', truncateBody: true });
    const response = await get(`${emulator.url}/repos/octo/demo/actions/jobs/${job.id}/logs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('10000');
    await expect(response.text()).rejects.toThrow();
  });
});
