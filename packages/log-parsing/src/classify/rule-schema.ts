import { en } from 'zod/locales';
import {
  array,
  config,
  enum as enumOf,
  maxLength,
  minLength,
  optional,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
} from 'zod/mini';
import { CATEGORIES, RULE_KINDS } from './categories';
import { templateRefs } from './mode-template';
import type { Rule } from './rule';
import { isValidated, markValidated } from './validated-rules';

// Why `zod/mini` and named imports: `nightshift analyze` validates the profile's rules at every
// start. Classic `zod` (`import { z } from 'zod'`) pulls its whole namespace into the bundle, all
// 40+ locales included (a 759 KB chunk), and builds every method of every schema; the functional
// mini API lets esbuild keep only what is used here. Mini registers no locale of its own, so the
// English one that classic zod installs is installed here (only when none is set): the messages
// are classic zod's, word for word.
if (config().localeError === undefined) config(en());

/**
 * Schema of one rule. Strict: an unknown key is almost always a typo (`catgory`) that would
 * otherwise silently drop a field.
 */
export const ruleSchema = strictObject({
  id: string().check(
    maxLength(100),
    regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'must start with a letter or digit and use only letters, digits, ".", "_", "-"',
    ),
  ),
  category: enumOf(CATEGORIES),
  pattern: string().check(minLength(1), maxLength(4000)),
  flags: optional(
    string().check(
      regex(/^(?!.*(.).*\1)[imsuv]*$/, 'must be a subset of "imsuv" without repeats (g and y are refused)'),
      refine((f: string) => !(f.includes('u') && f.includes('v')), 'cannot combine "u" and "v"'),
    ),
  ),
  kind: optional(enumOf(RULE_KINDS)),
  keywords: optional(array(string().check(minLength(1), maxLength(200))).check(minLength(1), maxLength(100))),
  mode: optional(string().check(minLength(1), maxLength(300))),
  description: optional(string().check(maxLength(4000))),
}).check(
  superRefine((rule, ctx) => {
    let compiled: RegExp;
    try {
      compiled = new RegExp(rule.pattern, rule.flags ?? '');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: `does not compile: ${(error as Error).message}`,
      });
      return;
    }
    if (compiled.test('')) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: 'matches an empty line, so it would match every line of every log',
      });
    }
    if (rule.mode !== undefined) {
      // `(?:p)|` always matches '' with every group unset: its length tells the group count.
      const probe = new RegExp(`(?:${rule.pattern})|`, rule.flags ?? '').exec('')!;
      const groups = probe.length - 1;
      const names = new Set(Object.keys(probe.groups ?? {}));
      const refs = templateRefs(rule.mode);
      for (const n of refs.numbers) {
        if (n < 1 || n > groups) {
          ctx.addIssue({
            code: 'custom',
            path: ['mode'],
            message: `refers to $${n} but the pattern has ${groups} capture group${groups === 1 ? '' : 's'}`,
          });
        }
      }
      for (const name of refs.names) {
        if (!names.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['mode'],
            message: `refers to $<${name}> but the pattern has no such named group`,
          });
        }
      }
    }
  }),
);

/**
 * Validates raw rule objects; returns the rules (frozen) or the list of problems, each naming its
 * rule. Rules this function returned before, and the built-in rules, skip the schema (see
 * validated-rules.ts); the duplicate-id check covers every rule.
 */
export function validateRules(raw: readonly unknown[]): { rules: Rule[]; problems: string[] } {
  const rules: Rule[] = [];
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  raw.forEach((item, index) => {
    const label = ruleLabel(item, index);
    let rule: Rule;
    if (isValidated(item)) rule = item;
    else {
      const parsed = ruleSchema.safeParse(item);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
          problems.push(`${label}: ${where}${issue.message}`);
        }
        return;
      }
      rule = markValidated(parsed.data as Rule);
    }
    const first = firstIndex.get(rule.id);
    if (first !== undefined) problems.push(`${label}: duplicate id, already used by rules[${first}]`);
    else firstIndex.set(rule.id, index);
    rules.push(rule);
  });
  return { rules, problems };
}

function ruleLabel(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== ''
    ? `rules[${index}] (id "${id.slice(0, 100)}")`
    : `rules[${index}]`;
}
