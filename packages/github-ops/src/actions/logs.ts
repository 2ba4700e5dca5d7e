import { readZipEntries, type ZipCaps, type ZipEntries } from '@nightshift/log-parsing';
import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { type DownloadOptions, type OpenedDownload, openRedirectDownload, readAllCapped } from './download';

/** Default cap on a run-log zip held in memory. */
export const DEFAULT_MAX_RUN_LOG_ZIP_BYTES = 512 * 1024 * 1024;

/**
 * Stream one job's log (plain text). Follows GitHub's 302 to the short-lived log URL; a log past
 * retention (410) throws `ExpiredError`. Feed `body` to log-parsing's `readLines` — never buffer
 * a whole log (they reach 100 MB+).
 */
export function openJobLog(
  octokit: Octokit,
  repo: RepoRef,
  jobId: number,
  options: DownloadOptions = {},
): Promise<OpenedDownload> {
  return openRedirectDownload(
    octokit,
    'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    { ...repo, job_id: jobId },
    `job log ${repo.owner}/${repo.repo} job ${jobId}`,
    options,
  );
}

/** Download a run's log archive (`0_<job>.txt`, `<job>/<n>_<step>.txt`) into memory, capped. */
export async function downloadRunLogs(
  octokit: Octokit,
  repo: RepoRef,
  runId: number,
  options: DownloadOptions & { attempt?: number; maxBytes?: number } = {},
): Promise<Buffer> {
  const what = `run logs ${repo.owner}/${repo.repo} run ${runId}${options.attempt ? ` attempt ${options.attempt}` : ''}`;
  const download =
    options.attempt === undefined
      ? await openRedirectDownload(
          octokit,
          'GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs',
          { ...repo, run_id: runId },
          what,
          options,
        )
      : await openRedirectDownload(
          octokit,
          'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs',
          { ...repo, run_id: runId, attempt_number: options.attempt },
          what,
          options,
        );
  return readAllCapped(download, options.maxBytes ?? DEFAULT_MAX_RUN_LOG_ZIP_BYTES, what);
}

/**
 * The files of a run's log archive through log-parsing's zip reader (bomb and traversal caps
 * apply; refused entries are listed in `.errors`).
 */
export async function readRunLogEntries(
  octokit: Octokit,
  repo: RepoRef,
  runId: number,
  options: DownloadOptions & { attempt?: number; maxBytes?: number; caps?: ZipCaps } = {},
): Promise<ZipEntries> {
  const zip = await downloadRunLogs(octokit, repo, runId, options);
  return readZipEntries(zip, { ...options.caps, displayPath: `run-${runId}-logs.zip` });
}
