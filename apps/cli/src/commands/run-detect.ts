import { resolve } from 'node:path';
import { buildDetectorDeps, resolveIssueRepo, runDetection } from '@nightshift/detector-action';
import { TrackingError } from '@nightshift/failure-detection';
import { GitHubError, repoName } from '@nightshift/github-ops';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadProfileRules } from '../profile';
import type { DetectFlags } from './detect';
import { renderDetectorText } from './detector-report';
import { loadDetectorConfig } from './load-detector-config';
import { writeErrorLine } from './write-error-line';

/** A cycle that could not run (bad token, unreadable state issue…): exit 1 with the message only. */
export class DetectorRunError extends Error {
  readonly exitCode = ExitCode.failure;
  override name = 'DetectorRunError';
}

const SINCE = /^(\d+(m|h|d)|\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/;

/** `nightshift detect`: loaded by its action only (see detect.ts). */
export async function runDetect(flags: DetectFlags, io: CliIo): Promise<number> {
  if (flags.since !== undefined && !SINCE.test(flags.since.trim())) {
    throw new UsageError(`--since must be an ISO date or a duration like 6h or 7d (got '${flags.since}')`);
  }
  for (const [name, url] of [
    ['--api-url', flags.apiUrl],
    ['--gcs-url', flags.gcsUrl],
  ] as const) {
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url))
      throw new UsageError(`${name} must be an http(s) URL (got '${url}')`);
  }
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  if (!token && !flags.dryRun)
    throw new UsageError('set GITHUB_TOKEN (or GH_TOKEN) to a token that can write issues, or use --dry-run');
  const config = await loadDetectorConfig(resolve(io.cwd, flags.config));
  let issueRepo: ReturnType<typeof resolveIssueRepo>;
  try {
    issueRepo = resolveIssueRepo(flags.issueRepo, config, io.env.GITHUB_REPOSITORY);
  } catch (error) {
    throw new UsageError(`--issue-repo: ${(error as Error).message}`);
  }
  const deps = buildDetectorDeps({
    config,
    ...(token ? { token } : {}),
    apiUrl: flags.apiUrl,
    ...(flags.gcsUrl ? { gcsUrl: flags.gcsUrl } : {}),
    profileRules: loadProfileRules(),
    // Progress lines quote what the sources return (run names, URLs, file names): cleaned and
    // redacted like every other line that quotes input.
    log: (line) => writeErrorLine(io, `nightshift: ${line}`),
    ...(flags.botLogin ? { botLogin: flags.botLogin } : {}),
  });
  let outcome: Awaited<ReturnType<typeof runDetection>>;
  try {
    outcome = await runDetection(deps, {
      config: deps.config,
      issueRepo,
      ...(flags.dryRun ? { dryRun: true } : {}),
      ...(flags.since ? { since: flags.since.trim() } : {}),
    });
  } catch (error) {
    // Typed errors carry a clean message (no stack needed); anything else is a bug: let it surface.
    if (GitHubError.isInstance(error) || TrackingError.isInstance(error)) {
      throw new DetectorRunError(`the detector cycle could not run: ${(error as Error).message}`);
    }
    throw error;
  }
  const dryRun = flags.dryRun ?? config.dryRun;
  if (flags.json) io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
  else {
    io.stdout.write(
      renderDetectorText(outcome.result, {
        sources: deps.sources.map((s) => s.name),
        issueRepo: repoName(issueRepo),
        dryRun,
      }),
    );
  }
  if (outcome.failed) io.stderr.write('nightshift: every source failed\n');
  return outcome.failed ? ExitCode.failure : ExitCode.ok;
}
