import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export interface DemoFlags {
  scenario?: string;
  out: string;
  json?: boolean;
}

export function registerDemo(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('demo')
    .summary('run the detector on an embedded CI scenario, offline')
    .description(
      'Starts the CI emulator with a scenario (default: the embedded scenarios/ptp-nightly: the PTP\n' +
        "team's netdevsim CI and real OpenShift Prow nightlies), runs the detector through the same code\n" +
        'path as the detector action, prints what it did, runs a second cycle to show that nothing changes\n' +
        'on the same data, and writes the final emulator state (issues, comments, labels, request log)\n' +
        'to <out>/state.json. A scenario may carry demo.yaml (clock, config path, token).\n\n' +
        'Exit codes: 0 done, 1 every source failed, 2 usage error, 3 unreadable scenario.',
    )
    .option('-s, --scenario <dir>', 'scenario folder (default: the embedded ptp-nightly)')
    .option('-o, --out <dir>', 'where state.json is written', 'nightshift-demo-out')
    .option('--json', 'print the result of both cycles as JSON')
    .action(async (flags: DemoFlags) => {
      const { runDemo } = await import('./run-demo'); // loaded on use (see program.ts)
      setExit(await runDemo(flags, io));
    });
}
