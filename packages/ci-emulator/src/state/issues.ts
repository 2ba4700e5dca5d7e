import { isoSeconds } from '../clock';
import { HttpError } from '../http-error';
import { ensureUser } from './users';
import {
  type CommentRecord,
  type IssueRecord,
  type LabelRecord,
  nextId,
  type RepoRecord,
  type World,
} from './world';

export interface AddLabelInput {
  name: string;
  color?: string;
  description?: string | null;
}

export interface AddIssueInput {
  title: string;
  body?: string | null;
  user?: string;
  state?: 'open' | 'closed';
  stateReason?: IssueRecord['stateReason'];
  labels?: string[];
  assignees?: string[];
  /** ISO timestamp; defaults to the emulator clock. */
  createdAt?: string;
  number?: number;
}

export interface AddCommentInput {
  body: string;
  user?: string;
  createdAt?: string;
}

export function addLabel(world: World, repo: RepoRecord, input: AddLabelInput): LabelRecord {
  const key = input.name.toLowerCase();
  const existing = repo.labels.get(key);
  if (existing) return existing;
  const label: LabelRecord = {
    id: nextId(world, 'label'),
    name: input.name,
    color: (input.color ?? 'ededed').replace(/^#/, ''),
    description: input.description ?? null,
    default: false,
  };
  repo.labels.set(key, label);
  return label;
}

/** Adds labels to an issue, creating unknown ones the way GitHub does (grey, no description). */
export function attachLabels(world: World, repo: RepoRecord, issue: IssueRecord, names: string[]): void {
  for (const name of names) {
    const label = addLabel(world, repo, { name });
    if (!issue.labels.some((existing) => existing.toLowerCase() === label.name.toLowerCase())) {
      issue.labels.push(label.name);
    }
  }
}

export function addIssue(world: World, repo: RepoRecord, input: AddIssueInput): IssueRecord {
  const number = input.number ?? repo.nextNumber;
  if (repo.issues.has(number)) throw new HttpError(422, `Issue #${number} already exists`);
  repo.nextNumber = Math.max(repo.nextNumber, number + 1);
  const at = input.createdAt ?? isoSeconds(world.now());
  const user = ensureUser(world, input.user ?? world.defaultLogin);
  const state = input.state ?? 'open';
  const issue: IssueRecord = {
    id: nextId(world, 'issue'),
    number,
    title: input.title,
    body: input.body ?? null,
    state,
    stateReason: state === 'closed' ? (input.stateReason ?? 'completed') : (input.stateReason ?? null),
    user: user.login,
    labels: [],
    assignees: input.assignees ?? [],
    locked: false,
    createdAt: at,
    updatedAt: at,
    closedAt: state === 'closed' ? at : null,
    closedBy: state === 'closed' ? user.login : null,
  };
  attachLabels(world, repo, issue, input.labels ?? []);
  repo.issues.set(number, issue);
  return issue;
}

export function setIssueState(
  world: World,
  issue: IssueRecord,
  state: 'open' | 'closed',
  reason: IssueRecord['stateReason'] | undefined,
  actor: string,
): void {
  const now = isoSeconds(world.now());
  if (state === 'closed' && issue.state === 'open') {
    issue.closedAt = now;
    issue.closedBy = actor;
    issue.stateReason = reason ?? 'completed';
  } else if (state === 'open' && issue.state === 'closed') {
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = reason ?? 'reopened';
  } else if (reason !== undefined) {
    issue.stateReason = reason;
  }
  issue.state = state;
}

export function addComment(
  world: World,
  repo: RepoRecord,
  issue: IssueRecord,
  input: AddCommentInput,
): CommentRecord {
  const at = input.createdAt ?? isoSeconds(world.now());
  const user = ensureUser(world, input.user ?? world.defaultLogin);
  const comment: CommentRecord = {
    id: nextId(world, 'comment'),
    repo: `${repo.owner}/${repo.name}`.toLowerCase(),
    issueNumber: issue.number,
    body: input.body,
    user: user.login,
    createdAt: at,
    updatedAt: at,
  };
  world.comments.set(comment.id, comment);
  if (at > issue.updatedAt) issue.updatedAt = at;
  return comment;
}

export function commentsOf(world: World, repo: RepoRecord, issueNumber?: number): CommentRecord[] {
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  return [...world.comments.values()].filter(
    (comment) => comment.repo === key && (issueNumber === undefined || comment.issueNumber === issueNumber),
  );
}
