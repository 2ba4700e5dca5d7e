import { renderMarker } from '@nightshift/github-ops';
import { fitStates, type SourceState, STATE_MARKER } from '../tracking/detector-state';
import { cell, formatDate, inlineCode } from './markdown';
import { cleanLine, proseLine } from './sanitize';

/** The state issue's body: a readable table, then one marker per source (the real state). */
export function renderStateBody(states: readonly SourceState[]): string {
  // The table shows what the markers keep (trimmed), so an unchanged state renders identically
  // and a cycle with nothing new writes nothing.
  const fitted = fitStates(states);
  const rows = fitted.map((s) => {
    const last = s.cursor?.lastRunId
      ? `${inlineCode(cleanLine(s.cursor.lastRunId, 40))}${s.cursor.lastCompletedAt ? ` (${formatDate(s.cursor.lastCompletedAt)})` : ''}`
      : '—';
    return `| ${cell(proseLine(s.source, 60))} | ${cell(last)} | ${s.runs.length} |`;
  });
  return [
    'Nightshift keeps its detector state here: where each source was last read, and the recent runs it needs to spot flaky and recovered failures. Do not edit; close it only to reset the detector.',
    ['| Source | Last run read | Runs remembered |', '|---|---|---|', ...rows].join('\n'),
    ...fitted.map((f) => renderMarker(STATE_MARKER, f)),
    '',
  ].join('\n\n');
}
