import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin-rules';
import { createClassifier, MAX_EVIDENCE_LINES, MAX_MATCH_CHARS } from './classifier';
import type { Rule } from './rule';
import { RulesError } from './rules-error';

const rules: Rule[] = [
  {
    id: 'specific',
    category: 'timing',
    pattern: 'clock class (?:state )?to eventually be (\\d+)',
    mode: 'clock class never reached $1',
  },
  { id: 'panic', category: 'crash', kind: 'test', pattern: 'panic: (\\w+)', mode: 'panic $1' },
  { id: 'generic', category: 'timing', pattern: 'context deadline exceeded' },
];

describe('createClassifier', () => {
  const c = createClassifier(rules);

  it('lets the first rule in the list win, wherever it matches in the text', () => {
    const text = 'Expected ptp4l clock class to eventually be 6\nerr: context deadline exceeded\npanic: boom';
    const r = c.classifyText(text);
    expect(r.rule).toBe('specific');
    expect(r.category).toBe('timing');
    expect(r.mode).toBe('clock class never reached 6');
    expect(r.captures).toEqual(['6']);
  });

  it('keeps the LAST occurrence of the winning rule as the decisive match', () => {
    const text = 'panic: first\nnoise\npanic: second\ncontext deadline exceeded';
    const r = c.classifyText(text);
    expect(r.rule).toBe('panic');
    expect(r.kind).toBe('test');
    expect(r.mode).toBe('panic second');
    expect(r.evidence).toEqual([
      { line: 0, text: 'panic: first' },
      { line: 2, text: 'panic: second' },
    ]);
  });

  it('keeps at most the last few evidence lines, in text order', () => {
    const text = Array.from({ length: 10 }, (_, i) => `panic: p${i}`).join('\r\n');
    const r = c.classifyText(text);
    expect(r.evidence.map((e) => e.line)).toEqual([7, 8, 9].slice(-MAX_EVIDENCE_LINES));
    expect(r.mode).toBe('panic p9');
  });

  it('returns unknown with rule null when nothing matches', () => {
    expect(c.classifyText('all good\nPASS')).toEqual({
      category: 'unknown',
      rule: null,
      kind: null,
      mode: null,
      captures: [],
      evidence: [],
    });
    expect(c.classifyText('').rule).toBeNull();
  });

  it('matches lines with ANSI colour codes stripped', () => {
    const r = c.matchLine('\x1b[38;5;9mpanic: \x1b[1mboom\x1b[0m');
    expect(r).toEqual({
      rule: 'panic',
      priority: 1,
      category: 'crash',
      kind: 'test',
      mode: 'panic boom',
      captures: ['boom'],
    });
  });

  it('matchLine returns the highest-priority rule matching that line', () => {
    expect(c.matchLine('panic: x after context deadline exceeded')?.rule).toBe('panic');
    expect(c.matchLine('context deadline exceeded')?.rule).toBe('generic');
    expect(c.matchLine('context deadline exceeded')?.mode).toBeNull();
    expect(c.matchLine('ptp4l[1]: master offset -1 s2')).toBeNull();
  });

  it(`looks at the first ${MAX_MATCH_CHARS} characters of a line only`, () => {
    expect(c.matchLine(`${'x'.repeat(MAX_MATCH_CHARS - 20)} panic: early`)?.rule).toBe('panic');
    expect(c.matchLine(`${'x'.repeat(MAX_MATCH_CHARS)} panic: late`)).toBeNull();
  });

  it('runs rules without literals on every line', () => {
    const only = createClassifier([{ id: 'digits', category: 'unknown', pattern: '^\\d+$' }]);
    expect(only.unfilteredRules).toEqual(['digits']);
    expect(only.matchLine('12345')?.rule).toBe('digits');
  });

  it('refuses invalid rules with a RulesError naming the origin', () => {
    const bad = [{ id: 'x', category: 'nope', pattern: 'a' }] as unknown as Rule[];
    expect(() => createClassifier(bad, { origin: 'my-profile' })).toThrow(/^my-profile: invalid rules:/);
    try {
      createClassifier(bad);
    } catch (error) {
      expect(RulesError.isInstance(error)).toBe(true);
      expect(RulesError.isInstance(new Error('x'))).toBe(false);
    }
  });

  it('treats profile rules as stronger than the built-ins after them', () => {
    const withProfile = createClassifier([
      { id: 'ptp-x', category: 'config', pattern: 'connection refused' },
      ...builtinRules,
    ]);
    expect(withProfile.matchLine('dial tcp 10.0.0.1:6443: connect: connection refused')?.rule).toBe('ptp-x');
  });
});

describe('prefilter', () => {
  // Vocabulary: fragments of the built-in rules' literals and of real failure lines, plus noise,
  // so random lines hit rules often, including several rules and near-misses on one line.
  const fragments = [
    'panic: ',
    'runtime error: ',
    'invalid memory address or nil pointer dereference',
    'index out of range [3] with length 2',
    'Timed out after 300.528s.',
    'context deadline exceeded',
    'connect: connection refused',
    'Connection refused',
    'Unauthorized',
    'unauthorized',
    'the server has asked for the client to provide credentials',
    'Failed to watch',
    'Process did not finish before 3h45m0s timeout',
    'ImagePullBackOff',
    'manifest unknown',
    'OOMKilled',
    'Expected',
    '  Expected',
    'Unexpected error:',
    '[FAILED] ',
    '--- FAIL: TestX',
    'Error Trace:',
    'Error:      \tNot equal:',
    'go: github.com/x/y@v1.2.3: reading https://proxy.golang.org/x: 404 Not Found',
    'x509: certificate signed by unknown authority',
    'No space left on device',
    'i/o timeout',
    'wrapped process failed: exit status 1',
    'make: *** [all] Error 2',
    'error TS2322: ',
    'main.go:3:11: undefined: y',
    '\x1b[38;5;9m',
    '\x1b[0m',
    'ptp4l[74737.942]: ',
    ' ',
    '  ',
    'x',
    'é',
    'ſ',
    'PANIC: ',
    'Segmentation fault',
    'WARNING: DATA RACE',
    'fatal error: concurrent map writes',
    'npm ERR! code ERESOLVE',
  ];
  const line = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 8 })
    .map((p) => p.join(''));

  it('never changes a result: classify with and without it agree (property)', () => {
    const on = createClassifier(builtinRules);
    const off = createClassifier(builtinRules, { prefilter: false });
    expect(on.unfilteredRules).toEqual([]);
    let matched = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const a = on.classifyText(text);
        expect(a).toEqual(off.classifyText(text));
        for (const l of lines) expect(on.matchLine(l)).toEqual(off.matchLine(l));
        if (a.rule !== null) matched++;
      }),
      { numRuns: 1500 },
    );
    // The property is only meaningful if rules actually matched most of the time.
    expect(matched).toBeGreaterThan(750);
  });
});
