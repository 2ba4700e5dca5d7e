import { describe, expect, it } from 'vitest';
import { seen, testClient, useTestEmulator } from '../__fixtures__/harness';
import { GitHubError, NotFoundError, RateLimitedError } from '../errors/github-error';
import { listIssues } from '../issues/issues';
import type { RateLimitEvent } from './create-client';
import { MemoryEtagStore } from './etag-store';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({ owner: 'acme', name: 'widgets' });
});

describe('createGitHubClient against the emulator', () => {
  it('paginates past 100 items', async () => {
    for (let i = 1; i <= 235; i++) emulator.state.addIssue('acme/widgets', { title: `Issue ${i}` });
    const issues = await listIssues(testClient(emulator), REPO, { state: 'all', limit: 1000 });
    expect(issues).toHaveLength(235);
    expect(new Set(issues.map((i) => i.number)).size).toBe(235);
    expect(seen(emulator, '/repos/acme/widgets/issues')).toHaveLength(3);
  });

  it('reuses cached bodies on 304 and says so in its counters', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'Cached' });
    const client = testClient(emulator);
    const first = await client.rest.issues.get({ ...REPO, issue_number: 1 });
    const second = await client.rest.issues.get({ ...REPO, issue_number: 1 });
    expect(second.data).toEqual(first.data);
    expect(client.etagCache).toEqual({ hits: 1, misses: 1, stored: 1 });
    const statuses = emulator.requests().map((r) => r.status);
    expect(statuses).toEqual([200, 304]);
    // A 304 is free: the rate-limit budget only moved for the first call.
    const rate = await client.rest.rateLimit.get();
    expect(rate.data.resources.core.used).toBe(1);
  });

  it('sees changes after a 304 cycle (the ETag moves with the content)', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'Before' });
    const client = testClient(emulator);
    await client.rest.issues.get({ ...REPO, issue_number: 1 });
    await client.rest.issues.update({ ...REPO, issue_number: 1, title: 'After' });
    const again = await client.rest.issues.get({ ...REPO, issue_number: 1 });
    expect(again.data.title).toBe('After');
  });

  it('keeps cached bodies intact when callers mutate what they got', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'Original' });
    const client = testClient(emulator);
    await client.rest.issues.get({ ...REPO, issue_number: 1 });
    const hit = await client.rest.issues.get({ ...REPO, issue_number: 1 });
    hit.data.title = 'mutated';
    const again = await client.rest.issues.get({ ...REPO, issue_number: 1 });
    expect(again.data.title).toBe('Original');
  });

  it('paginates through cached pages with 304s', async () => {
    for (let i = 1; i <= 150; i++) emulator.state.addIssue('acme/widgets', { title: `Issue ${i}` });
    const client = testClient(emulator);
    await listIssues(client, REPO);
    const again = await listIssues(client, REPO);
    expect(again).toHaveLength(150);
    expect(client.etagCache.hits).toBe(2);
  });

  it('can disable the cache, or use a pluggable store with an LRU cap', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'A' });
    emulator.state.addIssue('acme/widgets', { title: 'B' });
    const off = testClient(emulator, { cache: false });
    await off.rest.issues.get({ ...REPO, issue_number: 1 });
    await off.rest.issues.get({ ...REPO, issue_number: 1 });
    expect(emulator.requests().map((r) => r.status)).toEqual([200, 200]);

    const store = new MemoryEtagStore({ maxEntries: 1 });
    const capped = testClient(emulator, { cache: store });
    await capped.rest.issues.get({ ...REPO, issue_number: 1 });
    await capped.rest.issues.get({ ...REPO, issue_number: 2 });
    expect(store.size).toBe(1);
    await capped.rest.issues.get({ ...REPO, issue_number: 1 });
    expect(capped.etagCache.hits).toBe(0);
  });

  it('retries a 502 and succeeds', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'Flaky upstream' });
    emulator.faults.add({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', status: 502, times: 2 });
    const issue = await testClient(emulator).rest.issues.get({ ...REPO, issue_number: 1 });
    expect(issue.data.title).toBe('Flaky upstream');
    expect(emulator.requests().map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('gives up after the configured retries with a retryable server error', async () => {
    emulator.faults.add({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', status: 502 });
    const error = await testClient(emulator, { retries: 1 })
      .rest.issues.get({ ...REPO, issue_number: 1 })
      .catch((e: unknown) => e);
    expect(GitHubError.isInstance(error) && error.kind).toBe('server');
    expect((error as GitHubError).isRetryable).toBe(true);
    expect(emulator.requests()).toHaveLength(2);
  });

  it('retries a reset connection', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'After reset' });
    emulator.faults.add({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', reset: true, times: 1 });
    const issue = await testClient(emulator).rest.issues.get({ ...REPO, issue_number: 1 });
    expect(issue.data.title).toBe('After reset');
  });

  it('waits out a secondary rate limit (retry-after honoured) and retries', async () => {
    emulator.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      secondaryRateLimit: true,
      retryAfter: 3,
      times: 1,
    });
    const events: RateLimitEvent[] = [];
    const client = testClient(emulator, {
      onRateLimit: (event) => {
        events.push(event);
        return true;
      },
    });
    const created = await client.rest.issues.create({ ...REPO, title: 'After the limit' });
    expect(created.data.title).toBe('After the limit');
    expect(events).toEqual([
      expect.objectContaining({ kind: 'secondary', retryAfterSec: 3, method: 'POST', retryCount: 0 }),
    ]);
    expect(emulator.requests().map((r) => r.status)).toEqual([403, 201]);
  });

  it('surfaces a rate limit it will not wait for as RateLimitedError with the reset time', async () => {
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
      secondaryRateLimit: true,
      retryAfter: 600,
    });
    const error = await testClient(emulator)
      .rest.issues.get({ ...REPO, issue_number: 1 })
      .catch((e: unknown) => e);
    expect(RateLimitedError.isInstance(error)).toBe(true);
    const limited = error as RateLimitedError;
    expect(limited.secondary).toBe(true);
    expect(limited.retryAfterSec).toBe(600);
    expect(limited.isRetryable).toBe(true);
    expect(emulator.requests()).toHaveLength(1);
  });

  it('maps a 429 to RateLimitedError without hammering the server', async () => {
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
      status: 429,
      retryAfter: 900,
    });
    const error = await testClient(emulator)
      .rest.issues.get({ ...REPO, issue_number: 1 })
      .catch((e: unknown) => e);
    expect(RateLimitedError.isInstance(error)).toBe(true);
    expect(emulator.requests()).toHaveLength(1);
  });

  it('turns 404 into NotFoundError naming the request, without the token', async () => {
    const error = await testClient(emulator)
      .rest.issues.get({ ...REPO, issue_number: 99 })
      .catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    const typed = error as NotFoundError;
    expect(typed.status).toBe(404);
    expect(typed.isRetryable).toBe(false);
    expect(typed.request).toBe('GET /repos/acme/widgets/issues/99');
    expect(typed.message).toContain('Not Found');
    expect(typed.message).not.toContain('test-token');
  });
});
