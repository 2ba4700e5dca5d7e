import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin-rules';
import { createClassifier } from './classifier';
import { loadRules } from './load-rules';
import type { Rule } from './rule';
import { validateRules } from './rule-schema';
import { RulesError } from './rules-error';

const PROFILE = `
rules:
  - id: clock-class
    category: timing
    pattern: 'clock class (\\d+)'
    keywords: [clock class]
`;

describe('validated rules', () => {
  it('returns frozen rules that a second validation accepts as they are', () => {
    const rules = loadRules(PROFILE, 'p.yaml');
    expect(Object.isFrozen(rules[0])).toBe(true);
    expect(Object.isFrozen(rules[0]!.keywords)).toBe(true);
    expect(() => {
      (rules[0] as { pattern: string }).pattern = '(';
    }).toThrow(TypeError);
    const again = validateRules(rules);
    expect(again.problems).toEqual([]);
    expect(again.rules[0]).toBe(rules[0]);
  });

  it('still checks plain objects, even when equal to a validated rule', () => {
    const [rule] = loadRules(PROFILE, 'p.yaml');
    const copy: Rule = { ...rule!, pattern: '(' };
    const { problems } = validateRules([copy]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\[0\] \(id "clock-class"\): pattern: does not compile: /);
  });

  it('still reports duplicate ids between validated and built-in rules', () => {
    const clash = loadRules(
      `[{ id: ${builtinRules[0]!.id}, category: infra, pattern: 'boom here' }]`,
      'p.yaml',
    );
    try {
      createClassifier([...clash, ...builtinRules], { origin: 'p.yaml' });
      expect.unreachable('duplicate id accepted');
    } catch (error) {
      expect(RulesError.isInstance(error)).toBe(true);
      expect((error as RulesError).problems).toEqual([
        `rules[1] (id "${builtinRules[0]!.id}"): duplicate id, already used by rules[0]`,
      ]);
    }
  });
});
