import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

const fixtures = join(import.meta.dirname, '../__fixtures__');

describe('nightshift group', () => {
  it('adds signature, fingerprint and category, keeping records and order', async () => {
    const t = testIo({ cwd: fixtures });
    expect(await runCli(['group', 'failures-sample.jsonl'], t.io)).toBe(0);
    const input = readFileSync(join(fixtures, 'failures-sample.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const output = t
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(output.map((r) => r.idx)).toEqual(input.map((r) => r.idx));
    for (const [i, r] of output.entries()) {
      expect(r).toMatchObject(input[i]);
      expect(r.signature).toMatch(/^v1:/);
      expect(r.fingerprint).toMatch(/^v1:/);
      expect(typeof r.category).toBe('string');
    }
    // Same test, same failure mode, different durations: one fingerprint.
    expect(output[0].fingerprint).toBe(output[1].fingerprint);
    expect(output[0].fingerprint).not.toBe(output[2].fingerprint);
  });

  it('reads stdin and reports a bad line by number without losing the others', async () => {
    const t = testIo({
      cwd: fixtures,
      stdin: '{"test":"a","message":"boom"}\nnot json\n{"test":"b","message":"x"}\n',
    });
    expect(await runCli(['group', '-'], t.io)).toBe(3);
    expect(t.stderr()).toContain(':2:');
    expect(t.stdout().trim().split('\n')).toHaveLength(2);
  });

  it('quotes a bad line without its escape sequences', async () => {
    const t = testIo({ cwd: fixtures, stdin: '\x1b]0;pwned\x07{oops\n' });
    expect(await runCli(['group', '-'], t.io)).toBe(3);
    expect(t.stderr()).toMatch(/^nightshift: stdin:1: not valid JSON .*\{oops\n$/);
    expect(t.stderr()).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('exits 3 with one line naming a missing file or a folder', async () => {
    for (const [input, problem] of [
      ['nope.jsonl', 'no such file or directory (ENOENT)'],
      ['.', 'is a folder (EISDIR)'],
    ]) {
      const t = testIo({ cwd: fixtures });
      expect(await runCli(['group', input as string], t.io)).toBe(3);
      expect(t.stderr()).toBe(`nightshift: cannot read ${input}: ${problem}\n`);
    }
  });

  it('redacts a secret in the path of an input it cannot read', async () => {
    // Built by concatenation so no scanner ever sees a literal token in the repository.
    const token = 'ghp_' + 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4';
    const t = testIo({ cwd: fixtures });
    expect(await runCli(['group', `no-such/${token}.jsonl`], t.io)).toBe(3);
    expect(t.stderr()).toMatch(
      /^nightshift: cannot read no-such\/\[REDACTED:[\w-]+\]\.jsonl: no such file or directory \(ENOENT\)\n$/,
    );
  });

  it('strips invisible characters from a quoted bad line before redacting it', async () => {
    const t = testIo({
      cwd: fixtures,
      stdin:
        '{"m":"pass\u200bword=Hunter2Hunter2x9 x" oops\n{"m":"ghp_aB3dE5fG7h\u00adJ9kL1mN2pQ4rS6tU8vW0xY2zA4" oops\n',
    });
    expect(await runCli(['group', '-'], t.io)).toBe(3);
    expect(t.stderr().split('\n')).toHaveLength(3);
    expect(t.stderr()).not.toMatch(/Hunter2Hunter2x9|J9kL1mN2pQ4rS6tU8vW0xY2zA4|[\u200b\u00ad]/);
  });

  it('redacts a secret in a quoted bad line; records are written back as given', async () => {
    // Built by concatenation so no scanner ever sees a literal token in the repository.
    const token = 'ghp_' + 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4';
    const good = `{"test":"b","message":"push with ${token} failed"}`;
    const t = testIo({
      cwd: fixtures,
      stdin: `{"test":"a","message":"clone ${token} failed" oops\n${good}\n`,
    });
    expect(await runCli(['group', '-'], t.io)).toBe(3);
    expect(t.stderr()).toMatch(
      /^nightshift: stdin:1: not valid JSON \(.*\): \{"test":"a","message":"clone \[REDACTED:[\w-]+\] failed" oops\n$/,
    );
    expect(t.stderr()).not.toContain(token.slice(4, 16));
    // group annotates the caller's own file: the record keeps its text.
    expect(t.stdout()).toMatch(new RegExp(`^${good.slice(0, -1).replace(/[{}]/g, '\\$&')},"signature":`));
  });

  it('keeps every number and key as written', async () => {
    const line =
      '{"test":"t","message":"m","build_id":2063335283989942272,"duration_s":12.50,"n":1e3,"z":-0,' +
      '"nested":{"a":[1.0,{"b":9007199254740993}],"c":7}}';
    const t = testIo({ cwd: fixtures, stdin: `${line}\n` });
    expect(await runCli(['group', '-'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(
      new RegExp(
        `^${line.slice(0, -1).replace(/[{}[\].]/g, '\\$&')},"signature":"v1:[0-9a-f]{16}","fingerprint":"v1:[0-9a-f]{16}","category":"\\w+"\\}\n$`,
      ),
    );
  });

  it('reports records without "test" or "message" as bad lines, naming the field', async () => {
    const t = testIo({
      cwd: fixtures,
      stdin:
        '{}\n{"test":"only test"}\n{"message":"only message"}\n{"test":null,"message":"ok"}\n{"test":"x","message":null}\n',
    });
    expect(await runCli(['group', '-'], t.io)).toBe(3);
    expect(t.stderr().split('\n')).toEqual([
      'nightshift: stdin:1: missing fields "test" and "message" (a record needs "test" and "message")',
      'nightshift: stdin:2: missing field "message" (a record needs "test" and "message")',
      'nightshift: stdin:3: missing field "test" (a record needs "test" and "message")',
      'nightshift: stdin:5: field "message" must be a string, got null',
      '',
    ]);
    expect(t.stdout()).toMatch(/^\{"test":null,"message":"ok","signature":"v1:[^\n]*\}\n$/);
  });
});
