import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { EmulatorState } from '@nightshift/ci-emulator';

export const PROW_FIXTURE_DIR = new URL('./prow/', import.meta.url);
export const FIXTURE_JOB = 'periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp';
/** The fixture's builds, oldest first. */
export const FIXTURE_BUILDS = ['2075369889480052736', '2084791866867322880'] as const;

/**
 * Puts every build of the fixture into the emulator's GCS bucket (`logs/<job>/<build>/…`) and
 * points each job's latest-build.txt at its newest build.
 */
export async function loadProwFixture(state: EmulatorState, bucket = 'test-platform-results'): Promise<void> {
  const root = PROW_FIXTURE_DIR.pathname;
  for (const job of await dirs(root)) {
    const builds = (await dirs(join(root, job))).sort();
    for (const buildId of builds) {
      const folder = join(root, job, buildId);
      const files: Record<string, Uint8Array> = {};
      for (const file of await walk(folder)) files[relative(folder, file)] = await readFile(file);
      state.addProwBuild({ job, buildId, files, bucket, latest: false });
    }
    const newest = builds.at(-1);
    if (newest) state.putGcsObject(bucket, `logs/${job}/latest-build.txt`, newest, 'text/plain');
  }
}

async function dirs(path: string): Promise<string[]> {
  return (await readdir(path, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
}

async function walk(path: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}
