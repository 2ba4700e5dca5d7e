import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { getAccountType, getCollaboratorPermission, isAllowedActor, permissionAtLeast } from './permissions';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({ owner: 'acme', name: 'widgets' });
  for (const permission of ['admin', 'maintain', 'write', 'triage', 'read'] as const) {
    state.addUser(`user-${permission}`, { permissions: { 'acme/widgets': permission } });
  }
  state.addUser('dependabot[bot]', { type: 'Bot', permissions: { 'acme/widgets': 'write' } });
  state.addUser('outsider');
});

describe('permissions', () => {
  it.each(['admin', 'maintain', 'write', 'triage', 'read'] as const)('reads %s', async (level) => {
    expect(await getCollaboratorPermission(testClient(emulator), REPO, `user-${level}`)).toEqual({
      login: `user-${level}`,
      permission: level,
    });
  });

  it('gives none to a user without access', async () => {
    expect((await getCollaboratorPermission(testClient(emulator), REPO, 'outsider')).permission).toBe('none');
  });

  it('fails closed on API errors: server errors, missing users, rate limits', async () => {
    const client = testClient(emulator, { retries: 0 });
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      status: 500,
      times: 1,
    });
    const broken = await getCollaboratorPermission(client, REPO, 'user-admin');
    expect(broken.permission).toBe('none');
    expect(broken.error).toMatch(/HTTP 500/);
    // a primary rate limit that outlasts the one wait the client allows
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      status: 403,
      times: 2,
    });
    const limited = await getCollaboratorPermission(client, REPO, 'user-admin');
    expect(limited.permission).toBe('none');
    expect(limited.error).toMatch(/rate limit/i);
    expect(
      (await getCollaboratorPermission(client, { owner: 'acme', repo: 'missing' }, 'user-admin')).permission,
    ).toBe('none');
  });

  it('orders levels', () => {
    expect(permissionAtLeast('maintain', 'write')).toBe(true);
    expect(permissionAtLeast('triage', 'write')).toBe(false);
    expect(permissionAtLeast('none', 'read')).toBe(false);
  });

  it('resolves account types through the Users API', async () => {
    const client = testClient(emulator);
    expect(await getAccountType(client, 'user-write')).toBe('User');
    expect(await getAccountType(client, 'dependabot[bot]')).toBe('Bot');
    expect(await getAccountType(client, 'ghost-that-does-not-exist')).toBe('unknown');
  });

  it('allows only real users with write or better; bots only when listed; errors deny', async () => {
    const client = testClient(emulator);
    expect((await isAllowedActor(client, REPO, 'user-write')).allowed).toBe(true);
    expect((await isAllowedActor(client, REPO, 'user-maintain')).allowed).toBe(true);
    expect(await isAllowedActor(client, REPO, 'user-triage')).toMatchObject({
      allowed: false,
      reason: 'user-triage has triage, needs write',
    });
    expect(await isAllowedActor(client, REPO, 'dependabot[bot]')).toMatchObject({
      allowed: false,
      accountType: 'Bot',
    });
    expect(
      (await isAllowedActor(client, REPO, 'dependabot[bot]', { allowBots: ['dependabot[bot]'] })).allowed,
    ).toBe(true);
    expect(await isAllowedActor(client, REPO, 'user-read', { required: 'read' })).toMatchObject({
      allowed: true,
    });
    emulator.faults.add({ route: 'GET /users/{username}', status: 502 });
    expect(await isAllowedActor(testClient(emulator, { retries: 0 }), REPO, 'user-admin')).toMatchObject({
      allowed: false,
      accountType: 'unknown',
    });
  });
});
