import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtinRules, createClassifier } from '../classify/index';
import { buildZip } from '../input/__fixtures__/build-zip';
import { analyzePaths } from './analyze-inputs';

const classifier = createClassifier(builtinRules);

describe('analyzePaths', () => {
  it('names the input and line once in each parse error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    const path = join(dir, 'junit.xml');
    writeFileSync(path, '<?xml version="1.0"?>\n<testsuite name="s" tests="1">\n  <testcase name="a">\n');
    const result = await analyzePaths([path], { classifier });
    expect(result.inputs[0]).toMatchObject({ format: 'junit-xml', partial: true });
    const [error] = result.inputs[0]!.errors;
    expect(error!.startsWith(`${path} line `)).toBe(true);
    expect(error).toContain(': truncated or malformed XML');
    expect(error!.split(path)).toHaveLength(2);
  });

  it('reads an XHTML report and non-test JSON as text, with no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    writeFileSync(
      join(dir, 'test_results_bc.html'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"\n' +
        '     "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>report</p></body></html>\n',
    );
    writeFileSync(join(dir, 'record.json'), '{\n "job": "periodic-ptp",\n "state": "failure"\n}\n');
    const result = await analyzePaths([dir], { classifier });
    expect(result.inputs.map((i) => [i.format, i.partial, i.errors])).toEqual([
      ['plain', false, []],
      ['plain', false, []],
    ]);
  });

  it('lets a structured report that saw a test pass overrule a console log, and counts passed tests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    writeFileSync(
      join(dir, 'a-junit.xml'),
      '<?xml version="1.0"?>\n<testsuite name="pkg" tests="2">\n' +
        '  <testcase classname="pkg" name="TestFlaky"/>\n  <testcase classname="pkg" name="TestOther"/>\n</testsuite>\n',
    );
    writeFileSync(
      join(dir, 'b-console.log'),
      '=== RUN   TestFlaky\n    flaky_test.go:9: boom\n--- FAIL: TestFlaky (0.01s)\nFAIL\tpkg\t0.02s\n',
    );
    const result = await analyzePaths([dir], { classifier });
    // The report lists TestFlaky (passed): the console log's failure of it is not reported again.
    expect(result.failures.filter((f) => f.test === 'TestFlaky')).toEqual([]);
    expect(result.inputs[0]!.tests).toEqual({ total: 2, failed: 0, passed: 2, skipped: 0 });
  });

  it("says 'passed' for reports whose tests all passed", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    writeFileSync(
      join(dir, 'junit.xml'),
      '<?xml version="1.0"?>\n<testsuite name="s" tests="1"><testcase classname="c" name="t"/></testsuite>\n',
    );
    const result = await analyzePaths([dir], { classifier });
    expect(result.status).toBe('passed');
    expect(result.failures).toEqual([]);
  });

  it('gives a failure that names no test a job kind, whatever kind its rule has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    const path = join(dir, 'setup.log');
    writeFileSync(path, 'setting up\n  [FAILED] Timed out after 300.001s.\ndone\n');
    const result = await analyzePaths([path], { classifier });
    expect(result.failures.map((f) => [f.test, f.kind])).toEqual([[null, 'job']]);
  });

  it("says what failed a GitHub job whose only error is the runner's exit code", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    const path = join(dir, 'job.log');
    const ts = '2024-05-01T10:00:01.0000000Z ';
    writeFileSync(
      path,
      [
        `${ts}##[group]Run npm ci`,
        `${ts}##[endgroup]`,
        `${ts}npm ERR! code ERESOLVE`,
        `${ts}npm ERR! ERESOLVE unable to resolve dependency tree`,
        `${ts}##[error]Process completed with exit code 1.`,
      ].join('\n'),
    );
    const result = await analyzePaths([path], { classifier });
    expect(result.failures.map((f) => [f.test, f.rule, f.message])).toEqual([
      [null, 'npm-error-code', 'npm ERR! code ERESOLVE'],
    ]);
    expect(result.failures[0]!.evidence.map((e) => e.line)).toEqual([3, 5]);
  });

  it('reads a .gz entry of a zip whole after sniffing it (yauzl crashed on a read it had queued)', async () => {
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    // Random enough that the compressed entry is ~150 KB: reads still queued when a sniff stops.
    const lines = Array.from(
      { length: 8000 },
      (_, i) =>
        `2026-08-01T00:00:00.${next() % 1e6}Z ptp4l[${next() % 99999}]: master offset ${next() % 999} freq ${next()} ${i}`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    const archive = join(dir, 'artifacts.zip');
    writeFileSync(
      archive,
      await buildZip([
        { name: 'daemon.log.gz', data: gzipSync(`${lines.join('\n')}\n`), compress: false },
        { name: 'build-log.txt', data: '=== RUN   TestA\n--- FAIL: TestA (0.00s)\nFAIL\tp\t0.1s\n' },
      ]),
    );
    const result = await analyzePaths([archive], { classifier });
    expect(result.inputs.map((i) => [i.format === 'unreadable', i.lines])).toEqual([
      [false, 8000],
      [false, 3],
    ]);
  });

  it('lets a report hide a console failure only when it is the same test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-inputs-'));
    writeFileSync(
      join(dir, 'a-console.log'),
      '=== RUN   TestSyncLost\n    s_test.go:1: lost sync\n--- FAIL: TestSyncLost (0.00s)\n' +
        '=== RUN   TestSyncRecovered\n    s_test.go:9: never recovered\n--- FAIL: TestSyncRecovered (0.00s)\nFAIL\n',
    );
    writeFileSync(
      join(dir, 'b-junit.xml'),
      '<?xml version="1.0"?>\n<testsuite name="other"><testcase classname="other" name="TestSync"><failure message="config map missing"/></testcase></testsuite>\n',
    );
    const result = await analyzePaths([dir], { classifier });
    expect(result.failures.map((f) => f.test).sort()).toEqual([
      'TestSync',
      'TestSyncLost',
      'TestSyncRecovered',
    ]);
  });
});
