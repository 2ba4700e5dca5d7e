import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io';
import { registerAnalyze } from './commands/analyze';
import { registerDemo } from './commands/demo';
import { registerDetect } from './commands/detect';
import { registerEmulator } from './commands/emulator';
import { registerGroup } from './commands/group';
import { registerMcp } from './commands/mcp';
import { registerModels } from './commands/models';
import { ExitCode } from './exit-codes';
import { VERSION } from './version';

/**
 * Builds the `nightshift` program. Each command lives in commands/<name>.ts, which only declares
 * it (arguments, flags, help); its implementation, commands/run-<name>.ts, is imported by the
 * action when the command runs, and the bundle is split the same way (tsup.config.ts). So `analyze`
 * never loads Octokit, the MCP SDK or the emulator, and `--help` loads no command at all: a small
 * analyze went from ~0.45 to ~0.25 CPU s and from ~105 to ~82 MB RSS (bundle.test.ts guards it).
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('nightshift')
    .version(VERSION)
    .description(
      'Nightshift catches CI failures and gets them fixed: detect → triage → fix.\n' +
        'Every command runs offline against files or against any GitHub API base URL.',
    )
    .showHelpAfterError('(run with --help for usage)')
    // Descriptions are wrapped by hand at ~100 columns; a wider help keeps commander from
    // wrapping them a second time.
    .configureHelp({ helpWidth: 110 })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 run-time failure, 2 usage error, 3 unreadable input.\n' +
        'Docs: README.md in the repository; each command has --help.',
    );
  registerAnalyze(program, io, setExit);
  registerGroup(program, io, setExit);
  registerDetect(program, io, setExit);
  registerDemo(program, io, setExit);
  registerEmulator(program, io, setExit);
  registerMcp(program, io, setExit);
  registerModels(program, io, setExit);
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every parse error is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const exitCode =
      (error as { exitCode?: number }).exitCode ??
      ((await isConfigError(error)) ? ExitCode.usage : undefined);
    const message = error instanceof Error ? error.message : String(error);
    // Messages quote paths and values the caller gave, and inputs: sanitised and redacted like
    // every such line. Loaded here, on the error path only (log-parsing is not a start-up cost).
    const { writeErrorLine, writeErrorText } = await import('./commands/write-error-line');
    if (typeof exitCode === 'number') {
      writeErrorLine(io, `nightshift: ${message}`);
      return exitCode;
    }
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EACCES'
    ) {
      writeErrorLine(io, `nightshift: ${message}`);
      return ExitCode.unreadableInput;
    }
    writeErrorText(io, `nightshift: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return ExitCode.failure;
  }
}

/**
 * A configuration that cannot be used is the caller's to fix, like a bad flag. failure-detection
 * is imported here, on the error path only, to keep it out of every command's start-up.
 */
async function isConfigError(error: unknown): Promise<boolean> {
  const { ConfigError } = await import('@nightshift/failure-detection');
  return ConfigError.isInstance(error);
}
