import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export interface DetectFlags {
  config: string;
  dryRun?: boolean;
  since?: string;
  issueRepo?: string;
  apiUrl: string;
  gcsUrl?: string;
  botLogin?: string;
  json?: boolean;
}

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
      const { runDetect } = await import('./run-detect'); // loaded on use (see program.ts)
      setExit(await runDetect(flags, io));
    });
}
