import { isoSeconds } from '../clock';
import { HttpError } from '../http-error';
import { resolveCommitish } from './git';
import { ensureUser } from './users';
import {
  type JobRecord,
  nextId,
  type RepoRecord,
  type RunRecord,
  type StepRecord,
  type WorkflowRecord,
  type World,
} from './world';

export interface AddWorkflowInput {
  name: string;
  /** `.github/workflows/ci.yml`. */
  path: string;
  state?: WorkflowRecord['state'];
}

export interface AddRunInput {
  /** Workflow id, name, or file name (`ci.yml`); created on the fly when it names a new file. */
  workflow: number | string;
  event?: string;
  status?: string;
  conclusion?: string | null;
  headBranch?: string;
  /** Defaults to the head of `headBranch`. */
  headSha?: string;
  displayTitle?: string;
  actor?: string;
  createdAt?: string;
  runNumber?: number;
  /** Earlier attempts (1…n-1) with their conclusions; the run itself is the last attempt. */
  previousAttempts?: Array<{ conclusion: string | null; createdAt?: string }>;
  logsExpired?: boolean;
}

export interface AddStepInput {
  name: string;
  conclusion?: string | null;
  status?: string;
  log?: string;
}

export interface AddJobInput {
  name: string;
  runAttempt?: number;
  status?: string;
  conclusion?: string | null;
  startedAt?: string;
  completedAt?: string | null;
  labels?: string[];
  steps?: AddStepInput[];
  log?: string;
  logExpired?: boolean;
}

export function addWorkflow(world: World, repo: RepoRecord, input: AddWorkflowInput): WorkflowRecord {
  const now = isoSeconds(world.now());
  const workflow: WorkflowRecord = {
    id: nextId(world, 'workflow'),
    repo: `${repo.owner}/${repo.name}`.toLowerCase(),
    name: input.name,
    path: input.path,
    state: input.state ?? 'active',
    createdAt: now,
    updatedAt: now,
  };
  world.workflows.set(workflow.id, workflow);
  return workflow;
}

export function findWorkflow(
  world: World,
  repo: RepoRecord,
  ref: number | string,
): WorkflowRecord | undefined {
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  return [...world.workflows.values()].find(
    (workflow) =>
      workflow.repo === key &&
      (workflow.id === Number(ref) ||
        workflow.name === ref ||
        workflow.path === ref ||
        workflow.path.endsWith(`/${ref}`)),
  );
}

export function addRun(world: World, repo: RepoRecord, input: AddRunInput): RunRecord {
  const workflow =
    findWorkflow(world, repo, input.workflow) ??
    (typeof input.workflow === 'string'
      ? addWorkflow(world, repo, {
          name: input.workflow.replace(/\.ya?ml$/, ''),
          path: input.workflow.includes('/') ? input.workflow : `.github/workflows/${input.workflow}`,
        })
      : undefined);
  if (!workflow)
    throw new Error(`addRun: workflow ${input.workflow} does not exist in ${repo.owner}/${repo.name}`);
  const headBranch = input.headBranch ?? repo.defaultBranch;
  const headSha = input.headSha ?? resolveCommitish(repo, headBranch) ?? '0'.repeat(40);
  const createdAt = input.createdAt ?? isoSeconds(world.now());
  const status = input.status ?? 'completed';
  const previous = (input.previousAttempts ?? []).map((attempt, index) => ({
    attempt: index + 1,
    status: 'completed',
    conclusion: attempt.conclusion,
    createdAt: attempt.createdAt ?? createdAt,
    startedAt: attempt.createdAt ?? createdAt,
    updatedAt: attempt.createdAt ?? createdAt,
  }));
  const sameWorkflow = [...world.runs.values()].filter((run) => run.workflowId === workflow.id);
  const run: RunRecord = {
    id: nextId(world, 'run'),
    repo: workflow.repo,
    workflowId: workflow.id,
    name: workflow.name,
    runNumber: input.runNumber ?? sameWorkflow.length + 1,
    event: input.event ?? 'push',
    headBranch,
    headSha,
    displayTitle: input.displayTitle ?? workflow.name,
    actor: ensureUser(world, input.actor ?? repo.owner).login,
    attempts: [
      ...previous,
      {
        attempt: previous.length + 1,
        status,
        conclusion:
          input.conclusion === undefined ? (status === 'completed' ? 'success' : null) : input.conclusion,
        createdAt,
        startedAt: createdAt,
        updatedAt: createdAt,
      },
    ],
    logsExpired: input.logsExpired ?? false,
  };
  world.runs.set(run.id, run);
  return run;
}

export function addJob(world: World, run: RunRecord, input: AddJobInput): JobRecord {
  const attempt = input.runAttempt ?? run.attempts.length;
  const runAttempt = run.attempts[attempt - 1];
  if (!runAttempt) throw new Error(`addJob: run ${run.id} has no attempt ${attempt}`);
  const startedAt = input.startedAt ?? runAttempt.startedAt;
  const status = input.status ?? 'completed';
  const conclusion = input.conclusion === undefined ? runAttempt.conclusion : input.conclusion;
  const completedAt =
    input.completedAt === undefined ? (status === 'completed' ? startedAt : null) : input.completedAt;
  const steps: StepRecord[] = (input.steps ?? []).map((step, index) => ({
    number: index + 1,
    name: step.name,
    status: step.status ?? status,
    conclusion: step.conclusion === undefined ? conclusion : step.conclusion,
    startedAt,
    completedAt,
    log: step.log ?? null,
  }));
  const job: JobRecord = {
    id: nextId(world, 'job'),
    runId: run.id,
    repo: run.repo,
    runAttempt: attempt,
    name: input.name,
    status,
    conclusion,
    startedAt,
    completedAt,
    labels: input.labels ?? ['ubuntu-latest'],
    runnerName: status === 'completed' ? 'GitHub Actions 1' : null,
    steps,
    log: input.log ?? null,
    logExpired: input.logExpired ?? false,
  };
  world.jobs.set(job.id, job);
  return job;
}

/** The whole-job log: the explicit log, else the step logs joined in order. */
export function jobLogText(job: JobRecord): string | null {
  if (job.log !== null) return job.log;
  const parts = job.steps.map((step) => step.log).filter((log): log is string => log !== null);
  return parts.length > 0 ? parts.join('') : null;
}

/** Looks a record up by id and checks it belongs to the repository in the URL. */
export function inRepo<T extends { repo: string }>(record: T | undefined, repo: RepoRecord): T {
  if (!record || record.repo !== `${repo.owner}/${repo.name}`.toLowerCase())
    throw new HttpError(404, 'Not Found');
  return record;
}
