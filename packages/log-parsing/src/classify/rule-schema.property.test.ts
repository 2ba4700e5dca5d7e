import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSchema as referenceSchema } from './__fixtures__/reference-rule-schema';
import { CATEGORIES, RULE_KINDS } from './categories';
import { ruleSchema } from './rule-schema';

// Values near every check's edge (lengths 0/1/100/101, bad flags, patterns that fail to compile
// or match '', mode templates with good and bad group references) plus wrong types, so random
// rules hit each message, alone and together.
const anyValue = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
const id = fc.oneof(
  fc.constantFrom('a', 'rule-1', 'x.y_z', '-bad', 'has space', '', 'é', 'a'.repeat(100), 'a'.repeat(101)),
  fc.string({ maxLength: 8 }),
  anyValue,
);
const category = fc.oneof(fc.constantFrom(...CATEGORIES, 'Crash', 'timeout', ''), anyValue);
const pattern = fc.oneof(
  fc.constantFrom('panic: ', '(a)(?<n>b)', 'a(b', '.*', '^$', 'x|', '', '[', '\\p{L}', 'x'.repeat(4001)),
  fc.string({ maxLength: 6 }),
  anyValue,
);
const flags = fc.oneof(fc.constantFrom('', 'i', 'ims', 'uv', 'ii', 'g', 'y', 'u', 'v', 'iu', 'x'), anyValue);
const kind = fc.oneof(fc.constantFrom(...RULE_KINDS, 'TEST', ''), anyValue);
const keyword = fc.oneof(fc.constantFrom('', 'k', 'k'.repeat(200), 'k'.repeat(201)), fc.integer());
const keywords = fc.oneof(
  fc.array(keyword, { maxLength: 3 }),
  fc.constant(new Array(101).fill('k')),
  anyValue,
);
const mode = fc.oneof(
  fc.constantFrom('', 'plain', '$1', '$2 and $<n>', '$<missing>', '$0', 'm'.repeat(301)),
  fc.string({ maxLength: 6 }),
  anyValue,
);
const description = fc.oneof(fc.constantFrom('', 'd', 'd'.repeat(4001)), anyValue);
const rule = fc.oneof(
  fc.record(
    { id, category, pattern, flags, kind, keywords, mode, description, catgory: category, extra: anyValue },
    { requiredKeys: [] },
  ),
  anyValue,
  fc.string({ maxLength: 4 }),
);

function outcome(schema: typeof referenceSchema | typeof ruleSchema, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { data: parsed.data }
    : { issues: parsed.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) };
}

describe('ruleSchema (zod/mini) against the classic zod schema it replaced', () => {
  it('accepts the same rules and reports the same problems, word for word', () => {
    fc.assert(
      fc.property(rule, (value) => {
        expect(outcome(ruleSchema, value)).toEqual(outcome(referenceSchema, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports problems in English with each check named', () => {
    const parsed = ruleSchema.safeParse({ id: '', category: 'nope', pattern: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      outcome(referenceSchema, { id: '', category: 'nope', pattern: '' }).issues?.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      ),
    );
    expect(parsed.error?.issues.some((i) => i.message.startsWith('Invalid option: expected one of'))).toBe(
      true,
    );
  });
});
