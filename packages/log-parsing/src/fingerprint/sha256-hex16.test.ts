import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsSha256Hex16, NATIVE_AFTER, sha256Hex16 } from './sha256-hex16';

const nodeSha256Hex16 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

// Text of every kind: whole characters of any plane, and raw code units (lone surrogates).
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const SAMPLES = ['', '\ud800', 'a\udc00b', '\udbff\udfff\ud800', 'x'.repeat(200_000), 'Δ\u{1f600}\u0000'];

describe('sha256Hex16', () => {
  it("is node:crypto's SHA-256 in JavaScript: ids made before stay valid", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(jsSha256Hex16(text)).toBe(nodeSha256Hex16(text));
      }),
      { numRuns: 500 },
    );
    for (const text of SAMPLES) expect(jsSha256Hex16(text)).toBe(nodeSha256Hex16(text));
    // Pinned: the SHA-256 of nothing.
    expect(jsSha256Hex16('')).toBe('e3b0c44298fc1c14');
  });

  it('gives the same digests before and after it moves to node:crypto', () => {
    const texts = fc.sample(anyText, { numRuns: NATIVE_AFTER * 3, seed: 7 }).concat(SAMPLES);
    for (const text of texts) expect(sha256Hex16(text)).toBe(nodeSha256Hex16(text));
  });
});
