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
  /**
   * Length of a prefix of each pushed line to leave out of the excerpt (a GitHub job log's runner
   * timestamp: tokens that say nothing about the failure). Called only for lines that may end up
   * in a row, so a caller need not measure the prefix of every line of a long log.
   */
  dropPrefix?: (text: string) => number;
}

export type ResolvedExcerptOptions = Required<Omit<ExcerptOptions, 'dropPrefix'>>;

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
  if (options.dropPrefix !== undefined && typeof options.dropPrefix !== 'function')
    throw new TypeError(`excerpt option dropPrefix must be a function, got ${typeof options.dropPrefix}`);
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
