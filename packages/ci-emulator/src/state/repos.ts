import { isoSeconds } from '../clock';
import { commitFiles, type FileInput } from './git';
import { ensureUser } from './users';
import { nextId, type RepoRecord, repoKey, type World } from './world';

export interface AddRepoInput {
  owner: string;
  name: string;
  private?: boolean;
  description?: string;
  defaultBranch?: string;
  /** Initial files on the default branch (path → content); one commit is made when given. */
  files?: Record<string, FileInput>;
  /** Extra branches: name → files changed relative to the default branch. */
  branches?: Record<string, Record<string, FileInput | null>>;
}

export function addRepo(world: World, input: AddRepoInput): RepoRecord {
  const key = repoKey(input.owner, input.name);
  if (world.repos.has(key))
    throw new Error(`addRepo: repository ${input.owner}/${input.name} already exists`);
  ensureUser(world, input.owner);
  const now = isoSeconds(world.now());
  const repo: RepoRecord = {
    id: nextId(world, 'repo'),
    owner: input.owner,
    name: input.name,
    private: input.private ?? false,
    description: input.description ?? null,
    defaultBranch: input.defaultBranch ?? 'main',
    createdAt: now,
    pushedAt: now,
    permissions: new Map(),
    objects: new Map(),
    refs: new Map(),
    labels: new Map(),
    issues: new Map(),
    nextNumber: 1,
  };
  world.repos.set(key, repo);
  commitFiles(world, repo, {
    branch: repo.defaultBranch,
    files: input.files ?? {},
    message: 'Initial commit',
  });
  for (const [branch, files] of Object.entries(input.branches ?? {})) {
    commitFiles(world, repo, { branch, files, message: `Update ${branch}` });
  }
  return repo;
}

export function findRepo(world: World, owner: string, name: string): RepoRecord | undefined {
  return world.repos.get(repoKey(owner, name));
}

export function fullName(repo: RepoRecord): string {
  return `${repo.owner}/${repo.name}`;
}
