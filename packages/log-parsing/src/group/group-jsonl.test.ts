import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../classify/builtin-rules';
import { createClassifier } from '../classify/classifier';
import { loadRulesFile } from '../classify/load-rules';
import { type GroupItem, groupJsonl } from './group-jsonl';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const FAILURES = fileURLToPath(
  new URL('../../../../../shared/data/ptp-nightly/failures.jsonl', import.meta.url),
);

async function collect(
  lines: AsyncIterable<string> | Iterable<string>,
  classifier = createClassifier(builtinRules),
) {
  const out: GroupItem[] = [];
  for await (const item of groupJsonl(lines, classifier)) out.push(item);
  return out;
}

async function* slowly(lines: string[]): AsyncGenerator<string> {
  for (const l of lines) {
    await Promise.resolve();
    yield l;
  }
}

describe('groupJsonl', () => {
  it('yields the same records in the same order with signature, fingerprint and category added', async () => {
    const input = [
      JSON.stringify({
        idx: 0,
        test: 'A',
        message: 'panic: runtime error: invalid memory address or nil pointer dereference',
        extra: { k: 1 },
      }),
      JSON.stringify({ idx: 1, test: 'B', message: 'result: error', suite: 'S' }),
      JSON.stringify({ idx: 2, test: null, message: '', signature: 'stale' }),
    ];
    const out = await collect(slowly(input));
    expect(out.map((o) => o.line)).toEqual([1, 2, 3]);
    const records = out.map((o) => ('record' in o ? o.record : null));
    expect(records.map((r) => r?.idx)).toEqual([0, 1, 2]);
    expect(records[0]).toMatchObject({ test: 'A', extra: { k: 1 }, category: 'crash' });
    expect(records[1]).toMatchObject({ suite: 'S', category: 'unknown' });
    for (const r of records) {
      expect(r?.signature).toMatch(/^v1:[0-9a-f]{16}$/);
      expect(r?.fingerprint).toMatch(/^v1:[0-9a-f]{16}$/);
    }
    expect(records[2]?.signature).not.toBe('stale');
  });

  it('reports bad lines by number and keeps going', async () => {
    const out = await collect([
      '{"test":"A","message":"x"}',
      '',
      '{"test":"A", oops',
      '[1,2]',
      '"text"',
      '{"test":42,"message":"x"}',
      '{"test":"B","message":["x"]}',
      '   {"test":"C","message":"y"}\r',
      '{}',
      '{"test":"only test"}',
      '{"message":"only message"}',
      '{"test":"D","message":null}',
      '{"test":"E","message":12.50}',
      '{"test":null,"message":"z"}',
    ]);
    expect(out.map((o) => [o.line, 'error' in o ? o.error.replace(/\(.*\)/, '(…)') : 'ok'])).toEqual([
      [1, 'ok'],
      [3, 'not valid JSON (…): {"test":"A", oops'],
      [4, 'expected a JSON object, got an array'],
      [5, 'expected a JSON object, got string'],
      [6, 'field "test" must be a string or null, got number'],
      [7, 'field "message" must be a string, got an array'],
      [8, 'ok'],
      [9, 'missing fields "test" and "message" (…)'],
      [10, 'missing field "message" (…)'],
      [11, 'missing field "test" (…)'],
      [12, 'field "message" must be a string, got null'],
      [13, 'field "message" must be a string, got number'],
      [14, 'ok'],
    ]);
  });

  it('keeps every number as written: big ints, trailing zeros, exponents, -0, nested', async () => {
    const line =
      '{"test":"t","build_id":2063335283989942272,"message":"m","duration_s":12.50,"n":1e3,"z":-0,' +
      '"plain":42,"f":1.5,"neg":-7,"nested":{"a":[1.0,{"b":9007199254740993}],"e":1E-7},"empty":[],"s":"12.50"}';
    const [item] = await collect([line]);
    if (!item || !('record' in item)) throw new Error(`not grouped: ${JSON.stringify(item)}`);
    const { signature: _s, fingerprint: _f, category: _c, ...rest } = item.record;
    // Same text back, key order included, with the three fields appended.
    expect(JSON.stringify(rest)).toBe(line);
    expect(JSON.stringify(item.record)).toBe(
      `${line.slice(0, -1)},"signature":"${_s}","fingerprint":"${_f}","category":"${_c}"}`,
    );
    // Numbers JavaScript writes back the same stay numbers.
    expect(item.record.plain).toBe(42);
    expect(item.record.f).toBe(1.5);
  });

  it('gives the line back as written, the three fields appended before its closing brace', async () => {
    // Spacing, escapes a re-serialisation would rewrite (\/, \u00e9), a key given twice.
    const line = '  { "test": "a\\/b", "message" : "caf\\u00e9 timed out", "n": 12.50, "n": 3 }  ';
    const [item] = await collect([line]);
    if (!item || !('record' in item)) throw new Error(`not grouped: ${JSON.stringify(item)}`);
    const { signature, fingerprint, category } = item.record;
    expect(item.text).toBe(
      `{ "test": "a\\/b", "message" : "caf\\u00e9 timed out", "n": 12.50, "n": 3,"signature":"${signature}","fingerprint":"${fingerprint}","category":"${category}"}`,
    );
    // Read back, it is the record (the last of a repeated key wins, as it did on input).
    expect(JSON.parse(item.text)).toEqual(JSON.parse(JSON.stringify(item.record)));
    expect(JSON.parse(item.text).n).toBe(3);
  });

  it('writes a record that has a grouping field already with JSON.stringify, the field replaced', async () => {
    const [item] = await collect(['{"test":"t", "category":"old", "message":"m"}']);
    if (!item || !('record' in item)) throw new Error(`not grouped: ${JSON.stringify(item)}`);
    expect(item.text).toBe(JSON.stringify(item.record));
    expect(item.text).toMatch(/^\{"test":"t","category":"\w+","message":"m","signature":"v1:/);
    expect(item.record.category).not.toBe('old');
  });

  it('replaces existing grouping fields in place', async () => {
    const [item] = await collect(['{"signature":"old","test":"t","message":"m","id":10000000000000000001}']);
    const text = item && 'record' in item ? JSON.stringify(item.record) : '';
    expect(text).toMatch(
      /^\{"signature":"v1:[0-9a-f]{16}","test":"t","message":"m","id":10000000000000000001,/,
    );
  });

  it('redacts secrets in a quoted bad line, before cutting it', async () => {
    const token = 'ghp_aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4';
    const [a, b] = await collect([
      `{"test":"a","message":"clone ${token} failed" oops`,
      // The token straddles the 80-character cut.
      `{"test":"a","message":"${'x'.repeat(50)} ${token}" oops`,
    ]);
    for (const item of [a, b]) {
      const error = item && 'error' in item ? item.error : '';
      expect(error).toMatch(/^not valid JSON/);
      expect(error).not.toContain('ghp_');
      expect(error).not.toContain('aB3dE5fG7hJ9');
    }
    expect(a && 'error' in a ? a.error : '').toContain('clone [REDACTED');
  });

  it('strips invisible characters from a quoted bad line before redacting it', async () => {
    // A zero-width space in a key, a soft hyphen in a token: stripped after redaction, they
    // would leave a plain secret that the rules never saw.
    const items = await collect([
      '{"m":"pass\u200bword=Hunter2Hunter2x9 x" oops',
      '{"m":"ghp_aB3dE5fG7h\u00adJ9kL1mN2pQ4rS6tU8vW0xY2zA4" oops',
    ]);
    for (const item of items) {
      const error = item && 'error' in item ? item.error : '';
      expect(error).toMatch(/^not valid JSON .*\[REDACTED/);
      expect(error).not.toMatch(/Hunter2Hunter2x9|J9kL1mN2pQ4rS6tU8vW0xY2zA4|[\u200b\u00ad]/);
    }
  });

  it('cuts long bad lines in error messages', async () => {
    const [item] = await collect([`{${'x'.repeat(500)}`]);
    expect(item && 'error' in item ? item.error.length : 0).toBeLessThan(200);
  });

  it.skipIf(!existsSync(FAILURES))(
    'groups every record of the real PTP nightly data, in order, without errors',
    async () => {
      const classifier = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);
      const lines = readFileSync(FAILURES, 'utf8').split('\n');
      const out = await collect(lines, classifier);
      const records = out.map((o) => {
        if ('error' in o) throw new Error(`line ${o.line}: ${o.error}`);
        return o.record;
      });
      expect(records).toHaveLength(913);
      expect(records.map((r) => r.idx)).toEqual(records.map((_, i) => i));
      const signatures = new Set(records.map((r) => r.signature));
      // 913 failures of a few dozen kinds: far fewer groups than records, far more than one.
      expect(signatures.size).toBeGreaterThan(20);
      expect(signatures.size).toBeLessThan(100);
    },
  );
});
