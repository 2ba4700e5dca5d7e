import { createHash } from 'node:crypto';

/**
 * Git object encoding, byte for byte like git itself, so every SHA the emulator hands out is the
 * one `git hash-object` / `git mktree` / `git commit-tree` would compute for the same content.
 */

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';

/** Modes as the REST API spells them (git itself writes trees as `40000`). */
export type TreeMode = '100644' | '100755' | '040000' | '120000' | '160000';

export interface TreeEntry {
  mode: TreeMode;
  name: string;
  sha: string;
}

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601; stored in the commit as epoch seconds with a `+0000` zone. */
  date: string;
}

export interface CommitData {
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

/** An annotated tag: a named, signed-off pointer to another object (usually a commit). */
export interface TagData {
  /** The object tagged, and its type (a tag may tag another tag). */
  object: string;
  objectType: GitObjectType;
  tag: string;
  tagger: GitPerson;
  message: string;
}

export function hashObject(type: GitObjectType, body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`, 'utf8');
  return createHash('sha1').update(header).update(body).digest('hex');
}

export function entryType(mode: TreeMode): 'blob' | 'tree' | 'commit' {
  if (mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/**
 * git orders tree entries by name bytes, comparing a directory as if its name ended in '/'
 * (so `a.txt` sorts before the directory `a`, which sorts before `a0`).
 */
export function compareTreeEntries(a: TreeEntry, b: TreeEntry): number {
  const ka = Buffer.from(a.mode === '040000' ? `${a.name}/` : a.name, 'utf8');
  const kb = Buffer.from(b.mode === '040000' ? `${b.name}/` : b.name, 'utf8');
  return Buffer.compare(ka, kb);
}

export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = [...entries].sort(compareTreeEntries);
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    const mode = entry.mode === '040000' ? '40000' : entry.mode;
    parts.push(Buffer.from(`${mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

function formatPerson(role: 'author' | 'committer' | 'tagger', person: GitPerson): string {
  const seconds = Math.floor(Date.parse(person.date) / 1000);
  return `${role} ${person.name} <${person.email}> ${seconds} +0000`;
}

export function encodeCommit(commit: CommitData): Buffer {
  const lines = [`tree ${commit.tree}`];
  for (const parent of commit.parents) lines.push(`parent ${parent}`);
  lines.push(formatPerson('author', commit.author), formatPerson('committer', commit.committer));
  return Buffer.from(`${lines.join('\n')}\n\n${commit.message}`, 'utf8');
}

/** A tag object's body, as `git cat-file tag` prints it. */
export function encodeTag(tag: TagData): Buffer {
  const header = [
    `object ${tag.object}`,
    `type ${tag.objectType}`,
    `tag ${tag.tag}`,
    formatPerson('tagger', tag.tagger),
  ];
  return Buffer.from(`${header.join('\n')}\n\n${tag.message}`, 'utf8');
}

export function isSha(value: string): boolean {
  return /^[0-9a-f]{40}$/.test(value);
}

/** Tree entry names git refuses: empty, `.`, `..`, `.git`, or containing '/' or NUL. */
export function isValidEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && name !== '.git' && !/[/\0]/.test(name);
}
