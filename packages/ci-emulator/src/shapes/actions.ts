import { readObject } from '../state/git';
import { ensureUser } from '../state/users';
import type {
  ArtifactRecord,
  JobRecord,
  RepoRecord,
  RunAttemptRecord,
  RunRecord,
  WorkflowRecord,
  World,
} from '../state/world';
import { minimalRepoShape } from './repo';
import { nodeId, type Urls } from './urls';
import { simpleUser } from './user';

function repoApi(urls: Urls, repo: RepoRecord): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

export function workflowShape(
  urls: Urls,
  repo: RepoRecord,
  workflow: WorkflowRecord,
): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: workflow.id,
    node_id: nodeId('W', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: workflow.state,
    created_at: workflow.createdAt,
    updated_at: workflow.updatedAt,
    url: `${repoApi(urls, repo)}/actions/workflows/${workflow.id}`,
    html_url: `${urls.html}/${full}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${urls.html}/${full}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

function headCommit(repo: RepoRecord, sha: string): Record<string, unknown> | null {
  const object = readObject(repo, sha);
  if (object?.type !== 'commit') return null;
  return {
    id: sha,
    tree_id: object.tree,
    message: object.message,
    timestamp: object.committer.date,
    author: { name: object.author.name, email: object.author.email },
    committer: { name: object.committer.name, email: object.committer.email },
  };
}

/** A run as of one attempt (default: the latest), like GET /actions/runs/{id}/attempts/{n}. */
export function runShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  run: RunRecord,
  attempt: RunAttemptRecord = run.attempts[run.attempts.length - 1]!,
): Record<string, unknown> {
  const api = `${repoApi(urls, repo)}/actions/runs/${run.id}`;
  const workflow = world.workflows.get(run.workflowId);
  const actor = simpleUser(urls, ensureUser(world, run.actor));
  const repository = minimalRepoShape(world, urls, repo);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WFR', run.id),
    check_suite_id: run.id + 1_000_000,
    check_suite_node_id: nodeId('CS', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: attempt.status,
    conclusion: attempt.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: `${urls.html}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: attempt.createdAt,
    updated_at: attempt.updatedAt,
    actor,
    triggering_actor: actor,
    run_attempt: attempt.attempt,
    referenced_workflows: [],
    run_started_at: attempt.startedAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi(urls, repo)}/check-suites/${run.id + 1_000_000}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: attempt.attempt > 1 ? `${api}/attempts/${attempt.attempt - 1}` : null,
    workflow_url: `${repoApi(urls, repo)}/actions/workflows/${run.workflowId}`,
    head_commit: headCommit(repo, run.headSha),
    repository,
    head_repository: repository,
  };
}

export function jobShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  job: JobRecord,
): Record<string, unknown> {
  const run = world.runs.get(job.runId);
  const api = repoApi(urls, repo);
  return {
    id: job.id,
    run_id: job.runId,
    workflow_name: run?.name ?? null,
    head_branch: run?.headBranch ?? null,
    run_url: `${api}/actions/runs/${job.runId}`,
    run_attempt: job.runAttempt,
    node_id: nodeId('CR', job.id),
    head_sha: run?.headSha ?? '',
    url: `${api}/actions/jobs/${job.id}`,
    html_url: `${urls.html}/${repo.owner}/${repo.name}/actions/runs/${job.runId}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.startedAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: step.startedAt,
      completed_at: step.completedAt,
    })),
    check_run_url: `${api}/check-runs/${job.id}`,
    labels: job.labels,
    runner_id: job.runnerName ? 1 : null,
    runner_name: job.runnerName,
    runner_group_id: job.runnerName ? 1 : null,
    runner_group_name: job.runnerName ? 'GitHub Actions' : null,
  };
}

export function artifactShape(
  world: World,
  urls: Urls,
  repo: RepoRecord,
  artifact: ArtifactRecord,
): Record<string, unknown> {
  const run = world.runs.get(artifact.runId);
  const api = `${repoApi(urls, repo)}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId('MDg', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: artifact.expired,
    created_at: artifact.createdAt,
    expires_at: artifact.expiresAt,
    updated_at: artifact.createdAt,
    workflow_run: {
      id: artifact.runId,
      repository_id: repo.id,
      head_repository_id: repo.id,
      head_branch: run?.headBranch ?? '',
      head_sha: run?.headSha ?? '',
    },
  };
}
