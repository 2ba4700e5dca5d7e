import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-secrets';
import { referenceRedactLines } from './__fixtures__/reference-line-redactor';
import { redactSecrets } from './redact-secrets';
import { SECRET_RULES } from './secret-rules';

describe('the keyword gate of the secret rules', () => {
  it('runs the same rules as checking each keyword on the lowered line (property)', () => {
    const keywords = SECRET_RULES.flatMap((r) => r.keywords);
    const piece = fc.oneof(
      fc.constantFrom(...Object.values(FAKE)),
      fc.constantFrom(...keywords, ...keywords.map((k) => k.toUpperCase())),
      fc.constantFrom('=', ': ', ' ', '"', 'password=', 'Authorization: Bearer ', 'https://u:', '@host/'),
      fc.constantFrom('\u212a', '\u017f', '\u0130', 'é', '\x1b[31m', '\x1b[0m', '\x9b1m', '\ufffd[0m'),
      fc.constantFrom('&quot;', '&#34;', '\\"', "'", '&apos;'),
      fc.string({ maxLength: 10 }),
    );
    const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join('').replace(/[\r\n]/g, ' '));
    let redacted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        // No PEM blocks here: those are redacted before the line rules, by their own scanner.
        const text = lines.join('\n').replaceAll('BEGIN', 'BEGAN');
        const got = redactSecrets(text);
        const want = referenceRedactLines(text);
        expect(got).toEqual(want);
        if (got.text !== text) redacted++;
      }),
      { numRuns: 600 },
    );
    expect(redacted).toBeGreaterThan(100);
  });
});
