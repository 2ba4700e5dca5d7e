import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, loadRulesFile } from './load-rules';
import { RulesError } from './rules-error';

function problemsOf(source: string, origin = 'profile.yaml'): string[] {
  try {
    loadRules(source, origin);
  } catch (error) {
    expect(RulesError.isInstance(error)).toBe(true);
    const e = error as RulesError;
    expect(e.message.startsWith(`${origin}: invalid rules:`)).toBe(true);
    expect(e.isRetryable).toBe(false);
    return [...e.problems];
  }
  throw new Error('expected loadRules to throw');
}

describe('loadRules', () => {
  it('reads a YAML rule list and keeps order and fields', () => {
    const rules = loadRules(
      `
version: 1
rules:
  - id: first
    category: timing
    pattern: 'clock class (\\d+)'
    mode: 'clock class did not reach $1'
    kind: test
  - id: second
    category: infra
    pattern: Unauthorized
    flags: i
    keywords: [unauthorized]
`,
      'p.yaml',
    );
    expect(rules.map((r) => r.id)).toEqual(['first', 'second']);
    expect(rules[0]).toEqual({
      id: 'first',
      category: 'timing',
      pattern: 'clock class (\\d+)',
      mode: 'clock class did not reach $1',
      kind: 'test',
    });
    expect(rules[1]!.flags).toBe('i');
  });

  it('reads JSON, and a bare list', () => {
    const rules = loadRules(JSON.stringify([{ id: 'a', category: 'crash', pattern: 'panic: ' }]), 'r.json');
    expect(rules).toEqual([{ id: 'a', category: 'crash', pattern: 'panic: ' }]);
  });

  it('names the origin, index and id of a rule with an unknown category', () => {
    const problems = problemsOf(
      'rules:\n  - { id: ok, category: crash, pattern: x1 }\n  - { id: slow, category: timeing, pattern: x2 }\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\[1\] \(id "slow"\): category: .*"timing"/);
  });

  it('refuses unknown keys (typos would silently drop a field)', () => {
    expect(problemsOf('- { id: a, category: crash, pattern: x, catgory: infra }')[0]).toMatch(
      /^rules\[0\] \(id "a"\): .*catgory/,
    );
  });

  it('reports a pattern that does not compile, with the engine message', () => {
    expect(problemsOf("- { id: bad, category: crash, pattern: 'a(b' }")[0]).toMatch(
      /^rules\[0\] \(id "bad"\): pattern: does not compile: .*Unterminated group/,
    );
  });

  it('refuses a pattern that matches an empty line', () => {
    expect(problemsOf("- { id: all, category: unknown, pattern: '.*' }")[0]).toContain(
      'matches an empty line',
    );
  });

  it('checks mode references against the capture groups', () => {
    const problems = problemsOf(
      "- { id: m, category: timing, pattern: 'class (\\d+)', mode: 'class $1 then $2' }\n" +
        "- { id: n, category: timing, pattern: 'class (?<cls>\\d+)', mode: 'class $<cls> $<nope>' }\n",
    );
    expect(problems).toEqual([
      'rules[0] (id "m"): mode: refers to $2 but the pattern has 1 capture group',
      'rules[1] (id "n"): mode: refers to $<nope> but the pattern has no such named group',
    ]);
  });

  it('refuses stateful and unknown flags', () => {
    expect(problemsOf('- { id: g, category: crash, pattern: x, flags: g }')[0]).toMatch(
      /flags: must be a subset of "imsuv"/,
    );
    expect(problemsOf('- { id: uv, category: crash, pattern: x, flags: uv }')[0]).toMatch(
      /cannot combine "u" and "v"/,
    );
  });

  it('reports duplicate ids and missing fields, all at once', () => {
    const problems = problemsOf(
      '- { id: a, category: crash, pattern: x }\n- { id: a, category: crash, pattern: y }\n- { category: crash }\n',
    );
    expect(problems).toContain('rules[1] (id "a"): duplicate id, already used by rules[0]');
    expect(problems.some((p) => p.startsWith('rules[2]: id:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('rules[2]: pattern:'))).toBe(true);
  });

  it('gives a clear message for YAML syntax errors and wrong shapes', () => {
    expect(problemsOf('rules: [ { id: a')[0]).toMatch(/^not valid YAML or JSON: /);
    expect(problemsOf('just text')).toEqual(['expected a list of rules, or an object with a "rules" list']);
    expect(problemsOf('rulez: []')[0]).toMatch(/unknown top-level key: rulez/);
    expect(problemsOf('version: 2\nrules: []')).toEqual(['unsupported version 2 (expected 1)']);
  });
});

describe('loadRulesFile', () => {
  it('reads a file and names it in errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ns-rules-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(good, '- { id: a, category: crash, pattern: x }\n');
    expect(await loadRulesFile(good)).toHaveLength(1);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '- { id: a, category: nope, pattern: x }\n');
    await expect(loadRulesFile(bad)).rejects.toThrow(`${bad}: invalid rules:`);
    await expect(loadRulesFile(join(dir, 'missing.yaml'))).rejects.toThrow(
      /missing\.yaml: invalid rules:\n.*cannot read the rules file \(ENOENT\)/,
    );
  });
});
