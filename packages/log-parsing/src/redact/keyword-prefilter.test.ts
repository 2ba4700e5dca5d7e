import { describe, expect, it } from 'vitest';
import { candidateLineStarts, PREFILTER_KEYWORDS } from './keyword-prefilter';
import { SECRET_RULES } from './secret-rules';

describe('keyword prefilter', () => {
  it('covers every rule: each rule keyword contains a keyword the prefilter finds', () => {
    for (const rule of SECRET_RULES) {
      for (const kw of rule.keywords) {
        const covered = PREFILTER_KEYWORDS.some((p) => kw.includes(p));
        expect(covered, `${rule.kind} keyword ${kw}`).toBe(true);
      }
    }
  });

  it('returns the start of each line holding a keyword, once, in order', () => {
    const text = 'plain\nPassword=1 and token\nnothing here\nx https://a\neyJ';
    expect(candidateLineStarts(text)).toEqual([6, 40, 52]);
  });

  it('matches word keywords in any case and token prefixes in exact case only', () => {
    expect(candidateLineStarts('TOKEN')).toEqual([0]);
    expect(candidateLineStarts('PassWord')).toEqual([0]);
    expect(candidateLineStarts('EYJ akia')).toEqual([]);
  });

  it('finds nothing in ordinary text', () => {
    expect(candidateLineStarts('ptp4l[74737.942]: rms 53 max 74 freq -16642 +/- 40\n'.repeat(100))).toEqual(
      [],
    );
  });
});
