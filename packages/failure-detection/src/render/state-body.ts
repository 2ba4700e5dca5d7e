import { renderStateMarkers, type SourceState } from '../tracking/detector-state';
import { cell, formatDate, inlineCode } from './markdown';
import { cleanLine, proseLine } from './sanitize';

/** The state issue's body: a readable table, then one marker per source (the real state). */
export function renderStateBody(states: readonly SourceState[]): string {
  const sorted = [...states].sort((a, b) => a.source.localeCompare(b.source));
  const rows = sorted.map((s) => {
    const last = s.cursor?.lastRunId
      ? `${inlineCode(cleanLine(s.cursor.lastRunId, 40))}${s.cursor.lastCompletedAt ? ` (${formatDate(s.cursor.lastCompletedAt)})` : ''}`
      : '—';
    return `| ${cell(proseLine(s.source, 60))} | ${cell(last)} | ${s.runs.length} |`;
  });
  return [
    'Nightshift keeps its detector state here: where each source was last read, and the recent runs it needs to spot flaky and recovered failures. Do not edit; close it only to reset the detector.',
    ['| Source | Last run read | Runs remembered |', '|---|---|---|', ...rows].join('\n'),
    ...renderStateMarkers(sorted),
    '',
  ].join('\n\n');
}
