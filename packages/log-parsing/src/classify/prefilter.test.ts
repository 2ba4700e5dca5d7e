import { describe, expect, it } from 'vitest';
import { buildPrefilter } from './prefilter';
import type { CompiledRule } from './rule';

function rule(literals: string[] | null, ignoreCase = false): CompiledRule {
  return {
    rule: { id: 'r', category: 'unknown', pattern: 'x' },
    priority: 0,
    regex: /x/,
    literals,
    literalsIgnoreCase: ignoreCase,
  };
}

describe('buildPrefilter', () => {
  it('finds case-sensitive literals anywhere in a line, and only with the right case', () => {
    const p = buildPrefilter([rule(['Unauthorized', 'OOMKilled'])]);
    expect(p.mayMatch('E0604 … failed to list: Unauthorized" reflector=…')).toBe(true);
    expect(p.mayMatch('reason: OOMKilled')).toBe(true);
    expect(p.mayMatch('unauthorized')).toBe(false);
    expect(p.mayMatch('ptp4l[1.2]: master offset -1 s2 freq -3972 path delay 89')).toBe(false);
    expect(p.mayMatch('')).toBe(false);
  });

  it('folds case for case-insensitive literals', () => {
    const p = buildPrefilter([rule(['daemonset'], true)]);
    expect(p.mayMatch('Error from server (NotFound): DaemonSet "x" not found')).toBe(true);
    expect(p.mayMatch('DAEMONSET')).toBe(true);
    expect(p.mayMatch('daemon set')).toBe(false);
  });

  it('finds overlapping and nested literals (failure links)', () => {
    const p = buildPrefilter([rule(['abcd', 'bce', 'cdx'])]);
    expect(p.mayMatch('zzabcezz')).toBe(true); // abc… fails at e, must continue as "bce"
    expect(p.mayMatch('abcdx')).toBe(true);
    expect(p.mayMatch('abcbcx')).toBe(false);
  });

  it('confirms a case-sensitive hit even when a folded path reached it', () => {
    const p = buildPrefilter([rule(['Expected']), rule(['panic:'], true)]);
    expect(p.mayMatch('the expected value')).toBe(false);
    expect(p.mayMatch('  Expected')).toBe(true);
    expect(p.mayMatch('PANIC: oops')).toBe(true);
  });

  it('restarts after non-ASCII characters, and folds ſ and K like /iu does', () => {
    const p = buildPrefilter([rule(['abc'])]);
    expect(p.mayMatch('ab€c')).toBe(false);
    expect(p.mayMatch('€abc')).toBe(true);
    const folded = buildPrefilter([rule(['sk'], true)]);
    expect(folded.mayMatch('\u017f\u212a')).toBe(true);
  });

  it('covers non-ASCII literals with a fallback scan', () => {
    const p = buildPrefilter([rule(['took 5µs']), rule(['Ärger'], true)]);
    expect(p.mayMatch('it took 5µs')).toBe(true);
    expect(p.mayMatch('it took 5us')).toBe(false);
    expect(p.mayMatch('ÄRGER')).toBe(true);
  });

  it('ignores rules without literals (the classifier runs those on every line)', () => {
    const p = buildPrefilter([rule(null), rule(['needle'])]);
    expect(p.mayMatch('haystack')).toBe(false);
    expect(buildPrefilter([rule(null)]).mayMatch('anything')).toBe(false);
  });
});

describe('Prefilter.rulesFor', () => {
  it('names every rule with a literal in the line, in rule order, and no other', () => {
    const p = buildPrefilter([
      rule(['timed out']),
      rule(['out'], true),
      rule(['deadline exceeded', 'timed out']),
      rule(['nothing here']),
      rule(null),
      rule(['Expected']),
    ]);
    // "timed out" ends where "out" does (a failure-link output); one literal serves two rules.
    expect(p.rulesFor('x: timed out, deadline exceeded')).toEqual([0, 1, 2]);
    expect(p.rulesFor('timed out')).toEqual([0, 1, 2]);
    expect(p.rulesFor('OUT')).toEqual([1]);
    expect(p.rulesFor('expected')).toEqual([]);
    expect(p.rulesFor('Expected it')).toEqual([5]);
    expect(p.rulesFor('')).toEqual([]);
  });

  it('names the rules of non-ASCII and fallback literals too', () => {
    const p = buildPrefilter([rule(['took 5µs']), rule(['Ärger'], true), rule(['plain'])]);
    expect(p.rulesFor('ärger: took 5µs, plain')).toEqual([0, 1, 2]);
    const many = Array.from({ length: 3000 }, (_, i) => `keyword-number-${i.toString(36)}-end`);
    const big = buildPrefilter([rule(['other']), rule(many)]);
    expect(big.rulesFor('x keyword-number-2bb-end y')).toEqual([1]);
    expect(big.rulesFor('other')).toEqual([0]);
  });
});

describe('buildPrefilter with a very large keyword set', () => {
  it('falls back to regex scans instead of building a huge table, with the same answers', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `keyword-number-${i.toString(36)}-end`);
    const p = buildPrefilter([rule(many)]);
    expect(p.mayMatch('x keyword-number-2bb-end y')).toBe(true);
    expect(p.mayMatch('keyword-number-zzzz-end')).toBe(false);
  });
});
