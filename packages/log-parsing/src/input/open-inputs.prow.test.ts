import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip } from './__fixtures__/build-zip';
import { readLines } from './line-reader';
import { splitLines } from './line-splitter';
import { expandInputs } from './open-inputs';

// Real Prow artifacts of one PTP nightly build (shared data; absent outside the workspace).
const build = fileURLToPath(
  new URL(
    '../../../../../shared/data/ptp-nightly/prow/periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp/2063599381201817600/',
    import.meta.url,
  ),
);

/** Every input under `paths` as display path → lines, read in small chunks to split characters. */
async function linesByPath(paths: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const item of expandInputs(paths, { chunkBytes: 1000 })) {
    if (item.kind === 'error') throw item.error;
    const lines: string[] = [];
    for await (const line of readLines(item.open())) lines.push(line.text);
    out.set(item.path, lines);
  }
  return out;
}

describe.skipIf(!existsSync(build))('expandInputs on real Prow artifacts', () => {
  it('walks a build folder in sorted order and reads each file exactly as a whole-file split does', async () => {
    const read = await linesByPath([build]);
    const names = [...read.keys()].map((p) => relative(build, p));
    expect(names).toContain('record.json');
    expect(names).toContain(join('telco5g-ptp-tests', 'build-log.txt'));
    expect(names).toContain(join('telco5g-ptp-tests', 'artifacts', 'test_results_dualnicbcha.xml'));
    expect(names).toEqual([...names].sort());
    for (const [path, lines] of read) {
      const whole = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(path));
      expect(lines, path).toEqual(splitLines(whole).map((l) => l.text));
    }
    const finished = read.get(join(build, 'telco5g-ptp-tests', 'finished.json'));
    expect(JSON.parse(finished?.join('\n') ?? '')).toMatchObject({ result: 'FAILURE', passed: false });
  });

  it('yields the same lines from the build packed as a zip with a gzipped log inside', async () => {
    const log = await readFile(join(build, 'telco5g-ptp-tests', 'build-log.txt'));
    const junit = await readFile(join(build, 'telco5g-ptp-tests', 'junit.xml'));
    const zipPath = join(tmpdir(), `nightshift-prow-${process.pid}.zip`);
    await writeFile(
      zipPath,
      await buildZip([
        { name: 'telco5g-ptp-tests/build-log.txt.gz', data: gzipSync(log) },
        { name: 'telco5g-ptp-tests/junit.xml', data: junit },
      ]),
    );
    try {
      const read = await linesByPath([zipPath]);
      const plain = await linesByPath([join(build, 'telco5g-ptp-tests', 'build-log.txt')]);
      expect(read.get(`${zipPath}!/telco5g-ptp-tests/build-log.txt.gz`)).toEqual([...plain.values()][0]);
      const junitLines = read.get(`${zipPath}!/telco5g-ptp-tests/junit.xml`);
      expect(junitLines?.[0]).toMatch(/^<\?xml/);
    } finally {
      await rm(zipPath, { force: true });
    }
  });
});
