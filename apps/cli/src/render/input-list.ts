import type { AnalyzedInput } from '@nightshift/log-parsing';

/** Inputs listed one by one at most; beyond, the renderers print a summary and the notable ones. */
export const MAX_LISTED_INPUTS = 20;

export interface InputList {
  /** The inputs to show one per line: all in input order, or the notable ones by rank (see below). */
  shown: AnalyzedInput[];
  /** How many inputs are not shown. */
  hidden: number;
  /** "849 inputs: 565 plain, 282 junit-xml, 2 ginkgo-console; 282 partial", or null when all are shown. */
  summary: string | null;
}

/**
 * What to list of the inputs: all of them when there are few; otherwise a summary by format and
 * the inputs worth a look (failed tests, then unreadable, then errors, partial or skipped), so that
 * a downloaded artifact folder of hundreds of files does not bury the failures under one line each.
 */
export function inputList(inputs: readonly AnalyzedInput[], max = MAX_LISTED_INPUTS): InputList {
  if (inputs.length <= max) return { shown: [...inputs], hidden: 0, summary: null };
  const byFormat = new Map<string, number>();
  for (const input of inputs) byFormat.set(input.format, (byFormat.get(input.format) ?? 0) + 1);
  const formats = [...byFormat].sort((a, b) => b[1] - a[1]).map(([format, n]) => `${n} ${format}`);
  const partial = inputs.filter((i) => i.partial).length;
  // Failed tests first, then what could not be read, then the rest worth a look: in a folder of
  // hundreds of truncated reports, the one with the failure must not fall past the cut.
  const notable = inputs
    .map((input, index) => ({ input, index, rank: rank(input) }))
    .filter((x) => x.rank < QUIET)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.input);
  const shown = notable.slice(0, max);
  return {
    shown,
    hidden: inputs.length - shown.length,
    summary: `${inputs.length} inputs: ${formats.join(', ')}${partial > 0 ? `; ${partial} partial` : ''}`,
  };
}

/** Rank of an input nothing is wrong with: not listed. */
const QUIET = 3;

function rank(input: AnalyzedInput): number {
  if ((input.tests?.failed ?? 0) > 0) return 0;
  if (input.format === 'unreadable') return 1;
  if (input.errors.length > 0 || input.partial || input.format === 'skipped') return 2;
  return QUIET;
}
