import { z } from 'zod';
import { CATEGORIES, RULE_KINDS } from './categories';
import { templateRefs } from './mode-template';
import type { Rule } from './rule';

/**
 * Schema of one rule. Strict: an unknown key is almost always a typo (`catgory`) that would
 * otherwise silently drop a field.
 */
export const ruleSchema = z
  .strictObject({
    id: z
      .string()
      .max(100)
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
        'must start with a letter or digit and use only letters, digits, ".", "_", "-"',
      ),
    category: z.enum(CATEGORIES),
    pattern: z.string().min(1).max(4000),
    flags: z
      .string()
      .regex(/^(?!.*(.).*\1)[imsuv]*$/, 'must be a subset of "imsuv" without repeats (g and y are refused)')
      .refine((f) => !(f.includes('u') && f.includes('v')), 'cannot combine "u" and "v"')
      .optional(),
    kind: z.enum(RULE_KINDS).optional(),
    keywords: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
    mode: z.string().min(1).max(300).optional(),
    description: z.string().max(4000).optional(),
  })
  .superRefine((rule, ctx) => {
    let regex: RegExp;
    try {
      regex = new RegExp(rule.pattern, rule.flags ?? '');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: `does not compile: ${(error as Error).message}`,
      });
      return;
    }
    if (regex.test('')) {
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
  });

/** Validates raw rule objects; returns the rules or the list of problems, each naming its rule. */
export function validateRules(raw: readonly unknown[]): { rules: Rule[]; problems: string[] } {
  const rules: Rule[] = [];
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  raw.forEach((item, index) => {
    const label = ruleLabel(item, index);
    const parsed = ruleSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        problems.push(`${label}: ${where}${issue.message}`);
      }
      return;
    }
    const rule = parsed.data as Rule;
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
