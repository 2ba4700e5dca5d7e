/**
 * Regenerates this scenario's data folders: `gcs/` (the Prow half) from the real nightly
 * artifacts in ../shared/data/ptp-nightly/prow (see that folder's README), and `logs/` +
 * `artifacts/` (the GitHub Actions half) from github-runs.ts. scenario.yaml, nightshift.yml,
 * demo.yaml and repos/ are written by hand.
 *
 *   pnpm exec tsx scenarios/ptp-nightly/build-scenario.ts [--data DIR]
 *
 * For each selected build it writes the objects the detector reads, laid out like the
 * `test-platform-results` bucket (research/ptp-ci.md §2):
 *
 *   logs/<job>/latest-build.txt
 *   logs/<job>/<build>/{started.json, finished.json, build-log.txt}       ← written from record.json
 *   logs/<job>/<build>/artifacts/<test>/<step>/{build-log.txt, finished.json}   ← copied
 *   logs/<job>/<build>/artifacts/<test>/<step>/artifacts/{junit.xml, test_results*.xml, …} ← copied
 *
 * Copied files are byte-for-byte the shared data (each already cut at 20,000 characters, so
 * most XML is truncated: real malformed input). The job-level files do not exist in the shared
 * data; they are written from the build's record.json (times, state) in the shape Prow and
 * ci-operator use. HTML renderings, sidecar logs and `test_results_all.xml` (a byte-identical copy
 * of `junit.xml`) are left out to keep the scenario small.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGithubFiles } from './github-runs';

export const BUCKET = 'test-platform-results';

/** Jobs and builds taken from the shared data: failures over several versions, and a pass. */
export const SELECTED_BUILDS: Record<string, string[]> = {
  'periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp': [
    '2075369889480052736', // linuxptp-daemon DaemonSet never deployed: [SynchronizedBeforeSuite] fails in every mode
    '2084791866867322880', // cluster setup failed (no kubeconfig): a job-level failure
    '2085516701369110528',
    '2086603874264682496',
  ],
  'periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp-upstream': [
    '2085607100800569344',
    '2086694355812225024',
  ],
  'periodic-ci-openshift-release-main-nightly-4.22-e2e-telco5g-ptp': [
    '2086332022917173248',
    '2087056583728041984',
  ],
  'periodic-ci-openshift-release-main-nightly-4.21-e2e-telco5g-ptp': [
    '2064860566723235840',
    '2065222935240511488', // passed
  ],
};

const STEPS = ['telco5g-ptp-cluster-setup', 'telco5g-ptp-tests'] as const;
/** Files kept at the step level; every other kept file is a test result under `<step>/artifacts/`. */
const STEP_LEVEL = new Set(['build-log.txt', 'finished.json']);
const RESULT_FILE = /^(junit\.xml|test_results_(?!all\.)[a-z]+\.xml|test_results\.json)$/;

interface BuildRecord {
  job: string;
  build_id: string;
  state: string;
  start_time: string | null;
  completion_time: string | null;
}

/** Every object of the Prow half, keyed by object name (relative to the bucket). */
export function buildProwObjects(dataDir: string): Map<string, string | Buffer> {
  const objects = new Map<string, string | Buffer>();
  for (const [job, builds] of Object.entries(SELECTED_BUILDS)) {
    const test = job.replace(/^.*-nightly-\d+\.\d+-/, '');
    for (const build of builds) {
      const folder = join(dataDir, job, build);
      const record = JSON.parse(readFileSync(join(folder, 'record.json'), 'utf8')) as BuildRecord;
      const prefix = `logs/${job}/${build}/`;
      const steps: { name: string; passed: boolean; at: number }[] = [];
      for (const step of STEPS) {
        const stepDir = join(folder, step);
        if (!existsSync(stepDir)) continue;
        for (const file of listFiles(stepDir)) {
          const name = file.split('/').pop() ?? file;
          const data = readFileSync(join(stepDir, file));
          if (file === name && STEP_LEVEL.has(name))
            objects.set(`${prefix}artifacts/${test}/${step}/${name}`, data);
          else if (RESULT_FILE.test(name))
            objects.set(`${prefix}artifacts/${test}/${step}/artifacts/${name}`, data);
        }
        const finished = JSON.parse(readFileSync(join(stepDir, 'finished.json'), 'utf8')) as {
          timestamp: number;
          passed: boolean;
        };
        steps.push({ name: step, passed: finished.passed, at: finished.timestamp });
      }
      for (const [name, text] of Object.entries(jobLevelFiles(record, test, steps)))
        objects.set(prefix + name, text);
    }
    const latest = [...builds].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).pop()!;
    objects.set(`logs/${job}/latest-build.txt`, latest);
  }
  return objects;
}

/** started.json / finished.json / build-log.txt at the build's root, from its record. */
function jobLevelFiles(
  record: BuildRecord,
  test: string,
  steps: { name: string; passed: boolean; at: number }[],
) {
  if (!record.start_time || !record.completion_time)
    throw new Error(`${record.build_id}: record.json has no times`);
  const started = Date.parse(record.start_time) / 1000;
  const finished = Date.parse(record.completion_time) / 1000;
  const passed = record.state === 'success';
  const namespace = `ci-op-${BigInt(record.build_id).toString(36).slice(-8)}`;
  const log = [`INFO[${record.start_time}] Using namespace ${namespace}`];
  let previous = started;
  // A build with no step folders in the shared data (a pass) gets no per-step lines: no times to show.
  if (steps.length === 0) log.push(`INFO[${record.start_time}] Running multi-stage test ${test}`);
  for (const step of steps) {
    const pod = `${test}-${step.name}`;
    log.push(`INFO[${iso(previous)}] Running step ${pod}.`);
    const took = duration(step.at - previous);
    log.push(`INFO[${iso(step.at)}] Step ${pod} ${step.passed ? 'succeeded' : 'failed'} after ${took}.`);
    if (!step.passed) {
      log.push(
        `ERRO[${iso(finished)}] Some steps failed:`,
        `ERRO[${iso(finished)}]   * could not run steps: step ${test} failed: "${test}" test steps failed: "${test}" pod "${pod}" failed: could not watch pod: the pod ${namespace}/${pod} failed after ${took} (failed containers: test): ContainerFailed one or more containers exited`,
        `INFO[${iso(finished)}] Reporting job state 'failed' with reason 'executing_graph:step_failed:utilizing_lease:executing_test:executing_multi_stage_test'`,
      );
      break;
    }
    previous = step.at;
  }
  if (passed) log.push(`INFO[${iso(finished)}] Reporting job state 'succeeded'`);
  return {
    'started.json': `${JSON.stringify({ timestamp: started, repos: { 'openshift/release': 'main' } })}\n`,
    'finished.json': `${JSON.stringify({ timestamp: finished, passed, result: passed ? 'SUCCESS' : 'FAILURE', revision: 'main' })}\n`,
    'build-log.txt': `${log.join('\n')}\n`,
  };
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
    });
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const duration = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m${s % 60}s`;
};

/** Every generated file of the scenario, keyed by its path relative to the scenario folder. */
export function buildScenarioFiles(dataDir: string): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  for (const [name, data] of buildProwObjects(dataDir)) files.set(`gcs/${BUCKET}/${name}`, data);
  for (const [name, data] of buildGithubFiles()) files.set(name, data);
  return files;
}

/** The folders this script owns; everything under them is regenerated. */
export const GENERATED_DIRS = ['gcs', 'logs', 'artifacts'] as const;

/** Replaces the generated folders of `scenarioDir` with fresh output. */
export function writeScenarioFiles(dataDir: string, scenarioDir: string): number {
  for (const dir of GENERATED_DIRS) rmSync(join(scenarioDir, dir), { recursive: true, force: true });
  const files = buildScenarioFiles(dataDir);
  for (const [name, data] of files) {
    mkdirSync(dirname(join(scenarioDir, name)), { recursive: true });
    writeFileSync(join(scenarioDir, name), data);
  }
  return files.size;
}

/** Files currently under the generated folders, relative to the scenario folder. */
export function listGeneratedFiles(scenarioDir: string): string[] {
  return GENERATED_DIRS.flatMap((dir) =>
    existsSync(join(scenarioDir, dir)) ? listFiles(join(scenarioDir, dir)).map((f) => `${dir}/${f}`) : [],
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const flag = process.argv.indexOf('--data');
  const data =
    flag > 0 ? resolve(process.argv[flag + 1] ?? '') : resolve(here, '../../../shared/data/ptp-nightly/prow');
  const count = writeScenarioFiles(data, here);
  console.log(`wrote ${count} files under ${GENERATED_DIRS.map((d) => join(here, d)).join(', ')}`);
}
