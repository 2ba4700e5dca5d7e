import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, useEmulator } from './test-helpers';

const start = useEmulator();

async function seeded(limits = {}) {
  const clock = fixedClock();
  const emulator = await start({ now: clock.now, limits });
  const { state } = emulator;
  state.addRepo({ owner: 'octo', name: 'demo' });
  state.addRepo({ owner: 'octo', name: 'secret', private: true });
  state.addUser('maintainer', { permissions: { 'octo/demo': 'maintain' } });
  state.addUser('reader', { permissions: { 'octo/demo': 'read' } });
  state.addUser('nightshift[bot]');
  state.addToken('ro-token', 'nightshift[bot]', { readOnly: true });
  state.addToken('rw-token', 'maintainer');
  return { emulator, clock };
}

describe('tokens and permissions', () => {
  it('maps declared tokens to users and refuses writes with read-only ones', async () => {
    const { emulator } = await seeded();
    const readOnly = octokitFor(emulator, 'ro-token');
    expect((await readOnly.rest.repos.get({ owner: 'octo', repo: 'demo' })).status).toBe(200);
    await expect(
      readOnly.rest.issues.create({ owner: 'octo', repo: 'demo', title: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    const writer = await octokitFor(emulator, 'rw-token').rest.issues.create({
      owner: 'octo',
      repo: 'demo',
      title: 'x',
    });
    expect(writer.data.user?.login).toBe('maintainer');
    expect(writer.data.author_association).toBe('COLLABORATOR');
    const anyToken = await octokitFor(emulator, 'whatever').rest.issues.create({
      owner: 'octo',
      repo: 'demo',
      title: 'y',
    });
    expect(anyToken.data.user?.login).toBe('nightshift-emulator');
    expect(emulator.state.snapshot().repos[0]?.issues).toHaveLength(2);
  });

  it('refuses anonymous writes and hides private repositories from anonymous readers', async () => {
    const { emulator } = await seeded();
    const anonymous = await fetch(`${emulator.url}/repos/octo/demo/issues`, {
      method: 'POST',
      body: '{"title":"x"}',
    });
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${emulator.url}/repos/octo/secret`)).status).toBe(404);
    expect(
      (await fetch(`${emulator.url}/repos/octo/secret`, { headers: { authorization: 'Bearer x' } })).status,
    ).toBe(200);
  });

  it('reports collaborator permissions with legacy and role names', async () => {
    const { emulator } = await seeded();
    const octokit = octokitFor(emulator);
    const check = async (username: string) =>
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'octo', repo: 'demo', username }))
        .data;
    expect(await check('maintainer')).toMatchObject({
      permission: 'write',
      role_name: 'maintain',
      user: { login: 'maintainer' },
    });
    expect(await check('reader')).toMatchObject({ permission: 'read', role_name: 'read' });
    expect(await check('octo')).toMatchObject({ permission: 'admin' });
    expect(await check('nightshift[bot]')).toMatchObject({ permission: 'none' });
    await expect(check('ghost')).rejects.toMatchObject({ status: 404 });
    const user = await octokit.rest.users.getByUsername({ username: 'nightshift[bot]' });
    expect(user.data.type).toBe('Bot');
  });
});

describe('primary rate limit', () => {
  it('counts per token, reports x-ratelimit-* and refuses past the limit until the window resets', async () => {
    const { emulator, clock } = await seeded({ core: 3 });
    const get = (token: string) =>
      fetch(`${emulator.url}/repos/octo/demo`, { headers: { authorization: `token ${token}` } });
    const first = await get('a');
    expect(first.headers.get('x-ratelimit-limit')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBe(Date.parse('2024-05-01T13:00:00Z') / 1000);
    await get('a');
    await get('a');
    const limited = await get('a');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get('b')).status).toBe(200);
    const rate = await octokitFor(emulator, 'a').rest.rateLimit.get();
    expect(rate.data.resources.core).toMatchObject({ limit: 3, remaining: 0, used: 3 });
    clock.advance(3600);
    expect((await get('a')).status).toBe(200);
  });
});
