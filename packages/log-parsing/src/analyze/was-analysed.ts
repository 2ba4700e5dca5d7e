import type { AnalyzedInput } from './analysis-result';

/** Whether anything was read from an input: false for `unreadable` and `skipped` ones. */
export function wasAnalysed(input: AnalyzedInput): boolean {
  return input.format !== 'unreadable' && input.format !== 'skipped';
}
