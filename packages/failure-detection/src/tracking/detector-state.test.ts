import { MAX_MARKER_JSON_CHARS, renderMarker } from '@nightshift/github-ops';
import { describe, expect, it } from 'vitest';
import {
  compareIds,
  fitSourceState,
  HISTORY_RUNS,
  parseDetectorState,
  type RunRecord,
  renderStateMarkers,
  type SourceState,
} from './detector-state';

const record = (i: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  i: String(1_000_000 + i),
  a: 1,
  s: 'abcdef123456',
  t: new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString(),
  r: 'fail',
  k: ['fp:v1:0123456789abcdef'],
  ...extra,
});

describe('detector state markers', () => {
  it('round-trips per-source state through the issue body', () => {
    const states: SourceState[] = [
      {
        source: 'nightly 5.0',
        cursor: { lastRunId: '1000002', lastCompletedAt: '2024-05-01T00:02:00Z' },
        runs: [record(1), record(2, { r: 'pass', k: [] })],
      },
      { source: 'netdevsim', cursor: null, runs: [record(3, { p: 1 })] },
    ];
    const body = `text\n\n${renderStateMarkers(states).join('\n\n')}\n`;
    const parsed = parseDetectorState(body);
    expect([...parsed.keys()].sort()).toEqual(['netdevsim', 'nightly 5.0']);
    expect(parsed.get('nightly 5.0')).toEqual(states[0]);
    expect(parsed.get('netdevsim')).toEqual(states[1]);
  });

  it('drops malformed entries instead of throwing', () => {
    const body = [
      renderMarker('state', { v: 1, source: 'ok', cursor: null, runs: [record(1), { i: 5 }, 'junk'] }),
      renderMarker('state', { nope: true }),
      '<!-- nightshift:state {not json -->',
    ].join('\n');
    const parsed = parseDetectorState(body);
    expect([...parsed.keys()]).toEqual(['ok']);
    expect(parsed.get('ok')?.runs).toHaveLength(1);
    expect(parseDetectorState(null).size).toBe(0);
  });

  it('keeps HISTORY_RUNS passed runs plus every run the cursor has not passed', () => {
    const runs = [
      ...Array.from({ length: 40 }, (_, i) => record(i)),
      record(50, { p: 1 }),
      record(51, { p: 1 }),
    ];
    const fitted = fitSourceState({ source: 's', cursor: null, runs }, 100_000) as { runs: RunRecord[] };
    expect(fitted.runs).toHaveLength(HISTORY_RUNS + 2);
    expect(fitted.runs.at(-1)?.i).toBe('1000051');
    expect(fitted.runs[0]?.i).toBe(String(1_000_000 + 40 - HISTORY_RUNS));
  });

  it('fits a tight budget: older runs, then key lists, go first', () => {
    const many = Array.from({ length: 300 }, (_, j) => `fp:v1:${String(j).padStart(16, '0')}`);
    const runs = Array.from({ length: 10 }, (_, i) => record(i, { k: many }));
    const fitted = fitSourceState({ source: 's', cursor: null, runs }, 4000) as { runs: RunRecord[] };
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(4000);
    expect(fitted.runs.length).toBeGreaterThan(0);
    expect(fitted.runs.some((r) => r.k === null)).toBe(true);
  });

  it('splits the body budget between sources and stays under the marker cap', () => {
    const states = Array.from({ length: 3 }, (_, s) => ({
      source: `source ${s}`,
      cursor: null,
      runs: Array.from({ length: 30 }, (_, i) =>
        record(i, { k: Array.from({ length: 40 }, (_, j) => `fp:v1:${s}${i}${j}`.padEnd(22, '0')) }),
      ),
    }));
    const markers = renderStateMarkers(states);
    for (const marker of markers) expect(marker.length).toBeLessThan(MAX_MARKER_JSON_CHARS);
    expect(markers.join('\n').length).toBeLessThan(60_000);
  });

  it('compares Prow build ids beyond 2^53 as digit strings', () => {
    expect(compareIds('1790000000000000001', '1790000000000000002')).toBeLessThan(0);
    expect(compareIds('999', '1000')).toBeLessThan(0);
    expect(compareIds('1000', '1000')).toBe(0);
  });
});
