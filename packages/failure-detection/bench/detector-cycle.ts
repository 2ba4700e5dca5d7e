/**
 * Detector cycle cost: GitHub requests and wall time per cycle on a large history.
 *
 * 10 watched workflows (5 repositories × 2) with 500 runs each (5,000 runs, hourly, about three
 * weeks), 2% of them failed, are generated into the CI emulator. Three cycles run with one client
 * (so its ETag cache is warm after the first), the clock moving 10–30 minutes between them:
 *   1. first cycle: no state yet, reads the lookback window (the last day);
 *   2. nothing new, right after the first, and 3. nothing new again (steady state): the DESIGN
 *      target is ≤ 1 request per watched workflow (304s shown separately; they cost no quota),
 *      plus the one read of the state issue, and no write;
 *   4. one new failed run (job log + a JUnit artifact): ≤ 10 requests beyond a steady nothing-new
 *      cycle, plus its artifact downloads.
 *
 *   pnpm exec node --conditions=@nightshift/source --import tsx packages/failure-detection/bench/detector-cycle.ts [--requests]
 */
import { fileURLToPath } from 'node:url';
import { type Emulator, type RequestLogEntry, startEmulator } from '@nightshift/ci-emulator';
import { createGitHubClient } from '@nightshift/github-ops';
import { builtinRules, createClassifier } from '@nightshift/log-parsing';
import { createSources, type NightshiftConfig, parseConfig, runDetector } from '../src/index';

export interface DetectorCycleRow {
  cycle: string;
  /** Every GitHub request the cycle made (304s included). */
  requests: number;
  notModified: number;
  /** Artifact downloads (archive request + blob fetch), excluded from the target. */
  artifactDownloads: number;
  writes: number;
  wallMs: number;
  target: string;
  pass: boolean | null;
}

export interface DetectorCycleBench {
  workflows: number;
  historicalRuns: number;
  rows: DetectorCycleRow[];
}

const NOW = new Date('2026-08-01T12:00:00Z');
const ISSUE_REPO = { owner: 'bench', repo: 'tracker' };
const HOUR = 3_600_000;

export interface DetectorCycleBenchOptions {
  repos?: number;
  workflowsPerRepo?: number;
  runsPerWorkflow?: number;
  /** Called with every request of every cycle (`--requests` on the command line prints them). */
  onRequest?: (cycle: string, request: string) => void;
}

export async function runDetectorCycleBench(
  options: DetectorCycleBenchOptions = {},
): Promise<DetectorCycleBench> {
  const repos = options.repos ?? 5;
  const perRepo = options.workflowsPerRepo ?? 2;
  const runsPerWorkflow = options.runsPerWorkflow ?? 500;
  let now = NOW;
  const emulator = await startEmulator({ now: () => now });
  try {
    const config = seed(emulator, repos, perRepo, runsPerWorkflow);
    const octokit = createGitHubClient({
      token: 'bench-token',
      baseUrl: emulator.githubApiUrl,
      retryAfterBaseMs: 1,
      throttle: { writeIntervalMs: 0, searchIntervalMs: 0, notificationIntervalMs: 0 },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    const deps = {
      octokit,
      sources: createSources(config, { octokit, retry: { github: { baseDelayMs: 1 } } }),
      classifier: createClassifier(builtinRules),
      now: () => now,
    };
    const workflows = repos * perRepo;
    const cycle = async (name: string, target: string, check: (r: DetectorCycleRow) => boolean | null) => {
      const mark = emulator.requests().length;
      const started = performance.now();
      await runDetector(deps, { config, issueRepo: ISSUE_REPO });
      const requests = emulator.requests().slice(mark);
      const row = measure(name, requests, performance.now() - started, target);
      row.pass = check(row);
      for (const r of requests) options.onRequest?.(name, `${r.status} ${r.method} ${r.path}`);
      return row;
    };
    const later = (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    };
    // Nothing new: one listing per workflow (a 304 when unchanged) plus one read of the state issue.
    const nothingNew = (r: DetectorCycleRow) => r.requests <= workflows + 1 && r.writes === 0;

    const rows: DetectorCycleRow[] = [];
    rows.push(await cycle('first cycle (1-day lookback)', '–', () => null));
    later(10);
    rows.push(
      await cycle(
        'nothing new, right after the first',
        `≤ ${workflows} + 1 state read, no write`,
        nothingNew,
      ),
    );
    later(10);
    const steady = await cycle(
      'nothing new, steady state',
      `≤ ${workflows} + 1 state read, no write`,
      nothingNew,
    );
    rows.push(steady);
    await addFailedRun(
      emulator,
      'bench/repo-0',
      'wf-0.yml',
      new Date(now.getTime() + 60_000),
      'TestBenchNew',
      true,
    );
    later(30);
    // The new run's own cost: everything beyond a steady nothing-new cycle, artifact downloads aside.
    rows.push(
      await cycle(
        'one new failed run',
        '≤ 10 beyond steady state + artifact downloads',
        (r) => r.requests - steady.requests - r.artifactDownloads <= 10,
      ),
    );
    return { workflows, historicalRuns: workflows * runsPerWorkflow, rows };
  } finally {
    await emulator.close();
  }
}

function seed(emulator: Emulator, repos: number, perRepo: number, runsPerWorkflow: number): NightshiftConfig {
  const { state } = emulator;
  state.addUser('nightshift-bot', { type: 'Bot' });
  state.addToken('bench-token', 'nightshift-bot');
  state.addRepo({ owner: ISSUE_REPO.owner, name: ISSUE_REPO.repo, files: { 'README.md': 'tracker\n' } });
  const sources: string[] = [];
  for (let r = 0; r < repos; r++) {
    const repo = `bench/repo-${r}`;
    state.addRepo({ owner: 'bench', name: `repo-${r}`, files: { 'README.md': `repo ${r}\n` } });
    for (let w = 0; w < perRepo; w++) {
      const file = `wf-${w}.yml`;
      state.addWorkflow(repo, { name: `wf-${w}`, path: `.github/workflows/${file}` });
      for (let i = 0; i < runsPerWorkflow; i++) {
        const createdAt = new Date(
          NOW.getTime() - (runsPerWorkflow - i) * HOUR + (r * perRepo + w) * 60_000,
        ).toISOString();
        // 2% failed, each workflow with its own failing test.
        if (i % 50 === 49)
          void addFailedRun(emulator, repo, file, new Date(createdAt), `TestFlow${r}x${w}`, false);
        else
          state.addWorkflowRun(repo, {
            workflow: file,
            event: 'schedule',
            conclusion: 'success',
            createdAt,
            runNumber: i + 1,
          });
      }
      sources.push(
        `  - { type: github-actions, name: "repo-${r} wf-${w}", repo: ${repo}, workflow: ${file}, branch: main, artifacts: ["junit-*"] }`,
      );
    }
  }
  return parseConfig(
    [
      'version: 1',
      'lookback: 1d',
      'sources:',
      ...sources,
      `issues: { repository: ${ISSUE_REPO.owner}/${ISSUE_REPO.repo}, botLogin: nightshift-bot }`,
    ].join('\n'),
    'detector-cycle bench',
  );
}

async function addFailedRun(
  emulator: Emulator,
  repo: string,
  file: string,
  at: Date,
  test: string,
  withArtifact: boolean,
): Promise<void> {
  const run = emulator.state.addWorkflowRun(repo, {
    workflow: file,
    event: 'schedule',
    conclusion: 'failure',
    createdAt: at.toISOString(),
  });
  const t = at.toISOString().replace('Z', '0000Z');
  emulator.state.addJob(run.id, {
    name: 'test',
    conclusion: 'failure',
    log: [
      `${t} === RUN   ${test}`,
      `${t}     main_test.go:42: expected 3 ready pods, found 0`,
      `${t} --- FAIL: ${test} (0.01s)`,
      `${t} FAIL`,
      `${t} ##[error]Process completed with exit code 1.`,
    ].join('\n'),
  });
  if (withArtifact) {
    await emulator.state.addArtifact(run.id, {
      name: 'junit-report',
      files: {
        'junit.xml': `<testsuites><testsuite name="bench" tests="1" failures="1"><testcase name="${test}" classname="bench"><failure message="expected 3 ready pods, found 0">main_test.go:42</failure></testcase></testsuite></testsuites>\n`,
      },
    });
  }
}

function measure(
  cycle: string,
  requests: RequestLogEntry[],
  wallMs: number,
  target: string,
): DetectorCycleRow {
  const archives = requests.filter((r) =>
    r.route.endsWith('/artifacts/{artifact_id}/{archive_format}'),
  ).length;
  return {
    cycle,
    requests: requests.length,
    notModified: requests.filter((r) => r.status === 304).length,
    // Each archive request redirects to one blob download.
    artifactDownloads: archives * 2,
    writes: requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').length,
    wallMs,
    target,
    pass: null,
  };
}

export function formatDetectorCycleBench(bench: DetectorCycleBench): string {
  const lines = [
    `${bench.workflows} watched workflows, ${bench.historicalRuns.toLocaleString('en-US')} historical runs`,
    '',
    '| cycle | GitHub requests | of which 304 | artifact downloads | writes | wall time | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
    ...bench.rows.map(
      (r) =>
        `| ${r.cycle} | ${r.requests} | ${r.notModified} | ${r.artifactDownloads} | ${r.writes} | ${r.wallMs.toFixed(0)} ms | ${r.target} | ${r.pass === null ? '–' : r.pass ? 'yes' : '**no**'} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const verbose = process.argv.includes('--requests');
  const bench = await runDetectorCycleBench(
    verbose ? { onRequest: (cycle, request) => console.log(`${cycle}: ${request}`) } : {},
  );
  console.log(formatDetectorCycleBench(bench));
}
