import { renderMarker } from '@nightshift/github-ops';
import { FAILURE_MARKER, type FailureState, fitFailureState } from '../tracking/failure-state';
import { cell, formatDate, inlineCode, link } from './markdown';
import { type ReportSectionInput, renderReportSection } from './report-section';
import { cleanLine, proseLine } from './sanitize';

/** GitHub rejects issue bodies longer than this. */
export const BODY_LIMIT = 65_536;
/** What we aim for, leaving room for GitHub's own accounting (it counts some characters twice). */
export const BODY_MAX = 60_000;

/** The latest run's details sit between these, so an update without a new run can keep them. */
export const REPORT_BEGIN = '<!-- nightshift-report-begin -->';
export const REPORT_END = '<!-- nightshift-report-end -->';

const OCCURRENCE_ROWS = 50;

export type ReportSource = { input: ReportSectionInput } | { existing: string } | null;

/**
 * A failure issue's body: status and summary table, the latest run's details, the occurrence
 * table and the state marker. Always under BODY_MAX: the excerpt goes first, then older
 * occurrence rows, and the body says what was left out.
 */
export function renderFailureBody(state: FailureState, report: ReportSource): string {
  const marker = renderMarker(FAILURE_MARKER, fitFailureState(state));
  const header = renderHeader(state);
  const allRows = Math.min(OCCURRENCE_ROWS, state.occurrences.length);
  const assemble = (section: string, rows: number) => {
    const note =
      rows < allRows ? "\n\n_Older occurrence rows were left out to stay under GitHub's size limit._" : '';
    return [
      header,
      `${REPORT_BEGIN}\n${section}\n${REPORT_END}`,
      renderOccurrences(state, rows) + note,
      '_Maintained by Nightshift: the body is rewritten on every update; discuss in comments._',
      marker,
      '',
    ].join('\n\n');
  };
  // The excerpt gives way first (inside the section), then older occurrence rows, and only then
  // the failure message and the test list.
  const budgetFor = (rows: number) => BODY_MAX - assemble('', rows).length;
  const steps: number[] = [];
  for (let rows = allRows; ; rows = Math.floor(rows / 2)) {
    if (rows <= 5) {
      steps.push(Math.min(allRows, 5));
      break;
    }
    steps.push(rows);
  }
  for (const rows of steps) {
    const section = renderSection(report, budgetFor(rows), true);
    if (section) return assemble(section.text, rows);
  }
  const rows = steps.at(-1)!;
  return assemble(renderSection(report, budgetFor(rows), false)?.text ?? '', rows);
}

/** The latest-run section of a body written by renderFailureBody, or null. */
export function extractReportSection(body: string | null | undefined): string | null {
  if (!body) return null;
  const start = body.indexOf(REPORT_BEGIN);
  const end = body.indexOf(REPORT_END, start + REPORT_BEGIN.length);
  if (start === -1 || end === -1) return null;
  return body.slice(start + REPORT_BEGIN.length, end).trim();
}

function renderSection(
  report: ReportSource,
  budget: number,
  fullDetailOnly: boolean,
): { text: string } | null {
  if (report && 'input' in report) return renderReportSection(report.input, budget, { fullDetailOnly });
  if (!report || report.existing === '') return { text: '_Details of the latest run are not available._' };
  // Cutting an existing section could leave a code fence open and swallow the rest: drop it whole.
  if (report.existing.length <= budget) return { text: report.existing };
  if (fullDetailOnly) return null;
  return { text: "_Details of the latest run were left out to stay under GitHub's size limit._" };
}

export function statusLine(state: FailureState): string {
  const parts: string[] = [];
  if (state.recovered) {
    parts.push(
      `**Recovered**: absent from the last ${state.recovered.runs} completed runs (since ${formatDate(state.recovered.at)})`,
    );
  } else {
    parts.push('**Failing**');
  }
  if (state.flaky)
    parts.push(`**Flaky**: ${state.flaky.passes} passed / ${state.flaky.fails} failed on the same commit`);
  if (state.regressions > 0) parts.push(`**Regression** (came back ${state.regressions}×)`);
  return parts.join(' · ');
}

function renderHeader(state: FailureState): string {
  const list = (values: string[], max: number) =>
    values.length === 0
      ? '—'
      : values
          .slice(0, max)
          .map((v) => inlineCode(cleanLine(v, 60)))
          .join(', ') + (values.length > max ? ` and ${values.length - max} more` : '');
  const rule = state.rule ? ` (rule ${inlineCode(cleanLine(state.rule, 100))})` : '';
  const rows: Array<[string, string]> = [
    ['Status', statusLine(state)],
    ['Sources', list(state.sources, 10)],
    ['First seen', formatDate(state.firstSeen)],
    ['Last seen', formatDate(state.lastSeen)],
    ['Occurrences', String(state.total)],
    ['Affected', list(state.affected, 10)],
    ['Category', `${inlineCode(cleanLine(state.category, 60))}${rule}`],
    ['Tests', String(Math.max(state.testCount, state.tests.length))],
    ['Signature', inlineCode(cleanLine(state.signature, 80))],
  ];
  const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| **${k}** | ${cell(v)} |`)].join('\n');
  return `Nightshift is tracking this CI failure.\n\n${table}`;
}

function renderOccurrences(state: FailureState, rows: number): string {
  const shown = state.occurrences.slice(-rows).reverse();
  const title =
    state.total > shown.length
      ? `### Occurrences (latest ${shown.length} of ${state.total})`
      : `### Occurrences (${state.total})`;
  const lines = shown.map((o) => {
    const where = [o.branch, o.version && o.version !== o.branch ? o.version : null]
      .filter(Boolean)
      .join(' / ');
    return `| ${link(proseLine(o.runId, 40), o.url)} | ${formatDate(o.at)} | ${cell(proseLine(o.source, 60))} | ${cell(proseLine(where || '—', 80))} | ${o.attempt} |`;
  });
  return [
    title,
    '',
    '| Run | Date | Source | Branch / version | Attempt |',
    '|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}
