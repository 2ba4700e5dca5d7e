import type { DetectorResult, IssueRef } from '@nightshift/failure-detection';
import { type RepoRef, repoName } from '@nightshift/github-ops';

export interface SummaryContext {
  issueRepo: RepoRef;
  sources: readonly string[];
  dryRun: boolean;
}

const ACTIONS: { key: 'created' | 'reopened' | 'updated' | 'flaky' | 'recovered'; label: string }[] = [
  { key: 'created', label: 'new' },
  { key: 'reopened', label: 'regression (reopened)' },
  { key: 'updated', label: 'seen again' },
  { key: 'flaky', label: 'flaky' },
  { key: 'recovered', label: 'recovered' },
];

/**
 * The job summary: what the cycle found, as a table of issues, then the counts and any source
 * errors. Titles come from the detector (already sanitised); they are escaped again for the table.
 */
export function renderSummary(result: DetectorResult, ctx: SummaryContext): string {
  const out: string[] = [`## Nightshift detector${ctx.dryRun ? ' (dry run: nothing was written)' : ''}`, ''];
  const rows = issueRows(result);
  if (rows.length > 0) {
    out.push('| Issue | Failure | What happened |', '| --- | --- | --- |');
    for (const row of rows)
      out.push(`| ${row.link} | ${cell(row.issue.title)} | ${row.actions.join(', ')} |`);
  } else {
    out.push(ctx.dryRun ? 'No issue would change.' : 'No issue changed.');
  }
  out.push(
    '',
    `Runs processed: **${result.runsProcessed}** · still in progress (next cycle): ${result.runsSkippedInProgress} · ` +
      `failures already up to date: ${result.unchanged} · issues in \`${repoName(ctx.issueRepo)}\``,
    `Sources: ${ctx.sources.map((s) => `\`${cell(s)}\``).join(', ') || '(none)'}`,
  );
  if (ctx.dryRun && result.plannedOperations) {
    const creates = result.plannedOperations.filter((op) => op.action === 'create-issue');
    out.push('', `Planned writes: ${result.plannedOperations.length} (${creates.length} new issue(s))`);
    for (const op of creates) if (op.action === 'create-issue') out.push(`- ${cell(op.title)}`);
  }
  if (result.sourceErrors.length > 0) {
    out.push('', '### Source errors', '');
    for (const e of result.sourceErrors) out.push(`- \`${cell(e.source)}\`: ${cell(e.message)}`);
  }
  if (result.runErrors.length > 0) {
    out.push('', '### Runs not read (retried next cycle)', '');
    for (const e of result.runErrors)
      out.push(`- \`${cell(e.source)}\` run ${cell(e.run)}: ${cell(e.message)}`);
  }
  return `${out.join('\n')}\n`;
}

interface Row {
  issue: IssueRef;
  link: string;
  actions: string[];
}

/** One row per issue, listing everything that happened to it (created and flaky, say). */
function issueRows(result: DetectorResult): Row[] {
  const rows = new Map<string, Row>();
  for (const { key, label } of ACTIONS) {
    for (const issue of result[key]) {
      const id = `${issue.number}:${issue.key}`;
      const row = rows.get(id) ?? {
        issue,
        link: issue.number > 0 ? `[#${issue.number}](${issue.url})` : '(new)',
        actions: [],
      };
      row.actions.push(label);
      rows.set(id, row);
    }
  }
  return [...rows.values()];
}

/** Table-cell safe: no pipes or newlines, no HTML, bounded length. */
function cell(text: string): string {
  const flat = text
    .replace(/[\r\n]+/g, ' ')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
