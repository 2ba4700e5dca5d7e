import { isoSeconds } from '../clock';
import {
  type CommitData,
  compareTreeEntries,
  encodeCommit,
  encodeTag,
  encodeTree,
  entryType,
  type GitPerson,
  hashObject,
  isSha,
  isValidEntryName,
  type TagData,
  type TreeEntry,
  type TreeMode,
} from '../git-objects';
import { HttpError } from '../http-error';
import type { GitObject, RepoRecord, World } from './world';

/** Per-repository git object database and refs, with the operations the REST API needs. */

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface TreeChange {
  /** Slash-separated path relative to the tree. */
  path: string;
  mode: TreeMode;
  /** Object to point at; null deletes the path. */
  sha: string | null;
}

export type FileInput = string | Uint8Array | { content: string | Uint8Array; mode?: '100644' | '100755' };

export interface CommitFilesInput {
  branch: string;
  /** path → new content; null deletes the file. */
  files: Record<string, FileInput | null>;
  message: string;
  author?: Partial<GitPerson>;
}

export function writeObject(repo: RepoRecord, object: GitObject): string {
  const body = encodeObject(object);
  const sha = hashObject(object.type, body);
  if (!repo.objects.has(sha)) {
    const stored =
      object.type === 'tree' ? { ...object, entries: [...object.entries].sort(compareTreeEntries) } : object;
    repo.objects.set(sha, stored);
  }
  return sha;
}

export function writeBlob(repo: RepoRecord, data: Uint8Array | string): string {
  return writeObject(repo, { type: 'blob', data: Buffer.from(data) });
}

export function objectSize(object: GitObject): number {
  return encodeObject(object).length;
}

function encodeObject(object: GitObject): Buffer {
  switch (object.type) {
    case 'blob':
      return object.data;
    case 'tree':
      return encodeTree(object.entries);
    case 'commit':
      return encodeCommit(object);
    case 'tag':
      return encodeTag(object);
  }
}

/**
 * The object a tag object points at, through tags of tags, or the object itself when it is not a
 * tag (`git rev-parse X^{}`). Undefined for a missing object or a chain longer than `depth`.
 */
export function peelTag(repo: RepoRecord, sha: string, depth = 16): string | undefined {
  let current = sha.toLowerCase();
  for (let i = 0; i <= depth; i++) {
    const object = readObject(repo, current);
    if (object === undefined) return undefined;
    if (object.type !== 'tag') return current;
    current = object.object;
  }
  return undefined;
}

export function readObject(repo: RepoRecord, sha: string): GitObject | undefined {
  return repo.objects.get(sha.toLowerCase());
}

export function readTree(repo: RepoRecord, sha: string): TreeEntry[] {
  const object = readObject(repo, sha);
  if (object?.type !== 'tree') throw new HttpError(404, 'Not Found');
  return object.entries;
}

export function readCommit(repo: RepoRecord, sha: string): CommitData {
  const object = readObject(repo, sha);
  if (object?.type !== 'commit') throw new HttpError(404, 'Not Found');
  return object;
}

/** Builds a new tree from `baseTree` (or empty) with changes applied; empty directories vanish. */
export function applyTreeChanges(
  repo: RepoRecord,
  baseTree: string | undefined,
  changes: TreeChange[],
): string {
  const entries = new Map<string, TreeEntry>();
  if (baseTree) for (const entry of readTree(repo, baseTree)) entries.set(entry.name, entry);
  const nested = new Map<string, TreeChange[]>();
  for (const change of changes) {
    const slash = change.path.indexOf('/');
    const head = slash === -1 ? change.path : change.path.slice(0, slash);
    if (!isValidEntryName(head)) {
      throw new HttpError(
        422,
        `tree.path contains a malformed path component: ${JSON.stringify(change.path)}`,
      );
    }
    if (slash === -1) {
      if (change.sha === null) entries.delete(head);
      else entries.set(head, { mode: change.mode, name: head, sha: change.sha });
      continue;
    }
    const list = nested.get(head) ?? [];
    list.push({ ...change, path: change.path.slice(slash + 1) });
    nested.set(head, list);
  }
  for (const [dir, subChanges] of nested) {
    const existing = entries.get(dir);
    const base = existing?.mode === '040000' ? existing.sha : undefined;
    const sha = applyTreeChanges(repo, base, subChanges);
    if (sha === EMPTY_TREE) entries.delete(dir);
    else entries.set(dir, { mode: '040000', name: dir, sha });
  }
  return writeObject(repo, { type: 'tree', entries: [...entries.values()] });
}

/** Every entry below a tree, depth first, with full paths (like `git ls-tree -r -t`). */
export function walkTree(repo: RepoRecord, treeSha: string): Array<TreeEntry & { path: string }> {
  const out: Array<TreeEntry & { path: string }> = [];
  const visit = (sha: string, prefix: string) => {
    for (const entry of readTree(repo, sha)) {
      const path = prefix + entry.name;
      out.push({ ...entry, path });
      if (entry.mode === '040000') visit(entry.sha, `${path}/`);
    }
  };
  visit(treeSha, '');
  return out;
}

/** The entry at `path` inside a tree, or undefined. An empty path means the tree itself. */
export function lookupPath(repo: RepoRecord, treeSha: string, path: string): TreeEntry | undefined {
  const parts = path.split('/').filter((part) => part !== '');
  let current: TreeEntry = { mode: '040000', name: '', sha: treeSha };
  for (const part of parts) {
    if (current.mode !== '040000') return undefined;
    const next = readTree(repo, current.sha).find((entry) => entry.name === part);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** Resolves a branch, tag, full ref or commit SHA to a commit SHA. */
export function resolveCommitish(repo: RepoRecord, ref: string | undefined): string | undefined {
  const name = ref ?? repo.defaultBranch;
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`]) {
    const sha = repo.refs.get(candidate);
    if (!sha) continue;
    // An annotated tag's ref names the tag object: the commit is what it points at. A tag of a
    // tree or a blob names no commit (the callers answer "No commit found", as GitHub does).
    const peeled = peelTag(repo, sha);
    return peeled !== undefined && readObject(repo, peeled)?.type === 'commit' ? peeled : undefined;
  }
  if (isSha(name.toLowerCase()) && readObject(repo, name)?.type === 'commit') return name.toLowerCase();
  return undefined;
}

/** Writes an annotated tag object; 422 unless the object it tags exists with the type it names. */
export function createTag(repo: RepoRecord, data: TagData): string {
  if (!isSha(data.object) || readObject(repo, data.object)?.type !== data.objectType) {
    throw new HttpError(422, 'Object does not exist');
  }
  return writeObject(repo, { type: 'tag', ...data });
}

export function createCommit(repo: RepoRecord, data: CommitData): string {
  for (const parent of data.parents) readCommit(repo, parent);
  if (readObject(repo, data.tree)?.type !== 'tree') throw new HttpError(422, 'Tree SHA does not exist');
  return writeObject(repo, { type: 'commit', ...data });
}

export function defaultPerson(world: World, person: Partial<GitPerson> = {}): GitPerson {
  return {
    name: person.name ?? 'Nightshift Emulator',
    email: person.email ?? 'emulator@nightshift.invalid',
    date: person.date ?? isoSeconds(world.now()),
  };
}

export function fileBlob(input: FileInput): { data: Buffer; mode: '100644' | '100755' } {
  if (typeof input === 'string' || input instanceof Uint8Array)
    return { data: Buffer.from(input), mode: '100644' };
  return { data: Buffer.from(input.content), mode: input.mode ?? '100644' };
}

/** Commits file changes on a branch (created from the default branch when missing). */
export function commitFiles(world: World, repo: RepoRecord, input: CommitFilesInput): string {
  const ref = `refs/heads/${input.branch}`;
  const parent = repo.refs.get(ref) ?? repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  const baseTree = parent ? readCommit(repo, parent).tree : undefined;
  const changes: TreeChange[] = Object.entries(input.files).map(([path, file]) => {
    if (file === null) return { path, mode: '100644', sha: null };
    const blob = fileBlob(file);
    return { path, mode: blob.mode, sha: writeBlob(repo, blob.data) };
  });
  const tree = applyTreeChanges(repo, baseTree, changes);
  const person = defaultPerson(world, input.author);
  const sha = createCommit(repo, {
    tree,
    parents: parent ? [parent] : [],
    author: person,
    committer: person,
    message: input.message,
  });
  repo.refs.set(ref, sha);
  repo.pushedAt = person.date;
  return sha;
}

/** True when `ancestor` is reachable from `descendant` through parent links. */
export function isAncestor(repo: RepoRecord, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const stack = [descendant];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const object = readObject(repo, sha);
    if (object?.type === 'commit') stack.push(...object.parents);
  }
  return false;
}

export { entryType };
