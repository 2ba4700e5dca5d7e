import type { Rule } from './rule';

/**
 * Rule objects known to pass `ruleSchema`: those `validateRules` returned (its own frozen copies)
 * and the built-in rules (builtin-rules.test.ts checks them against the schema). `validateRules`
 * skips the schema for them, so `createClassifier([...loadRules(text), ...builtinRules])` checks
 * each profile rule once rather than every rule twice: the schema's checks (zod, plus compiling
 * each pattern twice) were ~15 ms of every `nightshift analyze` start.
 *
 * Only frozen objects are recorded, so a recorded rule cannot have changed since it was checked.
 */
const VALIDATED = new WeakSet<object>();

/** Freezes `rule` (and its keyword list) and records it as valid. The caller vouches for it. */
export function markValidated<T extends Rule>(rule: T): T {
  if (rule.keywords !== undefined) Object.freeze(rule.keywords);
  VALIDATED.add(Object.freeze(rule));
  return rule;
}

export function isValidated(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && VALIDATED.has(value);
}
