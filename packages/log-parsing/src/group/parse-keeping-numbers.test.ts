import { describe, expect, it } from 'vitest';
import { hasNumberToKeep, isRawJsonNumber, parseKeepingNumbers } from './parse-keeping-numbers';

/** What the reviver alone gives: the reference the fast path must match. */
function reference(text: string): string {
  const parse = JSON.parse as (
    t: string,
    r: (k: string, v: unknown, c: { source?: string }) => unknown,
  ) => unknown;
  const raw = (JSON as unknown as { rawJSON: (t: string) => unknown }).rawJSON;
  return JSON.stringify(
    parse(text, (_k, v, c) => (typeof v === 'number' && String(v) !== c.source ? raw(c.source!) : v)),
  );
}

const KEPT = [
  '2063335283989942272',
  '12.50',
  '1e3',
  '1E+21',
  '-0',
  '-0.0',
  '1.0',
  '0.0000001',
  '9007199254740993',
  '123456789.123456789',
];
const PLAIN = ['0', '42', '-7', '1.5', '0.000001', '123456789012345', '1e+21'];

describe('parseKeepingNumbers', () => {
  it('keeps the text of numbers JavaScript writes differently, anywhere in the value', () => {
    for (const n of KEPT) {
      for (const text of [`{"n":${n}}`, `[1,{"a":[true,null,${n}]}]`, `{"s":"\\\\","n" : ${n} }`, n]) {
        expect(hasNumberToKeep(text), text).toBe(true);
        expect(JSON.stringify(parseKeepingNumbers(text)), text).toBe(text.replace(/ /g, ''));
      }
    }
    expect(isRawJsonNumber((parseKeepingNumbers('{"n":12.50}') as { n: unknown }).n)).toBe(true);
  });

  it('parses plainly when every number comes back the same, or numbers are only inside strings', () => {
    const texts = [
      ...PLAIN.map((n) => `{"n":${n},"t":true,"f":false,"z":null}`),
      '{"url":"https://prow/2063335283989942272","d":"12.50","e":"a\\"1e3\\"b"}',
      '{"q":"\\\\\\"12.50","k":1}',
      '{}',
    ];
    for (const text of texts) {
      expect(hasNumberToKeep(text), text).toBe(false);
      expect(parseKeepingNumbers(text)).toEqual(JSON.parse(text));
    }
  });

  it('agrees with the reviver on mixed lines', () => {
    const pieces = [...KEPT, ...PLAIN, '"x"', '"1.50"', '"\\"1e3"', 'true', 'null', '[]', '{"a":2.0}'];
    for (const a of pieces) {
      for (const b of pieces) {
        const text = `{"a":${a},"s":"\\\\","b":[${b},${a}]}`;
        expect(JSON.stringify(parseKeepingNumbers(text)), text).toBe(reference(text));
      }
    }
  });

  it('throws on invalid JSON like JSON.parse', () => {
    for (const text of ['{"a":1', '{"a":"x', '{"a":12.50,}', '{a:1}']) {
      expect(() => parseKeepingNumbers(text)).toThrow(SyntaxError);
    }
  });
});
