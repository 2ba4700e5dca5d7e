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

  it('exits 3 for a missing file', async () => {
    const t = testIo({ cwd: fixtures });
    expect(await runCli(['group', 'nope.jsonl'], t.io)).toBe(3);
    expect(t.stderr()).toContain('nope.jsonl');
  });
});
