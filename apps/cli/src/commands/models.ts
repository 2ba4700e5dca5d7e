import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export function registerModels(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('models')
    .summary('list model providers, the configured model, and whether each key is present')
    .description(
      'Lists the providers Nightshift can use for triage and fix, the model configured in\n' +
        '.github/nightshift.yml (if --config is given), and whether the API key variable is set.\n' +
        'Keys are never printed: only whether they are present.',
    )
    .option('-c, --config <file>', 'configuration file whose `model:` section to show')
    .option('--json', 'print JSON instead of a table')
    .action(async (flags: { config?: string; json?: boolean }) => {
      const { runModels } = await import('./run-models'); // loaded on use (see program.ts)
      setExit(await runModels(flags, io));
    });
}
