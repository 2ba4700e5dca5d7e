import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AnalysisResult } from '@nightshift/log-parsing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

const fixtures = join(import.meta.dirname, '../__fixtures__');
// Built by concatenation so no scanner ever sees a literal token in the repository.
const TOKEN = 'ghp_' + 'x1Y2z3'.repeat(6);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nightshift-cli-'));
  const log = readFileSync(join(fixtures, 'ptp-oc-job.log'), 'utf8').replace('ghp_REPLACEME', TOKEN);
  writeFileSync(join(dir, 'job.log'), log);
  writeFileSync(join(dir, 'job.log.gz'), gzipSync(log));
});

async function analyze(...args: string[]) {
  const t = testIo({ cwd: dir });
  const code = await runCli(['analyze', ...args], t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('nightshift analyze', () => {
  it('reports the failed Ginkgo spec of a GitHub Actions log as JSON following the contract', async () => {
    const { code, stdout } = await analyze('job.log', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AnalysisResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.status).toBe('failed');
    expect(result.inputs[0]).toMatchObject({ format: 'github-actions-log', partial: false });
    const failure = result.failures.find((f) => f.test !== null);
    expect(failure?.test).toContain('PTP ClockSync Slave can sync to master');
    expect(failure?.message).toContain('Expected ptp4l clock class to eventually be 6 for GM');
    expect(failure?.signature).toMatch(/^v1:[0-9a-f]{16}$/);
    expect(failure?.fingerprint).toMatch(/^v1:[0-9a-f]{16}$/);
    expect(failure?.category).not.toBe('unknown');
    expect(result.excerpt.tokens).toBeLessThanOrEqual(2000);
    expect(result.excerpt.text).toContain('Expected ptp4l clock class to eventually be 6');
  });

  it('counts what redaction removed, by kind, without the value', async () => {
    const result = JSON.parse((await analyze('job.log', '--format', 'json')).stdout) as AnalysisResult;
    expect(result.redactions.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    expect(JSON.stringify(result.redactions)).not.toContain(TOKEN);
  });

  it('never prints a secret, in any format', async () => {
    for (const format of ['json', 'markdown', 'text']) {
      const { stdout } = await analyze('job.log', '--format', format, '--budget-tokens', '4000');
      expect(stdout).not.toContain(TOKEN);
    }
  });

  it('reads .gz input the same as the plain file', async () => {
    const plain = JSON.parse((await analyze('job.log', '--format', 'json')).stdout) as AnalysisResult;
    const gz = JSON.parse((await analyze('job.log.gz', '--format', 'json')).stdout) as AnalysisResult;
    expect(gz.failures.map((f) => f.fingerprint)).toEqual(plain.failures.map((f) => f.fingerprint));
  });

  it('says passed for a passing go test log', async () => {
    const { code, stdout } = await analyze(join(fixtures, 'passing-go-test.log'), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AnalysisResult;
    expect(result.status).toBe('passed');
    expect(result.failures).toEqual([]);
  });

  it('exits 3 naming a missing input, and still reports the others', async () => {
    const { code, stdout, stderr } = await analyze('job.log', 'missing.log', '--format', 'json');
    expect(code).toBe(3);
    expect(stderr).toMatch(/^nightshift: cannot read \S*missing\.log: no such file or directory$/m);
    expect((JSON.parse(stdout) as AnalysisResult).failures.length).toBeGreaterThan(0);
  });

  it('analyses an artifact folder, listing the files it skipped, and exits 0', async () => {
    mkdirSync(join(dir, 'artifacts'));
    writeFileSync(join(dir, 'artifacts', 'build-log.txt'), readFileSync(join(dir, 'job.log')));
    writeFileSync(join(dir, 'artifacts', 'screenshot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    writeFileSync(join(dir, 'artifacts', 'finished.json'), '{"timestamp":1780843320,"passed":false}\n');
    symlinkSync(join(dir, 'job.log'), join(dir, 'artifacts', 'latest.log'));
    const { code, stdout, stderr } = await analyze('artifacts', '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).not.toContain('cannot read');
    const result = JSON.parse(stdout) as AnalysisResult;
    expect(result.status).toBe('failed');
    // Paths as given: relative to the working folder.
    expect(result.inputs.map((i) => [i.path, i.format])).toEqual([
      [join('artifacts', 'build-log.txt'), 'github-actions-log'],
      [join('artifacts', 'finished.json'), 'plain'],
      [join('artifacts', 'latest.log'), 'skipped'],
      [join('artifacts', 'screenshot.png'), 'skipped'],
    ]);
    expect(result.failures[0]!.evidence[0]!.path).toBe(join('artifacts', 'build-log.txt'));
    const png = result.inputs.find((i) => i.path.endsWith('screenshot.png'))!;
    expect(png).toMatchObject({ partial: false, errors: [expect.stringMatching(/looks binary.*skipped$/)] });
  });

  it('summarises a folder of many inputs and lists the ones worth a look', async () => {
    mkdirSync(join(dir, 'many'));
    for (let n = 0; n < 30; n++) writeFileSync(join(dir, 'many', `step-${n}.txt`), `step ${n} done\n`);
    writeFileSync(join(dir, 'many', 'job.log'), readFileSync(join(dir, 'job.log')));
    writeFileSync(join(dir, 'many', 'shot.png'), Buffer.from([0x89, 0x50, 0, 0]));
    const text = (await analyze('many')).stdout;
    expect(text).toContain('32 inputs: 30 plain, 1 github-actions-log, 1 skipped\n');
    // Listed: the log with a failed test and the skipped image; not the 30 quiet text files.
    expect(text.match(/^input: .*/gm)).toEqual([
      expect.stringMatching(/job\.log \(github-actions-log, \d+ lines, 1\/\d+ tests failed\)$/),
      expect.stringMatching(/shot\.png \(skipped, 0 lines\)$/),
    ]);
    expect(text).toContain('(30 more inputs not listed: --format json lists them all)');
    const markdown = (await analyze('many', '--format', 'markdown')).stdout;
    expect(markdown).toContain(
      '32 inputs: 30 plain, 1 github-actions-log, 1 skipped. The inputs worth a look:',
    );
    expect(markdown).toContain('30 more inputs not listed');
  });

  it('names an unreadable input on stderr without the escape sequences its name holds', async () => {
    const { code, stderr } = await analyze('missing-\x1b]0;pwned\x07.log');
    expect(code).toBe(3);
    expect(stderr).toBe('nightshift: cannot read missing-.log: no such file or directory\n');
  });

  it('exits 3 for a binary file named on the command line, beside a log it analyses', async () => {
    writeFileSync(join(dir, 'named.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const { code, stdout, stderr } = await analyze('job.log', 'named.png', '--format', 'json');
    expect(code).toBe(3);
    expect(stderr).toMatch(/^nightshift: cannot read named\.png: looks binary .*; skipped$/m);
    expect((JSON.parse(stdout) as AnalysisResult).status).toBe('failed');
  });

  it('exits 3 for a folder with nothing to analyse', async () => {
    mkdirSync(join(dir, 'empty', '.hidden'), { recursive: true });
    writeFileSync(join(dir, 'empty', '.hidden', 'x.log'), 'hidden\n');
    const { code, stderr } = await analyze('empty');
    expect(code).toBe(3);
    expect(stderr).toBe('nightshift: nothing to analyse in empty: no files (hidden folders are skipped)\n');
  });

  it('exits 3 when the only input is skipped: nothing was analysed', async () => {
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const { code, stderr } = await analyze('image.png');
    expect(code).toBe(3);
    expect(stderr).toMatch(/^nightshift: cannot read \S*image\.png: looks binary .*; skipped$/m);
  });

  it('exits 2 on usage errors with a clear message', async () => {
    const bad = await analyze('job.log', '--format', 'yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of');
    expect((await analyze('job.log', '--budget-tokens', 'lots')).code).toBe(2);
    expect((await analyze()).code).toBe(2);
  });

  it('writes the report to --out', async () => {
    const { code } = await analyze('job.log', '--format', 'markdown', '--out', 'report.md');
    expect(code).toBe(0);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('Analysis: failed');
    expect(md).toContain('PTP ClockSync Slave can sync to master');
  });

  it('exits 2 when stdin is named twice, or --out is empty', async () => {
    const twice = await analyze('-', '-');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      "nightshift: '-' (stdin) is given more than once; stdin can be read only once\n",
    );
    const empty = await analyze('job.log', '--out', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('nightshift: --out needs a path (got an empty one)\n');
    expect(empty.stdout).toBe('');
  });

  it('exits 2 with one line naming --out when the report cannot be written there', async () => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const cases: [string, string][] = [
      ['a-folder', 'is a folder (EISDIR)'],
      [join('no-such-folder', 'r.json'), 'its folder does not exist (ENOENT)'],
      [join('job.log', 'r.json'), 'a part of the path is not a folder (ENOTDIR)'],
    ];
    // A full disk, where the system has the device for it.
    if (existsSync('/dev/full')) cases.push(['/dev/full', 'no space left on the device (ENOSPC)']);
    for (const [out, problem] of cases) {
      const { code, stdout, stderr } = await analyze('job.log', '--out', out);
      expect({ out, code, stderr }).toEqual({
        out,
        code: 2,
        stderr: `nightshift: cannot write --out ${out}: ${problem}\n`,
      });
      expect(stdout).toBe('');
    }
  });

  it('writes the report to stdout for --out -, as - means stdin for inputs', async () => {
    const { code, stdout, stderr } = await analyze('job.log', '--out', '-');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^status: failed\n/);
    expect(stderr).toBe('');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('counts failures in the --out line in the singular and the plural', async () => {
    const one = '=== RUN   TestA\n--- FAIL: TestA (0.00s)\nFAIL\tp\t0.1s\n';
    writeFileSync(join(dir, 'one.log'), one);
    writeFileSync(join(dir, 'two.log'), one.replace('FAIL\t', '--- FAIL: TestB (0.00s)\nFAIL\t'));
    expect((await analyze('one.log', '--out', 'one.txt')).stderr).toMatch(
      /^nightshift: wrote one\.txt \(1 failure, \d+ ms\)\n$/,
    );
    expect((await analyze('two.log', '--out', 'two.txt')).stderr).toMatch(/\(2 failures, \d+ ms\)\n$/);
  });

  it('redacts a secret in every error line that quotes a path or a value', async () => {
    // A token in a folder name of --out, in an input path, in an option value.
    const cases = [
      ['job.log', '--out', join('no-such', TOKEN, 'r.json')],
      [join('no-such', `${TOKEN}.log`)],
      ['job.log', '--format', `x${TOKEN}`],
    ];
    for (const args of cases) {
      const { code, stderr } = await analyze(...args);
      expect({ args, code: code > 0, stderr }).toEqual({
        args,
        code: true,
        stderr: expect.stringContaining('[REDACTED:'),
      });
      expect(stderr).not.toContain(TOKEN.slice(4));
    }
  });

  it('ends every report format with one newline', async () => {
    for (const format of ['json', 'markdown', 'text']) {
      for (const input of ['job.log', join(fixtures, 'passing-go-test.log')]) {
        const { stdout } = await analyze(input, '--format', format);
        expect({ format, input, end: stdout.slice(-2) }).toMatchObject({
          end: expect.stringMatching(/[^\n]\n$/),
        });
      }
    }
  });

  it('keeps the markdown report under the comment cap, with a 70,000-character test name', async () => {
    const name = 'A'.repeat(70_000);
    writeFileSync(
      join(dir, 'long-name.xml'),
      `<?xml version="1.0"?><testsuites><testsuite name="s"><testcase name="${name}" classname="c"><failure message="m"/></testcase></testsuite></testsuites>\n`,
    );
    const { code, stdout } = await analyze('long-name.xml', '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThanOrEqual(60_000);
    expect(stdout).toMatch(/^#### A{299}…$/m);
  });

  it('cuts a markdown report of many failures at whole lines and says so', async () => {
    const cases = Array.from(
      { length: 1500 },
      (_, i) =>
        `<testcase name="test ${i}" classname="c"><failure message="m">${`line ${i}\n`.repeat(20)}</failure></testcase>`,
    );
    writeFileSync(
      join(dir, 'many.xml'),
      `<?xml version="1.0"?><testsuites><testsuite name="s">${cases.join('')}</testsuite></testsuites>\n`,
    );
    const { code, stdout } = await analyze('many.xml', '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout.length).toBeLessThanOrEqual(60_000);
    expect(stdout).toContain('#### test 0\n');
    expect(stdout).toMatch(
      /\n\n_Report cut to fit a GitHub comment: its last \d+ lines \(\d+ characters\) were left out; `--format json` has everything\._\n$/,
    );
  });
});

describe('nightshift analyze keeps TurboFan for big inputs only (io.tiers, v8-tiers.ts)', () => {
  let big: string;
  beforeAll(() => {
    big = mkdtempSync(join(tmpdir(), 'nightshift-big-'));
    // Sparse: 300 MiB twice, on no disk; NUL bytes, which analyze skips as binary at once.
    for (const name of ['a.log', 'b.log']) {
      writeFileSync(join(big, name), '');
      truncateSync(join(big, name), 300 * 1048576);
    }
  });

  /** Runs analyze with tiers that record the input size they are told, before the analysis. */
  async function withTiers(args: string[], stdin?: string) {
    const t = testIo({ cwd: big, ...(stdin === undefined ? {} : { stdin }) });
    const told: number[] = [];
    t.io.tiers = { forInput: (bytes) => void told.push(bytes) };
    const code = await runCli(['analyze', ...args, '--format', 'json'], t.io);
    const inputs = code === 2 ? 0 : (JSON.parse(t.stdout()) as { inputs: unknown[] }).inputs.length;
    return { code, told, inputs };
  }

  it('is told the bytes of the named files, stdin and folders not counted', async () => {
    const MiB = 1048576;
    expect(await withTiers(['a.log', 'b.log'])).toEqual({ code: 3, told: [600 * MiB], inputs: 2 });
    expect(await withTiers(['a.log', '-'], 'ok\n')).toEqual({ code: 3, told: [300 * MiB], inputs: 2 });
    expect((await withTiers(['.', 'missing.log'])).told).toEqual([0]);
  });

  it('is not told anything on a usage error', async () => {
    expect(await withTiers(['a.log', 'b.log', '--budget-tokens', '7'])).toMatchObject({ code: 2, told: [] });
  });
});
