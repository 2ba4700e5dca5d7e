import { isoSeconds } from '../clock';
import {
  nextId,
  type Permission,
  type TokenRecord,
  type UserRecord,
  type UserType,
  type World,
} from './world';

export interface AddUserInput {
  login: string;
  type?: UserType;
  name?: string;
  email?: string;
  /** `owner/repo` → permission on that repository. */
  permissions?: Record<string, Permission>;
}

export function addUser(world: World, input: AddUserInput): UserRecord {
  const key = input.login.toLowerCase();
  const existing = world.users.get(key);
  const user: UserRecord = existing ?? {
    login: input.login,
    id: nextId(world, 'user'),
    type: input.type ?? (input.login.endsWith('[bot]') ? 'Bot' : 'User'),
    name: input.name ?? null,
    email: input.email ?? null,
    createdAt: isoSeconds(world.now()),
  };
  if (existing) {
    if (input.type) user.type = input.type;
    if (input.name !== undefined) user.name = input.name;
    if (input.email !== undefined) user.email = input.email;
  }
  world.users.set(key, user);
  for (const [repo, permission] of Object.entries(input.permissions ?? {})) {
    const record = world.repos.get(repo.toLowerCase());
    if (!record) throw new Error(`addUser(${input.login}): repository ${repo} does not exist; add it first`);
    record.permissions.set(key, permission);
  }
  return user;
}

/** Looks a user up, creating a plain `User` on first sight (issue authors, token owners). */
export function ensureUser(world: World, login: string): UserRecord {
  return world.users.get(login.toLowerCase()) ?? addUser(world, { login });
}

export function addToken(world: World, token: TokenRecord): void {
  ensureUser(world, token.login);
  world.tokens.set(token.token, token);
}

/** A user's role on a repository: explicit grant, else admin for the owner, else none. */
export function permissionOf(world: World, repoFullName: string, login: string): Permission {
  const repo = world.repos.get(repoFullName.toLowerCase());
  if (!repo) return 'none';
  const explicit = repo.permissions.get(login.toLowerCase());
  if (explicit) return explicit;
  return repo.owner.toLowerCase() === login.toLowerCase() ? 'admin' : 'none';
}
