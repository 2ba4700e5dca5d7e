import { describe, expect, it } from 'vitest';
import { readJson, useEmulator } from '../test-helpers';

interface GcsObject {
  name: string;
  size: string;
  mediaLink: string;
}
interface GcsList {
  items?: GcsObject[];
  prefixes?: string[];
  nextPageToken?: string;
}

const start = useEmulator();
const JOB = 'periodic-ci-openshift-release-main-nightly-4.18-e2e-telco5g-ptp';
const FINISHED = '{"timestamp":1714564800,"passed":false,"result":"FAILURE"}';

async function seeded() {
  const emulator = await start();
  for (const build of ['1000000000000000001', '1000000000000000002']) {
    emulator.state.addProwBuild({
      job: JOB,
      buildId: build,
      files: {
        'finished.json': FINISHED,
        'build-log.txt': `build ${build}\n`,
        'artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/junit.xml': '<testsuites/>',
        'artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results_bc.xml': '<testsuite/>',
      },
    });
  }
  return emulator;
}

describe('GCS JSON API', () => {
  it('lists with prefix and delimiter, collapsing sub-folders into prefixes', async () => {
    const emulator = await seeded();
    const list = async (query: string) =>
      readJson<GcsList>(await fetch(`${emulator.gcsUrl}/storage/v1/b/test-platform-results/o?${query}`));
    const top = await list(`prefix=${encodeURIComponent(`logs/${JOB}/`)}&delimiter=/`);
    expect(top.prefixes).toEqual([`logs/${JOB}/1000000000000000001/`, `logs/${JOB}/1000000000000000002/`]);
    expect(top.items?.map((item) => item.name)).toEqual([`logs/${JOB}/latest-build.txt`]);
    const build = await list(`prefix=${encodeURIComponent(`logs/${JOB}/1000000000000000002/`)}&delimiter=/`);
    expect(build.prefixes).toEqual([`logs/${JOB}/1000000000000000002/artifacts/`]);
    expect(build.items?.map((item) => [item.name.split('/').pop(), item.size])).toEqual([
      ['build-log.txt', '26'],
      ['finished.json', String(FINISHED.length)],
    ]);
    const flat = await list(`prefix=${encodeURIComponent(`logs/${JOB}/1000000000000000001/artifacts/`)}`);
    expect(flat.items).toHaveLength(2);
    expect(flat.prefixes).toBeUndefined();
  });

  it('pages with maxResults and nextPageToken until everything was seen once', async () => {
    const emulator = await seeded();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const url = new URL(`${emulator.url}/storage/v1/b/test-platform-results/o`);
      url.searchParams.set('prefix', 'logs/');
      url.searchParams.set('maxResults', '3');
      if (token) url.searchParams.set('pageToken', token);
      const page = (await (await fetch(url)).json()) as {
        items?: Array<{ name: string }>;
        nextPageToken?: string;
      };
      seen.push(...(page.items ?? []).map((item) => item.name));
      token = page.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('serves metadata, media (with ranges) and the plain download form', async () => {
    const emulator = await seeded();
    const name = `logs/${JOB}/1000000000000000002/build-log.txt`;
    const object = `${emulator.gcsUrl}/storage/v1/b/test-platform-results/o/${encodeURIComponent(name)}`;
    const meta = await readJson<GcsObject>(await fetch(object));
    expect(meta).toMatchObject({
      kind: 'storage#object',
      name,
      bucket: 'test-platform-results',
      contentType: 'text/plain',
      size: '26',
    });
    expect(await (await fetch(meta.mediaLink)).text()).toBe('build 1000000000000000002\n');
    expect(await (await fetch(`${object}?alt=media`)).text()).toBe('build 1000000000000000002\n');
    const plain = await fetch(`${emulator.gcsUrl}/test-platform-results/${name}`);
    expect(await plain.text()).toBe('build 1000000000000000002\n');
    const tail = await fetch(`${emulator.gcsUrl}/test-platform-results/${name}`, {
      headers: { range: 'bytes=-20' },
    });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 6-25/26');
    expect(await tail.text()).toBe('1000000000000000002\n');
    const latest = await fetch(`${emulator.gcsUrl}/test-platform-results/logs/${JOB}/latest-build.txt`);
    expect(await latest.text()).toBe('1000000000000000002');
  });

  it('answers 404 in each API style for missing buckets and objects', async () => {
    const emulator = await seeded();
    const noBucket = await fetch(`${emulator.url}/storage/v1/b/nope/o`);
    expect(noBucket.status).toBe(404);
    expect((await readJson<{ error: { code: number } }>(noBucket)).error.code).toBe(404);
    expect(
      (await fetch(`${emulator.url}/storage/v1/b/test-platform-results/o/missing?alt=media`)).status,
    ).toBe(404);
    const plain = await fetch(`${emulator.gcsUrl}/test-platform-results/missing.txt`);
    expect(plain.status).toBe(404);
    expect(await plain.text()).toContain('NoSuchKey');
  });
});
