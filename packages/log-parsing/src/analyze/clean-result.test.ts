import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtinRules, createClassifier } from '../classify/index';
import { buildZip } from '../input/__fixtures__/build-zip';
import { FAKE } from '../redact/__fixtures__/fake-secrets';
import { analyzePaths } from './analyze-inputs';

const classifier = createClassifier(builtinRules);
const token = FAKE.githubClassic;

function file(name: string, data: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'clean-result-')), name);
  writeFileSync(path, data);
  return path;
}

/** The result without its excerpt (which quotes the raw lines: redacted on its own path). */
async function analyzed(path: string) {
  const result = await analyzePaths([path], { classifier });
  return { result, json: JSON.stringify({ ...result, excerpt: null }) };
}

describe('analyze result: what appears only once the text is decoded (secrets, colour remnants)', () => {
  it('redacts a token a JUnit report spells with a character reference or splits over CDATA sections', async () => {
    const entity = `${token.slice(0, 4)}&#${token.charCodeAt(4)};${token.slice(5)}`;
    const path = file(
      'junit.xml',
      '<?xml version="1.0"?>\n<testsuite name="s">\n' +
        `<testcase name="clone" classname="c"><failure type="failed">clone failed ${entity}</failure></testcase>\n` +
        `<testcase name="cdata" classname="c"><failure><![CDATA[push ${token.slice(0, 8)}]]><![CDATA[${token.slice(8)}]]></failure></testcase>\n` +
        `<testcase name="${entity}" classname="c"><failure>x</failure></testcase>\n</testsuite>\n`,
    );
    const { result, json } = await analyzed(path);
    expect(result.failures).toHaveLength(3);
    expect(json).not.toContain(token);
    expect(result.failures.map((f) => f.message)).toContain('clone failed [REDACTED:github-token]');
    expect(result.redactions).toContainEqual({ kind: 'github-token', count: expect.any(Number) });
  });

  it('redacts a token that go test -json output split across two events', async () => {
    const event = (output: string) =>
      JSON.stringify({ Action: 'output', Package: 'p', Test: 'TestPush', Output: output });
    const path = file(
      'test.json',
      [
        JSON.stringify({ Action: 'run', Package: 'p', Test: 'TestPush' }),
        event(`    push_test.go:9: push with ${token.slice(0, 10)}`),
        event(`${token.slice(10)} refused\n`),
        event('--- FAIL: TestPush (0.00s)\n'),
        JSON.stringify({ Action: 'fail', Package: 'p', Test: 'TestPush', Elapsed: 0 }),
      ].join('\n'),
    );
    const { result, json } = await analyzed(path);
    expect(result.failures.map((f) => f.test)).toEqual(['TestPush']);
    expect(json).not.toContain(token);
    expect(json).not.toContain(token.slice(10));
  });

  it('redacts a token split by a zero-width character, and one in an archive entry name', async () => {
    const split = `${token.slice(0, 12)}\u200b${token.slice(12)}`;
    const log = file(
      'go.log',
      `=== RUN   TestA\n    a_test.go:3: auth ${split} rejected\n--- FAIL: TestA (0.00s)\nFAIL\n`,
    );
    const first = await analyzed(log);
    expect(first.json).not.toContain(token.slice(12));
    expect(first.result.failures[0]!.message).toContain('[REDACTED:github-token]');

    const zip = file(
      'logs.zip',
      await buildZip([
        { name: `job-${token}/0_build.txt`, data: '=== RUN   TestB\n--- FAIL: TestB (0.00s)\nFAIL\n' },
      ]),
    );
    const second = await analyzed(zip);
    expect(second.result.inputs[0]!.path).toContain('[REDACTED:github-token]');
    expect(second.json).not.toContain(token);

    // A path that hides a secret behind an invisible character is shown sanitised and redacted;
    // any other path stays exactly as it is.
    const hidden = file(`job-${split}.log`, '=== RUN   TestC\n--- FAIL: TestC (0.00s)\nFAIL\n');
    const third = await analyzed(hidden);
    expect(third.result.inputs[0]!.path).toContain('job-[REDACTED:github-token].log');
    expect(third.json).not.toContain(token.slice(12));
    const plain = file('job-\u200bplain.log', '=== RUN   TestD\n--- FAIL: TestD (0.00s)\nFAIL\n');
    expect((await analyzed(plain)).result.inputs[0]!.path).toBe(plain);
  });

  it('takes the remnants of colour codes out of names and messages a JUnit report carried', async () => {
    const path = file(
      'junit.xml',
      '<?xml version="1.0"?>\n<testsuite name="s">\n' +
        '<testcase name="\x1b[31mred test\x1b[0m" classname="c"><failure message="\x1b[1mboom\x1b[0m"/></testcase>\n</testsuite>\n',
    );
    const { result } = await analyzed(path);
    expect(result.failures.map((f) => [f.test, f.message])).toEqual([['red test', 'boom']]);
  });
});

describe('analyze result: inputs read in part', () => {
  it('keeps what a truncated .gz gave before it ended, and marks the input partial', async () => {
    const log = `=== RUN   TestEarly\n    early_test.go:5: early failure\n--- FAIL: TestEarly (0.00s)\n${'noise line\n'.repeat(20_000)}`;
    const gz = gzipSync(log);
    const path = file('job.log.gz', gz.subarray(0, gz.length >> 1));
    const result = await analyzePaths([path], { classifier });
    expect(result.inputs[0]).toMatchObject({ format: 'go-test-text', partial: true });
    expect(result.inputs[0]!.lines).toBeGreaterThan(1000);
    expect(result.inputs[0]!.errors.join()).toMatch(/truncated gzip.*kept what was read before it/);
    expect(result.failures.map((f) => f.test)).toEqual(['TestEarly']);
    expect(result.status).toBe('failed');
  });

  it('still calls a .gz that gave nothing at all unreadable', async () => {
    const path = file('empty.log.gz', gzipSync('x').subarray(0, 12));
    const result = await analyzePaths([path], { classifier });
    expect(result.inputs[0]).toMatchObject({ format: 'unreadable', lines: 0 });
  });

  it("does not say 'passed' when a report was cut short", async () => {
    const path = file(
      'junit.xml',
      '<?xml version="1.0"?>\n<testsuite name="s" tests="2" failures="1">\n' +
        '  <testcase classname="c" name="ok"/>\n  <testcase classname="c" name="broken"><fail',
    );
    const result = await analyzePaths([path], { classifier });
    expect(result.inputs[0]!.partial).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.status).toBe('unknown');
  });
});
