// The rule schema before session 3 (classic `zod`, built at import), kept as the oracle for
// rule-schema.property.test.ts: the zod/mini schema must report the very same problems. Do not edit.
import { z } from 'zod';
import { CATEGORIES, RULE_KINDS } from '../categories';
import { templateRefs } from '../mode-template';

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
