import { MAX_MARKER_JSON_CHARS, parseMarkers, renderMarker } from '@nightshift/github-ops';
import { z } from 'zod';
import type { SourceCursor } from '../types';

/** Marker kind of the detector's state, one marker per source in the state issue's body. */
export const STATE_MARKER = 'state';
export const STATE_LABEL = 'nightshift-state';
export const STATE_TITLE = 'Nightshift detector state';

/**
 * One processed run, as the detector remembers it for recovery and flakiness. Short field names:
 * every source's history shares one issue body (≤ 65,536 characters).
 */
export interface RunRecord {
  /** Run or build id. */
  i: string;
  /** Attempt. */
  a: number;
  /** Head commit, first 12 characters (null for Prow). */
  s: string | null;
  /** Created at (ISO): history is ordered by it. */
  t: string;
  /** pass (success), fail (failure / timed out), other (cancelled, skipped, …). */
  r: 'pass' | 'fail' | 'other';
  /** Issue keys failing in this run; null when there were too many to remember (then unknown). */
  k: string[] | null;
  /** Processed while an older run was still in progress: kept until the cursor passes it. */
  p?: 1;
}

export interface SourceState {
  source: string;
  cursor: SourceCursor | null;
  /** Oldest first (by `t`, then id). */
  runs: RunRecord[];
}

/** Runs remembered per source beyond those the cursor has not passed yet. */
export const HISTORY_RUNS = 20;
/** Total characters the state markers may use, shared between sources (issue body cap 65,536). */
export const STATE_BUDGET_CHARS = 56_000;

const runSchema = z.object({
  i: z.string().min(1).max(64),
  a: z.number().int().min(1).catch(1),
  s: z.string().max(64).nullable().catch(null),
  t: z.string().max(64),
  r: z.enum(['pass', 'fail', 'other']).catch('other'),
  k: z.array(z.string().max(500)).max(10_000).nullable().catch(null),
  p: z.literal(1).optional().catch(undefined),
});

const sourceStateSchema = z.object({
  v: z.literal(1).catch(1),
  source: z.string().min(1).max(200),
  cursor: z
    .object({ lastRunId: z.string().max(64).nullable(), lastCompletedAt: z.string().max(64).nullable() })
    .nullable()
    .catch(null),
  runs: z.array(z.unknown()).max(10_000).catch([]),
});

/** Per-source states found in a state issue body; a malformed entry is dropped, never thrown. */
export function parseDetectorState(body: string | null | undefined): Map<string, SourceState> {
  const states = new Map<string, SourceState>();
  for (const marker of parseMarkers(body, STATE_MARKER)) {
    const parsed = sourceStateSchema.safeParse(marker.data);
    if (!parsed.success || states.has(parsed.data.source)) continue;
    const runs = parsed.data.runs.flatMap((run) => {
      const r = runSchema.safeParse(run);
      return r.success ? [stripUndefined(r.data)] : [];
    });
    states.set(parsed.data.source, {
      source: parsed.data.source,
      cursor: parsed.data.cursor,
      runs: sortRuns(runs),
    });
  }
  return states;
}

/** Every source's state trimmed to its share of the budget, sorted by source name. */
export function fitStates(
  states: readonly SourceState[],
  budgetChars = STATE_BUDGET_CHARS,
): ReturnType<typeof fitSourceState>[] {
  const share = Math.min(MAX_MARKER_JSON_CHARS - 256, Math.floor(budgetChars / Math.max(1, states.length)));
  return [...states]
    .sort((a, b) => a.source.localeCompare(b.source))
    .map((state) => fitSourceState(state, share));
}

/** Markers for every source, each trimmed to its share of the budget. */
export function renderStateMarkers(
  states: readonly SourceState[],
  budgetChars = STATE_BUDGET_CHARS,
): string[] {
  return fitStates(states, budgetChars).map((fitted) => renderMarker(STATE_MARKER, fitted));
}

/**
 * Trim a source's history to `maxChars` of JSON: drop the oldest runs the cursor has passed (beyond
 * HISTORY_RUNS first, then down to the newest few), then forget key lists of the oldest runs
 * (recovery then treats them as unknown), and only last drop runs the cursor has not passed.
 */
export function fitSourceState(
  state: SourceState,
  maxChars: number,
): { v: 1; source: string; cursor: SourceState['cursor']; runs: RunRecord[] } {
  let runs = sortRuns(state.runs);
  const passed = runs.filter((r) => !r.p);
  const excess = passed.length - HISTORY_RUNS;
  if (excess > 0) {
    const drop = new Set(passed.slice(0, excess));
    runs = runs.filter((r) => !drop.has(r));
  }
  const payload = () => ({ v: 1 as const, source: state.source, cursor: state.cursor, runs });
  const size = () => JSON.stringify(payload()).length;
  while (size() > maxChars && runs.filter((r) => !r.p).length > 3) {
    const oldest = runs.findIndex((r) => !r.p);
    runs = runs.filter((_, i) => i !== oldest);
  }
  for (let i = 0; size() > maxChars && i < runs.length; i++) {
    if (runs[i]!.k !== null) runs = runs.map((r, j) => (j === i ? { ...r, k: null } : r));
  }
  while (size() > maxChars && runs.length > 0) runs = runs.slice(1);
  return payload();
}

export function sortRuns(runs: RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : compareIds(a.i, b.i) || a.a - b.a));
}

/** Prow build ids exceed 2^53: compare as digit strings (length, then lexically). */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function runKey(run: { i: string; a: number }): string {
  return `${run.i}#${run.a}`;
}

function stripUndefined(run: z.infer<typeof runSchema>): RunRecord {
  const out: RunRecord = { i: run.i, a: run.a, s: run.s, t: run.t, r: run.r, k: run.k };
  if (run.p === 1) out.p = 1;
  return out;
}
