import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export interface EmulatorFlags {
  scenario?: string;
  port: string;
  now?: string;
}

export function registerEmulator(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('emulator')
    .summary('serve a CI scenario (GitHub REST API + GCS) on loopback, in the foreground')
    .description(
      'Starts the CI emulator with a scenario and prints its base URL; Ctrl-C stops it. Point any\n' +
        'command at it: `nightshift detect --api-url URL --gcs-url URL/gcs`, `nightshift mcp --api-url URL`,\n' +
        "or Octokit/curl. Any token is accepted (as the scenario's default user). GET URL/_emulator/state\n" +
        'shows the current issues, comments and request counts.\n\n' +
        'Exit codes: 0 stopped, 2 usage error (bad port, port in use), 3 unreadable scenario.',
    )
    .option('-s, --scenario <dir>', 'scenario folder (default: the embedded ptp-nightly)')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '0')
    .option(
      '--now <iso>',
      "the emulator's clock (default: the scenario's demo.yaml `now`, else the real time)",
    )
    .action(async (flags: EmulatorFlags) => {
      const { runEmulator } = await import('./run-emulator'); // loaded on use (see program.ts)
      setExit(await runEmulator(flags, io));
    });
}
