import { getWorkflowRun, parseRepo } from '@nightshift/github-ops';
import type { GithubActionsSourceConfig } from '../config/index';
import type { CiSource } from '../types';
import type { DownloadRetryOptions } from './download-retry';
import { type GithubInputLimits, readGithubRunInputs } from './github-run-inputs';
import { listNewWorkflowRuns } from './github-run-listing';
import { mapConclusion, toCiRun } from './github-run-mapping';
import { isNumericId } from './numeric-id';
import type { GithubOctokit } from './octokit';

export interface GithubActionsSourceDeps {
  octokit: GithubOctokit;
  /** Retries of log/artifact downloads beyond Octokit's own (tests shrink the backoff). */
  retry?: DownloadRetryOptions;
  limits?: GithubInputLimits;
}

/**
 * One GitHub Actions workflow (repo + workflow, optionally branch and events) as a CiSource.
 * Everything goes through github-ops on the Octokit passed in, so its retry, throttling and
 * conditional-request cache apply.
 */
export function createGithubActionsSource(
  config: GithubActionsSourceConfig,
  deps: GithubActionsSourceDeps,
): CiSource {
  const { octokit } = deps;
  const repo = parseRepo(config.repo);
  const runId = (id: string): number => {
    if (!isNumericId(id))
      throw new TypeError(`github-actions source "${config.name}": ${JSON.stringify(id)} is not a run id`);
    return Number(id);
  };
  return {
    name: config.name,
    type: 'github-actions',
    async listRuns(since) {
      const runs = await listNewWorkflowRuns(octokit, repo, config, since);
      return runs.map((run) => toCiRun(config.name, run));
    },
    async getRun(id) {
      return toCiRun(config.name, await getWorkflowRun(octokit, repo, runId(id)));
    },
    readInputs(run) {
      return readGithubRunInputs(
        { octokit, repo, artifacts: config.artifacts ?? [], retry: deps.retry, limits: deps.limits },
        run,
      );
    },
    async listAttempts(run) {
      const id = runId(run.id);
      const out: { attempt: number; conclusion: ReturnType<typeof mapConclusion> }[] = [];
      for (let attempt = 1; attempt <= run.attempt; attempt++) {
        // The run itself is the latest attempt; only earlier ones cost a request.
        const conclusion =
          attempt === run.attempt
            ? run.conclusion
            : mapConclusion((await getWorkflowRun(octokit, repo, id, attempt)).conclusion);
        out.push({ attempt, conclusion });
      }
      return out;
    },
  };
}
