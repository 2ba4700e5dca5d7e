import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';

export type PermissionLevel = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
export type AccountType = 'User' | 'Bot' | 'Organization' | 'unknown';

const ORDER: PermissionLevel[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

export interface PermissionCheck {
  login: string;
  permission: PermissionLevel;
  /** Set when the lookup failed; the permission is then `none` (fail closed). */
  error?: string;
}

function normalize(permission: unknown, roleName: unknown): PermissionLevel {
  // `permission` is the legacy field (admin/write/read/none); `role_name` carries maintain/triage
  // and custom roles. Prefer role_name when it is one of the built-in levels.
  const role = typeof roleName === 'string' ? roleName.toLowerCase() : '';
  if ((ORDER as string[]).includes(role)) return role as PermissionLevel;
  const legacy = typeof permission === 'string' ? permission.toLowerCase() : '';
  return (ORDER as string[]).includes(legacy) ? (legacy as PermissionLevel) : 'none';
}

/**
 * A user's permission on a repository (admin/maintain/write/triage/read/none). ANY failure — 404,
 * 403, rate limit, network, a malformed answer — yields `none` with the reason: fail closed.
 */
export async function getCollaboratorPermission(
  octokit: Octokit,
  repo: RepoRef,
  login: string,
): Promise<PermissionCheck> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    return { login, permission: normalize(data.permission, (data as { role_name?: unknown }).role_name) };
  } catch (error) {
    return { login, permission: 'none', error: error instanceof Error ? error.message : String(error) };
  }
}

/** True when `actual` is at least `required` (`write` satisfies `triage`, …). */
export function permissionAtLeast(actual: PermissionLevel, required: PermissionLevel): boolean {
  return ORDER.indexOf(actual) >= ORDER.indexOf(required);
}

/**
 * May this user trigger Nightshift? True only for a real `User` account (resolved through the
 * Users API: a `[bot]` suffix proves nothing) with at least `required` (default `write`).
 * Every lookup error means "not allowed".
 */
export async function isAllowedActor(
  octokit: Octokit,
  repo: RepoRef,
  login: string,
  options: { required?: PermissionLevel; allowBots?: readonly string[] } = {},
): Promise<{ allowed: boolean; reason: string; permission: PermissionLevel; accountType: AccountType }> {
  const accountType = await getAccountType(octokit, login);
  const botAllowed = options.allowBots?.some((b) => b.toLowerCase() === login.toLowerCase()) ?? false;
  if (accountType !== 'User' && !(accountType === 'Bot' && botAllowed)) {
    return {
      allowed: false,
      reason: `account ${login} is of type ${accountType}, not a User`,
      permission: 'none',
      accountType,
    };
  }
  const check = await getCollaboratorPermission(octokit, repo, login);
  const required = options.required ?? 'write';
  if (check.error)
    return {
      allowed: false,
      reason: `permission lookup failed: ${check.error}`,
      permission: 'none',
      accountType,
    };
  if (!permissionAtLeast(check.permission, required)) {
    return {
      allowed: false,
      reason: `${login} has ${check.permission}, needs ${required}`,
      permission: check.permission,
      accountType,
    };
  }
  return {
    allowed: true,
    reason: `${login} has ${check.permission}`,
    permission: check.permission,
    accountType,
  };
}

/** `User`, `Bot` or `Organization` from the Users API; `unknown` on any error. */
export async function getAccountType(octokit: Octokit, login: string): Promise<AccountType> {
  try {
    const { data } = await octokit.rest.users.getByUsername({ username: login });
    return data.type === 'User' || data.type === 'Bot' || data.type === 'Organization'
      ? data.type
      : 'unknown';
  } catch {
    return 'unknown';
  }
}
