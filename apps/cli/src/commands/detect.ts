import { resolve } from 'node:path';
import { buildDetectorDeps, resolveIssueRepo, runDetection } from '@nightshift/detector-action';
import { TrackingError } from '@nightshift/failure-detection';
import { GitHubError, repoName } from '@nightshift/github-ops';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadProfileRules } from '../profile';
import { renderDetectorText } from './detector-report';
import { loadDetectorConfig } from './load-detector-config';

interface DetectFlags {
  config: string;
  dryRun?: boolean;
  since?: string;
  issueRepo?: string;
  apiUrl: string;
  gcsUrl?: string;
  botLogin?: string;
  json?: boolean;
}

/** A cycle that could not run (bad token, unreadable state issue…): exit 1 with the message only. */
export class DetectorRunError extends Error {
  readonly exitCode = ExitCode.failure;
  override name = 'DetectorRunError';
}

const SINCE = /^(\d+(m|h|d)|\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/;

export function registerDetect(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('detect')
    .summary('run one detector cycle: new CI runs → one issue per distinct failure')
    .description(
      'Reads the runs of every source in the configuration that are new since the last cycle (state\n' +
        'is kept in a state issue), analyses the failed ones and keeps one issue per distinct failure:\n' +
        'the same code the detector action runs. Works against GitHub, GitHub Enterprise or any API base\n' +
        'URL (e.g. `nightshift emulator`). The token comes from GITHUB_TOKEN (or GH_TOKEN).\n\n' +
        'Exit codes: 0 cycle done (even with some sources down), 1 every source failed or the cycle\n' +
        'could not run, 2 usage or configuration error, 3 unreadable configuration file.',
    )
    .requiredOption('-c, --config <file>', 'Nightshift configuration (.github/nightshift.yml)')
    .option('--dry-run', 'compute everything and write nothing; print what would be written')
    .option(
      '--since <when>',
      'ISO date or duration (90m, 6h, 7d) where sources with no history start (overrides lookback)',
    )
    .option(
      '--issue-repo <owner/name>',
      'repository for issues (default: issues.repository in the config, else GITHUB_REPOSITORY)',
    )
    .option('--api-url <url>', 'GitHub REST API base URL', 'https://api.github.com')
    .option(
      '--gcs-url <url>',
      "GCS JSON API base URL for every Prow source (default: each source's gcsBaseUrl)",
    )
    .option('--bot-login <login>', 'login the token writes as, when the config has no issues.botLogin')
    .option('--json', 'print the detector result as JSON')
    .action(async (flags: DetectFlags) => {
      setExit(await runDetect(flags, io));
    });
}

async function runDetect(flags: DetectFlags, io: CliIo): Promise<number> {
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
    log: (line) => io.stderr.write(`nightshift: ${line}\n`),
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
