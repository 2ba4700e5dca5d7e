import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE, fakePem } from './__fixtures__/fake-secrets';
import { createLineRedactor } from './line-redactor';

/** Lines that exercise every path: plain text, one-line secrets, PEM keys (whole or cut off). */
const pem = fakePem().split('\n');
const lineArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('plain line', '', 'BEGIN of nothing', 'ptp4l[1.2]: offset 3 s2') },
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(FAKE).map((v) => `key: ${v}`)) },
  { weight: 2, arbitrary: fc.constantFrom(...pem) },
  { weight: 1, arbitrary: fc.constant(pem.join('\n')) },
);

function oneByOne(lines: string[]) {
  const r = createLineRedactor();
  const out = lines.flatMap((l) => r.push(l));
  out.push(...r.flush());
  return { out, findings: r.findings() };
}

describe('LineRedactor.pushLines', () => {
  it('gives the same lines and counts as pushing one line at a time, however lines are grouped', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 60 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 10 }),
        (lines, sizes) => {
          const r = createLineRedactor();
          const out: string[] = [];
          let at = 0;
          for (const size of [...sizes, lines.length]) {
            const block = lines.slice(at, at + size);
            at += block.length;
            out.push(...r.pushLines(block, size % 2 === 0 ? block.join('\n') : undefined));
          }
          out.push(...r.flush());
          expect({ out, findings: r.findings() }).toEqual(oneByOne(lines));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns the very same array when nothing needed redacting, and holds nothing', () => {
    const r = createLineRedactor();
    const lines = ['a', 'b c', ''];
    expect(r.pushLines(lines)).toBe(lines);
    expect(r.held()).toBe(0);
    expect(r.pushLines([`token ${FAKE.githubClassic}`, 'x'])).toEqual(['token [REDACTED:github-token]', 'x']);
  });

  it('holds lines from a private key that may continue past the block', () => {
    const r = createLineRedactor();
    // Only the lines from BEGIN on wait; the one before goes at once.
    expect(r.pushLines(['before', pem[0]!, pem[1]!])).toEqual(['before']);
    expect(r.held()).toBe(2);
    const rest = r.pushLines(pem.slice(2));
    expect(r.held()).toBe(0);
    expect([...rest, ...r.flush()]).toEqual(['[REDACTED:private-key]', ...pem.slice(1).map(() => '')]);
  });
});
