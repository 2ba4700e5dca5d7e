import type { DetectorResult, IssueRef } from '@nightshift/failure-detection';

export interface DetectorReportContext {
  /** Configured source names, in config order. */
  sources: readonly string[];
  issueRepo: string;
  dryRun: boolean;
}

/**
 * What a detector cycle did, for a terminal: issues per source (titles start with `[<source>]`),
 * then flaky / recovered / reopened, counts and source errors.
 */
export function renderDetectorText(result: DetectorResult, ctx: DetectorReportContext): string {
  const out: string[] = [];
  const verb = ctx.dryRun ? 'would be created' : 'created';
  out.push(
    `Issues ${verb} in ${ctx.issueRepo}: ${ctx.dryRun ? plannedTitles(result).length : result.created.length}`,
  );
  if (ctx.dryRun) {
    for (const [source, titles] of bySource(plannedTitles(result), (t) => t, ctx.sources)) {
      out.push(`  ${source}`, ...titles.map((t) => `    - ${t}`));
    }
  } else {
    for (const [source, issues] of bySource(result.created, (i) => i.title, ctx.sources)) {
      out.push(`  ${source}`, ...issues.map((i) => `    #${i.number}  ${i.title}`));
    }
  }
  const list = (label: string, refs: IssueRef[]) => {
    if (refs.length > 0) out.push(`${label}: ${refs.map((r) => `#${r.number}`).join(', ')}`);
  };
  list('Seen again (updated)', result.updated);
  list('Regressions (reopened)', result.reopened);
  list('Flaky', result.flaky);
  list('Recovered', result.recovered);
  out.push(
    `Runs: ${result.runsProcessed} processed, ${result.runsSkippedInProgress} still in progress (picked up by a later cycle), ` +
      `${result.unchanged} failure(s) already up to date`,
  );
  if (result.sourceErrors.length === 0) out.push('Source errors: none');
  else {
    out.push(`Source errors: ${result.sourceErrors.length}`);
    for (const e of result.sourceErrors) out.push(`  ${e.source}: ${e.message}`);
  }
  if (result.runErrors.length > 0) {
    out.push(`Runs not read (retried next cycle): ${result.runErrors.length}`);
    for (const e of result.runErrors) out.push(`  ${e.source} run ${e.run}: ${e.message}`);
  }
  return `${out.join('\n')}\n`;
}

function plannedTitles(result: DetectorResult): string[] {
  return (result.plannedOperations ?? []).flatMap((op) => (op.action === 'create-issue' ? [op.title] : []));
}

/** Groups items by the configured source their title names (`[<source>] …`), in config order. */
function bySource<T>(
  items: readonly T[],
  title: (item: T) => string,
  sources: readonly string[],
): [string, T[]][] {
  // Longest name first, so `nightly 5.0 upstream` is not taken for `nightly 5.0`.
  const names = [...sources].sort((a, b) => b.length - a.length);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const t = title(item);
    const source = names.find((name) => t.startsWith(`[${name}]`)) ?? '(other)';
    groups.set(source, [...(groups.get(source) ?? []), item]);
  }
  const order = [...sources, '(other)'];
  return [...groups.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}
