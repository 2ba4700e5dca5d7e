import type { GitObjectType, GitPerson } from '../git-objects';
import {
  type AddJobInput,
  type AddRunInput,
  type AddWorkflowInput,
  addJob,
  addRun,
  addWorkflow,
} from './actions';
import { type AddArtifactInput, addArtifact } from './artifacts';
import { commitFiles, createTag, defaultPerson, type FileInput } from './git';
import {
  type AddCommentInput,
  type AddIssueInput,
  type AddLabelInput,
  addComment,
  addIssue,
  addLabel,
} from './issues';
import { type AddProwBuildInput, addProwBuild, putObject } from './prow';
import { type AddPullInput, addPull } from './pulls';
import { type AddRepoInput, addRepo } from './repos';
import { type StateSnapshot, snapshot } from './snapshot';
import { type AddUserInput, addToken, addUser } from './users';
import type {
  ArtifactRecord,
  CommentRecord,
  IssueRecord,
  JobRecord,
  LabelRecord,
  RepoRecord,
  RunRecord,
  UserRecord,
  WorkflowRecord,
  World,
} from './world';

/**
 * The live state behind a running emulator, with helpers to seed it from tests. Changes are
 * visible to the next request. `reset()` on the emulator swaps in a fresh world built from the
 * scenario, so hold on to this object rather than to `world`.
 */
export class EmulatorState {
  #world: World;

  constructor(world: World) {
    this.#world = world;
  }

  get world(): World {
    return this.#world;
  }

  /** @internal used by reset() */
  replaceWorld(world: World): void {
    this.#world = world;
  }

  repo(fullName: string): RepoRecord {
    const repo = this.#world.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`Unknown repository ${fullName}: add it with addRepo first`);
    return repo;
  }

  addUser(login: string, options: Omit<AddUserInput, 'login'> = {}): UserRecord {
    return addUser(this.#world, { login, ...options });
  }

  /** Declares a token; requests bearing it act as `login`, and may not write when `readOnly`. */
  addToken(token: string, login: string, options: { readOnly?: boolean } = {}): void {
    addToken(this.#world, { token, login, readOnly: options.readOnly ?? false });
  }

  addRepo(input: AddRepoInput): RepoRecord {
    return addRepo(this.#world, input);
  }

  /** Commits files (null deletes) to a branch, creating the branch from the default one; returns the SHA. */
  addFiles(
    repo: string,
    files: Record<string, FileInput | null>,
    options: { branch?: string; message?: string; author?: Partial<GitPerson> } = {},
  ): string {
    const record = this.repo(repo);
    return commitFiles(this.#world, record, {
      branch: options.branch ?? record.defaultBranch,
      files,
      message: options.message ?? `Update ${Object.keys(files).join(', ')}`,
      ...(options.author ? { author: options.author } : {}),
    });
  }

  /**
   * An annotated tag `name` of `object` (a commit by default, or another tag: git allows tags of
   * tags, GitHub's REST API cannot make them) and its `refs/tags/<name>` ref; returns the tag
   * object's SHA.
   */
  addAnnotatedTag(
    repo: string,
    name: string,
    object: string,
    options: { type?: GitObjectType; message?: string } = {},
  ): string {
    const record = this.repo(repo);
    if (record.refs.has(`refs/tags/${name}`)) throw new Error(`Tag ${name} already exists in ${repo}`);
    const sha = createTag(record, {
      object: object.toLowerCase(),
      objectType: options.type ?? 'commit',
      tag: name,
      tagger: defaultPerson(this.#world),
      message: options.message ?? `${name}\n`,
    });
    record.refs.set(`refs/tags/${name}`, sha);
    return sha;
  }

  addFile(
    repo: string,
    path: string,
    content: FileInput,
    options: { branch?: string; message?: string } = {},
  ): string {
    return this.addFiles(repo, { [path]: content }, options);
  }

  /** Alias of addFiles, for readers who think in commits. */
  commit(
    repo: string,
    files: Record<string, FileInput | null>,
    options: { branch?: string; message?: string } = {},
  ) {
    return this.addFiles(repo, files, options);
  }

  addLabel(repo: string, input: AddLabelInput): LabelRecord {
    return addLabel(this.#world, this.repo(repo), input);
  }

  addIssue(repo: string, input: AddIssueInput): IssueRecord {
    return addIssue(this.#world, this.repo(repo), input);
  }

  addComment(repo: string, issueNumber: number, input: AddCommentInput | string): CommentRecord {
    const record = this.repo(repo);
    const issue = record.issues.get(issueNumber);
    if (!issue) throw new Error(`addComment: ${repo}#${issueNumber} does not exist`);
    return addComment(this.#world, record, issue, typeof input === 'string' ? { body: input } : input);
  }

  addPullRequest(repo: string, input: AddPullInput): IssueRecord {
    return addPull(this.#world, this.repo(repo), input);
  }

  addWorkflow(repo: string, input: AddWorkflowInput): WorkflowRecord {
    return addWorkflow(this.#world, this.repo(repo), input);
  }

  addWorkflowRun(repo: string, input: AddRunInput): RunRecord {
    return addRun(this.#world, this.repo(repo), input);
  }

  addJob(runId: number, input: AddJobInput): JobRecord {
    return addJob(this.#world, this.#run(runId), input);
  }

  /** Sets a job's whole log; `expired` makes the download answer 410 Gone. */
  setJobLog(jobId: number, log: string | null, options: { expired?: boolean } = {}): void {
    const job = this.#world.jobs.get(jobId);
    if (!job) throw new Error(`setJobLog: job ${jobId} does not exist`);
    job.log = log;
    if (options.expired !== undefined) job.logExpired = options.expired;
  }

  addArtifact(runId: number, input: AddArtifactInput): Promise<ArtifactRecord> {
    return addArtifact(this.#world, this.#run(runId), input);
  }

  addProwBuild(input: AddProwBuildInput): void {
    addProwBuild(this.#world, input);
  }

  putGcsObject(bucket: string, name: string, data: string | Uint8Array, contentType?: string): void {
    putObject(this.#world, bucket, name, data, contentType);
  }

  snapshot(): StateSnapshot {
    return snapshot(this.#world);
  }

  #run(runId: number): RunRecord {
    const run = this.#world.runs.get(runId);
    if (!run) throw new Error(`Workflow run ${runId} does not exist`);
    return run;
  }
}
