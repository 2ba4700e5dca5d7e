import type { FailureKind } from '../types';

/**
 * The failure categories, EXACTLY these nine. Issues, labels and reports key on them, so adding
 * one is a breaking change for every consumer.
 */
export const CATEGORIES = [
  'timing',
  'hardware',
  'config',
  'race',
  'infra',
  'build',
  'crash',
  'assertion',
  'unknown',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Where a failure sits; the same values as `FailureKind` in types.ts. */
export const RULE_KINDS = [
  'test',
  'setup',
  'build',
  'infra',
  'job',
] as const satisfies readonly FailureKind[];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
