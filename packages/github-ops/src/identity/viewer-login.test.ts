import { describe, expect, it } from 'vitest';
import { BOT, startTestEmulator, testClient, useTestEmulator } from '../__fixtures__/harness';
import { GitHubError } from '../errors/github-error';
import { getViewerLogin } from './viewer-login';

const emulator = await useTestEmulator(({ state }) => {
  state.addUser('ptp-nightly[bot]', { type: 'Bot' });
  state.addToken('installation-token', 'ptp-nightly[bot]');
});

describe('getViewerLogin', () => {
  it("answers a user's token with GET /user", async () => {
    expect(await getViewerLogin(testClient(emulator))).toEqual({ login: BOT, via: 'rest' });
  });

  it('answers an installation token, which GitHub refuses GET /user, with the GraphQL viewer', async () => {
    const client = testClient(emulator, { token: 'installation-token' });
    expect(await getViewerLogin(client)).toEqual({ login: 'ptp-nightly[bot]', via: 'graphql' });
    const asked = emulator.requests().map((r) => `${r.method} ${r.path}`);
    expect(asked.slice(-2)).toEqual(['GET /user', 'POST /graphql']);
  });

  it('says why when neither way works, and does not retry other failures by GraphQL', async () => {
    const client = testClient(emulator, { token: 'installation-token', retries: 0 });
    emulator.faults.add({ route: 'POST /graphql', status: 502, times: 1 });
    const error = await getViewerLogin(client).catch((e: unknown) => e);
    expect(GitHubError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/GET \/user was refused .*GraphQL viewer query failed/);
    // The GraphQL failure keeps its kind: a 502 may pass, so the caller may try again.
    expect(error).toMatchObject({ kind: 'server', status: 502, isRetryable: true });

    // A 403 that is a rate limit is not a refusal: thrown as it is, GraphQL not asked.
    emulator.faults.add({ route: 'GET /user', status: 403, times: 2 });
    const limitedFrom = emulator.requests().length;
    await expect(getViewerLogin(testClient(emulator, { retries: 0 }))).rejects.toMatchObject({
      kind: 'rate-limited',
    });
    expect(
      emulator
        .requests()
        .slice(limitedFrom)
        .map((r) => r.path),
    ).not.toContain('/graphql');

    emulator.faults.add({ route: 'GET /user', status: 500, times: 1 });
    const before = emulator.requests().length;
    await expect(getViewerLogin(testClient(emulator, { retries: 0 }))).rejects.toMatchObject({ status: 500 });
    expect(
      emulator
        .requests()
        .slice(before)
        .map((r) => r.path),
    ).toEqual(['/user']);
  });

  it('throws a retryable rate-limited error when the GraphQL points are spent', async () => {
    // An emulator of its own, with one GraphQL point an hour.
    const strict = await startTestEmulator({ limits: { graphql: 1 } });
    try {
      strict.state.addUser('ptp-nightly[bot]', { type: 'Bot' });
      strict.state.addToken('installation-token', 'ptp-nightly[bot]');
      const client = testClient(strict, { token: 'installation-token', retries: 0 });
      expect(await getViewerLogin(client)).toEqual({ login: 'ptp-nightly[bot]', via: 'graphql' });
      const error = await getViewerLogin(client).catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: 'rate-limited',
        isRetryable: true,
        resource: 'graphql',
        message: expect.stringMatching(
          /API rate limit exceeded for user ID \d+\. \(GraphQL, POST \/graphql\)$/,
        ),
      });
      expect((error as { resetAt: Date | null }).resetAt).toBeInstanceOf(Date);
    } finally {
      await strict.close();
    }
  });
});
