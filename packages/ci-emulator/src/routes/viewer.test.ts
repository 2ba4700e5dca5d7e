import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { octokitFor, useEmulator } from '../test-helpers';

const start = useEmulator();

async function seeded(limits = {}) {
  const emulator = await start({ limits });
  emulator.state.addUser('octocat', { name: 'The Octocat' });
  emulator.state.addToken('user-token', 'octocat');
  emulator.state.addUser('nightshift-app[bot]', { type: 'Bot' });
  emulator.state.addToken('app-token', 'nightshift-app[bot]', { readOnly: true });
  return emulator;
}

describe('who the token is', () => {
  it('GET /user answers a user token, and refuses an installation (bot) token as GitHub does', async () => {
    const emulator = await seeded();
    const me = await octokitFor(emulator, 'user-token').rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', name: 'The Octocat', type: 'User' });
    await expect(octokitFor(emulator, 'app-token').rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    const anonymous = new Octokit({
      baseUrl: emulator.githubApiUrl,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await expect(anonymous.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });

  it('answers the GraphQL viewer query for both kinds of token, read-only ones included', async () => {
    const emulator = await seeded();
    for (const [token, login] of [
      ['user-token', 'octocat'],
      ['app-token', 'nightshift-app[bot]'],
    ] as const) {
      const octokit = octokitFor(emulator, token);
      expect(await octokit.graphql('query { viewer { login } }')).toEqual({ viewer: { login } });
      const named = await octokit.graphql<{ viewer: { login: string; databaseId: number } }>(
        'query Me { viewer { login databaseId } }',
      );
      expect(named.viewer.login).toBe(login);
      expect(named.viewer.databaseId).toBeGreaterThan(0);
    }
  });

  it('answers a broken body with 400 and an anonymous caller with 401, as GitHub does', async () => {
    const emulator = await seeded();
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${emulator.githubApiUrl}/graphql`, { method: 'POST', body, headers });
    expect((await post('{not json', { authorization: 'token user-token' })).status).toBe(400);
    expect((await post('{"query":"{ viewer { login } }"}', {})).status).toBe(401);
    const noQuery = await post('{"variables":{}}', { authorization: 'token user-token' });
    expect(await noQuery.json()).toMatchObject({
      errors: [{ message: expect.stringContaining('viewer query only') }],
    });
  });

  it('says so for any other GraphQL query, instead of answering nothing', async () => {
    const emulator = await seeded();
    await expect(
      octokitFor(emulator, 'user-token').graphql('{ repository(owner: "a", name: "b") { id } }'),
    ).rejects.toThrow(/viewer query only/);
  });

  it('counts GraphQL in a bucket of its own and, past it, answers 200 with a RATE_LIMITED error', async () => {
    const emulator = await seeded({ graphql: 2 });
    const ask = () =>
      fetch(`${emulator.githubApiUrl}/graphql`, {
        method: 'POST',
        body: '{"query":"{ viewer { login } }"}',
        headers: { authorization: 'token user-token' },
      });
    for (let i = 1; i <= 2; i++) {
      const ok = await ask();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-resource')).toBe('graphql');
      expect(ok.headers.get('x-ratelimit-limit')).toBe('2');
      expect(ok.headers.get('x-ratelimit-used')).toBe(String(i));
    }
    const limited = await ask();
    expect(limited.status).toBe(200);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toEqual({
      errors: [
        {
          type: 'RATE_LIMITED',
          message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\.$/),
        },
      ],
    });
    // REST requests spend from `core`, untouched by the GraphQL ones.
    const octokit = octokitFor(emulator, 'user-token');
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.graphql).toMatchObject({ limit: 2, used: 2, remaining: 0 });
    expect(data.resources.core).toMatchObject({ used: 0 });
    await expect(octokit.graphql('query { viewer { login } }')).rejects.toMatchObject({
      errors: [{ type: 'RATE_LIMITED' }],
    });
  });
});
