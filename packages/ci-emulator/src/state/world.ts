import type { CommitData, TagData, TreeEntry } from '../git-objects';

/**
 * The emulator's whole state as plain records. Route handlers and the public `EmulatorState`
 * helpers both work on a `World`; shapes (the JSON GitHub returns) are derived from it on read.
 */

export type UserType = 'User' | 'Bot' | 'Organization';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface UserRecord {
  login: string;
  id: number;
  type: UserType;
  name: string | null;
  email: string | null;
  createdAt: string;
}

export interface TokenRecord {
  token: string;
  login: string;
  readOnly: boolean;
}

export type GitObject =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | ({ type: 'commit' } & CommitData)
  | ({ type: 'tag' } & TagData);

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  user: string;
  /** Label names, in the order they were added. */
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Set when this issue number is a pull request (GitHub numbers both from one sequence). */
  pull?: PullRecord;
}

export interface PullRecord {
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  maintainerCanModify: boolean;
}

export interface CommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowRecord {
  id: number;
  repo: string;
  name: string;
  path: string;
  state: 'active' | 'disabled_manually';
  createdAt: string;
  updatedAt: string;
}

export interface RunAttemptRecord {
  attempt: number;
  status: string;
  conclusion: string | null;
  createdAt: string;
  startedAt: string;
  updatedAt: string;
}

export interface RunRecord {
  id: number;
  repo: string;
  workflowId: number;
  name: string;
  runNumber: number;
  event: string;
  headBranch: string | null;
  headSha: string;
  displayTitle: string;
  actor: string;
  /** Attempt 1 first; the last one is the run's current state. */
  attempts: RunAttemptRecord[];
  logsExpired: boolean;
}

export interface StepRecord {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  log: string | null;
}

export interface JobRecord {
  id: number;
  runId: number;
  repo: string;
  runAttempt: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  labels: string[];
  runnerName: string | null;
  steps: StepRecord[];
  log: string | null;
  logExpired: boolean;
}

export interface ArtifactRecord {
  id: number;
  repo: string;
  runId: number;
  name: string;
  zip: Buffer;
  expired: boolean;
  createdAt: string;
  expiresAt: string;
}

export interface GcsObjectRecord {
  bucket: string;
  name: string;
  data: Buffer;
  contentType: string;
  generation: string;
  updated: string;
}

export interface DownloadLink {
  data: Buffer;
  contentType: string;
  expiresAt: number;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
  permissions: Map<string, Permission>;
  objects: Map<string, GitObject>;
  /** Full ref name (`refs/heads/main`) → commit SHA. */
  refs: Map<string, string>;
  labels: Map<string, LabelRecord>;
  issues: Map<number, IssueRecord>;
  nextNumber: number;
}

export interface World {
  users: Map<string, UserRecord>;
  tokens: Map<string, TokenRecord>;
  repos: Map<string, RepoRecord>;
  comments: Map<number, CommentRecord>;
  workflows: Map<number, WorkflowRecord>;
  runs: Map<number, RunRecord>;
  jobs: Map<number, JobRecord>;
  artifacts: Map<number, ArtifactRecord>;
  buckets: Map<string, Map<string, GcsObjectRecord>>;
  downloads: Map<string, DownloadLink>;
  /** Login used for requests whose token the scenario did not declare. */
  defaultLogin: string;
  nextId: Record<string, number>;
  now: () => Date;
}

/** Separate ranges per kind make ids easy to tell apart in logs and keep them stable per scenario. */
const ID_BASES: Record<string, number> = {
  user: 1000,
  repo: 100_000,
  label: 200_000,
  issue: 300_000,
  comment: 400_000,
  workflow: 500_000,
  run: 600_000,
  job: 700_000,
  artifact: 800_000,
};

export function createWorld(now: () => Date): World {
  return {
    users: new Map(),
    tokens: new Map(),
    repos: new Map(),
    comments: new Map(),
    workflows: new Map(),
    runs: new Map(),
    jobs: new Map(),
    artifacts: new Map(),
    buckets: new Map(),
    downloads: new Map(),
    defaultLogin: 'nightshift-emulator',
    nextId: { ...ID_BASES },
    now,
  };
}

export function nextId(world: World, kind: keyof typeof ID_BASES | string): number {
  const id = (world.nextId[kind] ?? 1) + 1;
  world.nextId[kind] = id;
  return id;
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}
