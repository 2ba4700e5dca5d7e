import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Classifier, createClassifier } from './classifier';
import { escapeRegExp } from './prefilter';
import type { Rule } from './rule';

/**
 * Analyze's byte scan reads a line with bytes >= 0x80 as the latin1 text of its UTF-8 bytes, so
 * `lineHits` cannot see a literal's non-ASCII characters there. `hitsMissWide(decoded line)` must
 * say so whenever the line could match anyway; `lineHits` must be null when there is no scan.
 */
const rule = (id: string, pattern: string, flags?: string): Rule => ({
  id,
  category: 'crash',
  pattern,
  ...(flags === undefined ? {} : { flags }),
});

const ascii = createClassifier([rule('deadline', 'context deadline exceeded')]);

describe('hitsMissWide', () => {
  it.each(['i', ''])('sees a non-ASCII literal character in either case (flags %j)', (flags) => {
    const c = createClassifier([rule('cafe', 'café crashed', flags), rule('deadline', 'deadline exceeded')]);
    expect(c.hitsMissWide!('the café crashed')).toBe(true);
    expect(c.hitsMissWide!('THE CAFÉ CRASHED')).toBe(true);
    expect(c.hitsMissWide!('É')).toBe(true);
    // With a non-ASCII literal, any non-ASCII character may be one a case-insensitive pattern
    // takes for it (µ and μ): every such line is matched. ASCII text holds nothing the scan missed.
    expect(c.hitsMissWide!('• ✓ clock class 6')).toBe(true);
    expect(c.hitsMissWide!('cafe crashed')).toBe(false);
    expect(c.hitsMissWide!('')).toBe(false);
  });

  it('always sees the characters that fold to ASCII and U+FFFD', () => {
    const wide = createClassifier([rule('cafe', 'café crashed', 'i')]);
    for (const c of [ascii, wide]) {
      for (const ch of ['\u017f', '\u212a', '\ufffd']) expect(c.hitsMissWide!(`x ${ch} y`)).toBe(true);
    }
    // Rules with ASCII literals only: other non-ASCII text hides nothing from the byte scan.
    expect(ascii.hitsMissWide!('• ✓ ✗ ✔')).toBe(false);
  });

  it('does not take ASCII lines for unseen ones (ß upper-cases to SS)', () => {
    const c = createClassifier([rule('street', 'straße gesperrt', 'i')]);
    expect(c.hitsMissWide!('straße gesperrt')).toBe(true);
    for (const line of ['STRASSE GESPERRT', 'strasse', 'S', 'ss', 'sS'])
      expect(c.hitsMissWide!(line)).toBe(false);
  });

  /**
   * A rule regex with `i` also matches characters that canonicalize alike, beyond a character's
   * `toLowerCase()`/`toUpperCase()`: final sigma ς for σ, Greek μ (U+03BC) for the micro sign µ
   * (U+00B5), ϐ/β, ϑ/θ, ϰ/κ. A set built from the cases missed those (found in session 8: the byte
   * scan lost the match of rule `µs timeout`/i on `wait: 30μs timeout`).
   */
  it('sees every character that a case-insensitive literal character matches', () => {
    const missed: string[] = [];
    for (const ch of ['é', 'σ', 'µ', 'β', 'θ', 'κ']) {
      const c = createClassifier([rule('r', `x${ch}y timeout`, 'i')]);
      const same = new RegExp(escapeRegExp(ch), 'i');
      for (let u = 0x80; u < 0x10000; u++) {
        const unit = String.fromCharCode(u);
        if (same.test(unit) && !c.hitsMissWide!(unit)) missed.push(`${ch}: U+${u.toString(16)}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

/** Lines as analyze's byte scan reads them: UTF-8 bytes as latin1, each line ending in '\n'. */
function latin1Region(lines: readonly string[]) {
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
    ranges.push([start, i]);
    start = i + 1;
  }
  return { text: bytes.toString('latin1'), ranges };
}

describe('lineHits with hitsMissWide', () => {
  const rules = [
    rule('cafe', 'café crashed', 'i'),
    rule('erreur', 'ERREUR: é'),
    rule('street', 'straße gesperrt', 'i'),
    rule('disk', 'ошибка диска', 'i'),
    rule('deadline', 'deadline exceeded'),
  ];
  const classifier: Classifier = createClassifier(rules);
  const fragment = fc.constantFrom(
    ...['café', 'CAFÉ', 'Café', 'cafe', ' crashed', ' CRASHED', 'ERREUR: é', 'ERREUR: É', 'straße', 'STRAßE'],
    ...['STRASSE', ' gesperrt', 'ошибка', 'ОШИБКА', ' диска', ' ДИСКА', '• ', '✓ ', 'ſ', '\u212a', '\ufffd'],
    ...['deadline', ' exceeded', 'x', ' ', '\x1b[1m'],
  );
  const line = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

  it('leaves no matching line without a hit or a hitsMissWide', () => {
    let savedByWide = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const { text, ranges } = latin1Region(lines);
        const hits = classifier.lineHits!(text, []);
        expect(hits).not.toBeNull();
        lines.forEach((decoded, i) => {
          if (classifier.matchLine(decoded) === null) return;
          const [start, end] = ranges[i]!;
          const hit = hits!.some((h) => h >= start && h <= end);
          if (!hit) savedByWide++;
          expect(hit || classifier.hitsMissWide!(decoded), decoded).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
    // The generator reaches matches that only hitsMissWide reports.
    expect(savedByWide).toBeGreaterThan(50);
  });

  it('is null when a rule has no literal, or the prefilter is off; an array otherwise', () => {
    const unfiltered = createClassifier([rule('digits', '\\d{3}'), rule('cafe', 'café crashed', 'i')]);
    expect(unfiltered.unfilteredRules).toEqual(['digits']);
    expect(unfiltered.lineHits!('123\ncafé crashed\n', [])).toBeNull();
    expect(createClassifier(rules, { prefilter: false }).lineHits!('deadline exceeded\n', [])).toBeNull();

    const escaped: number[] = [];
    const text = 'ok\n\x1b[1mdeadline exceeded\nnothing here\n';
    const hits = classifier.lineHits!(text, escaped);
    expect(Array.isArray(hits)).toBe(true);
    // A hit in line 1 (offsets 3 to its '\n' at 24), the escaped line whose start is reported.
    expect(hits!.some((h) => h >= 3 && h <= 24)).toBe(true);
    expect(escaped).toContain(3);
    expect(escaped).not.toContain(0);
  });
});
