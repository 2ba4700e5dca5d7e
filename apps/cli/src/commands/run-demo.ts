import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Emulator, type RequestLogEntry, startEmulator } from '@nightshift/ci-emulator';
import { buildDetectorDeps, type DetectionOutcome, runDetection } from '@nightshift/detector-action';
import { parseRepo } from '@nightshift/github-ops';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { loadProfileRules } from '../profile';
import type { DemoFlags } from './demo';
import { readDemoSettings } from './demo-settings';
import { renderDetectorText } from './detector-report';
import { findEmbeddedScenario, readScenario } from './embedded-scenario';
import { loadDetectorConfig } from './load-detector-config';
import { checkOutOption, makeOutFolder, outError } from './out-file';

interface CycleReport {
  outcome: DetectionOutcome;
  log: string[];
  requests: number;
  notModified: number;
  writes: number;
}

/** `nightshift demo`: loaded by its action only (see demo.ts). */
export async function runDemo(flags: DemoFlags, io: CliIo): Promise<number> {
  checkOutOption(flags.out, 'folder');
  const dir = flags.scenario ? resolve(io.cwd, flags.scenario) : findEmbeddedScenario();
  const settings = await readDemoSettings(dir);
  const config = await loadDetectorConfig(join(dir, settings.config ?? 'nightshift.yml'));
  if (!config.issues.repository)
    throw new UsageError(`${dir}: the scenario's configuration must set issues.repository`);
  const issueRepo = parseRepo(config.issues.repository);
  const clock = settings.now ? new Date(settings.now) : new Date();
  const scenario = await readScenario(dir);
  // Made before the run, so a --out that cannot be a folder fails at once.
  const outDir = await makeOutFolder(io.cwd, flags.out);

  const emulator = await startEmulator({ scenario, now: () => clock });
  try {
    const log: string[] = [];
    const deps = buildDetectorDeps({
      config,
      token: settings.token ?? 'nightshift-demo',
      apiUrl: emulator.githubApiUrl,
      gcsUrl: emulator.gcsUrl,
      profileRules: loadProfileRules(),
      now: () => clock,
      log: (line) => log.push(line),
      // The only difference from the action: no politeness delays against a local emulator.
      client: {
        retryAfterBaseMs: 10,
        throttle: { writeIntervalMs: 0, searchIntervalMs: 0, notificationIntervalMs: 0 },
      },
      sourceRetry: { github: { baseDelayMs: 10 }, prow: { baseDelayMs: 10 } },
    });
    const cycle = async (): Promise<CycleReport> => {
      const mark = emulator.requests().length;
      log.length = 0;
      const outcome = await runDetection(deps, { config: deps.config, issueRepo });
      return { outcome, log: [...log], ...requestStats(emulator.requests().slice(mark)) };
    };
    const first = await cycle();
    const second = await cycle();

    const stateFile = join(outDir, 'state.json');
    await writeFile(stateFile, `${JSON.stringify(finalState(emulator, dir, clock), null, 2)}\n`).catch(
      (error: unknown) => {
        throw outError(error, join(flags.out, 'state.json'));
      },
    );

    const sources = deps.sources.map((s) => s.name);
    if (flags.json) {
      const cycles = [first, second].map(({ outcome, log: lines, requests, notModified, writes }) => ({
        result: outcome.result,
        log: lines,
        requests,
        notModified,
        writes,
      }));
      io.stdout.write(
        `${JSON.stringify({ scenario: dir, clock: clock.toISOString(), issueRepo: config.issues.repository, cycles, stateFile }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(
        [
          `Nightshift demo: scenario ${relative(io.cwd, dir) || '.'}`,
          `  emulator   ${emulator.url} (clock ${clock.toISOString()})`,
          `  sources    ${sources.join(', ')}`,
          '',
          'Detector cycle 1',
          // Per-source progress lines; what happened to issues is listed just below.
          ...first.log.filter((l) => sources.some((name) => l.startsWith(`${name}:`))).map((l) => `  ${l}`),
          '',
          renderDetectorText(first.outcome.result, {
            sources,
            issueRepo: config.issues.repository,
            dryRun: false,
          }),
          `Detector cycle 2, same data: ${describeSecond(second)}`,
          `Emulator state written to ${relative(io.cwd, stateFile)}`,
          '',
        ].join('\n'),
      );
    }
    return first.outcome.failed ? ExitCode.failure : ExitCode.ok;
  } finally {
    await emulator.close();
  }
}

function requestStats(requests: RequestLogEntry[]) {
  return {
    requests: requests.length,
    notModified: requests.filter((r) => r.status === 304).length,
    writes: requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').length,
  };
}

function describeSecond(cycle: CycleReport): string {
  const r = cycle.outcome.result;
  const changed = r.created.length + r.updated.length + r.reopened.length + r.recovered.length;
  const what = changed === 0 && cycle.writes === 0 ? 'nothing changed' : `${changed} issue(s) changed`;
  return `${what} (${cycle.writes} writes; ${cycle.requests} requests, ${cycle.notModified} answered 304 Not Modified)`;
}

function finalState(emulator: Emulator, dir: string, clock: Date) {
  return {
    scenario: dir,
    clock: clock.toISOString(),
    ...emulator.state.snapshot(),
    requestCounts: emulator.requestCounts(),
    requests: emulator.requests(),
  };
}
