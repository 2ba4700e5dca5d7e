/** Options of the excerpt builder, with defaults and validation. */

export interface ExcerptOptions {
  /** Upper bound on `estimateTokens(text)` of the result. Default 2000. */
  budgetTokens?: number;
  /** Rows kept from the start of the log. Default 5. */
  headLines?: number;
  /** Rows kept from the end of the log. Default 30. */
  tailLines?: number;
  /** Rows of context kept before a marked line. Default 8. */
  contextBefore?: number;
  /** Rows of context kept after a marked line. Default 12. */
  contextAfter?: number;
  /** Marked lines kept at most (the weakest are dropped first). Default 40. */
  maxAnchors?: number;
  /** A longer line is cut, with `… [+N chars]`. Default 500. */
  maxLineChars?: number;
}

export type ResolvedExcerptOptions = Required<ExcerptOptions>;

const DEFAULTS: ResolvedExcerptOptions = {
  budgetTokens: 2000,
  headLines: 5,
  tailLines: 30,
  contextBefore: 8,
  contextAfter: 12,
  maxAnchors: 40,
  maxLineChars: 500,
};

export function resolveExcerptOptions(options: ExcerptOptions = {}): ResolvedExcerptOptions {
  const resolved = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ResolvedExcerptOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const min = key === 'maxLineChars' ? 16 : 0;
    if (!Number.isSafeInteger(value) || value < min)
      throw new RangeError(`excerpt option ${key} must be an integer >= ${min}, got ${String(value)}`);
    resolved[key] = value;
  }
  return resolved;
}
