import { resolve } from 'node:path';
import { startEmulator } from '@nightshift/ci-emulator';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { readDemoSettings } from './demo-settings';
import { findEmbeddedScenario, readScenario } from './embedded-scenario';
import type { EmulatorFlags } from './emulator';

/** `nightshift emulator`: loaded by its action only (see emulator.ts). */
export async function runEmulator(flags: EmulatorFlags, io: CliIo): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got '${flags.port}')`);
  if (flags.now !== undefined && !Number.isFinite(Date.parse(flags.now)))
    throw new UsageError(`--now must be an ISO date (got '${flags.now}')`);
  const dir = flags.scenario ? resolve(io.cwd, flags.scenario) : findEmbeddedScenario();
  const scenario = await readScenario(dir);
  const nowText = flags.now ?? (await readDemoSettings(dir)).now;
  const clock = nowText ? new Date(nowText) : undefined;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ scenario, port, ...(clock ? { now: () => clock } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`--port ${port} is already in use`);
    throw error;
  }
  io.stdout.write(
    [
      `Nightshift CI emulator: ${dir}`,
      `  GitHub API  ${emulator.githubApiUrl}   (--api-url; any token works)`,
      `  GCS         ${emulator.gcsUrl}   (--gcs-url for Prow sources)`,
      `  state       ${emulator.url}/_emulator/state`,
      ...(clock ? [`  clock       ${clock.toISOString()} (fixed)`] : []),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await untilStopped();
  await emulator.close();
  io.stdout.write('Emulator stopped.\n');
  return ExitCode.ok;
}

/** Resolves on the first SIGINT or SIGTERM; the handlers are removed again afterwards. */
function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
