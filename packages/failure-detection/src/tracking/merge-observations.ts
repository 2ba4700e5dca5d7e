import type { AnalysisResult } from '@nightshift/log-parsing';
import { cleanCode } from '../render/sanitize';
import type { CiRun, FailureGroup } from '../types';
import {
  AFFECTED_CAP,
  type FailureState,
  FINGERPRINT_CAP,
  OCCURRENCE_CAP,
  type Occurrence,
  TEST_CAP,
} from './failure-state';

/** One failure group seen in one run this cycle. */
export interface Observation {
  run: CiRun;
  group: FailureGroup;
  analysis: AnalysisResult;
}

export interface MergeResult {
  state: FailureState;
  /** Occurrences not recorded before, oldest first. */
  added: Occurrence[];
  /** Versions/branches and sources seen for the first time (empty for a new issue). */
  newAffected: string[];
  newSources: string[];
}

/** A run as an occurrence row; CI-supplied text is cleaned here, since the marker keeps it. */
export function occurrenceOf(run: CiRun): Occurrence {
  return {
    source: run.source,
    runId: cleanCode(run.id),
    url: cleanCode(run.url),
    at: run.completedAt ?? run.createdAt,
    branch: run.branch === null ? null : cleanCode(run.branch),
    version: run.version === null ? null : cleanCode(run.version),
    attempt: run.attempt,
  };
}

/** What a version/branch column means for a run: the release version, else the branch. */
export function affectedOf(run: Pick<CiRun, 'version' | 'branch'>): string | null {
  return run.version ?? run.branch ?? null;
}

const occurrenceId = (o: Occurrence) => `${o.source}\u0000${o.runId}\u0000${o.attempt}`;

/**
 * Fold this cycle's observations of one key into its state. Pure and idempotent: a run already
 * recorded adds nothing, so re-processing the same data yields an identical state.
 */
export function mergeObservations(
  previous: FailureState | null,
  observations: readonly Observation[],
): MergeResult {
  const sorted = [...observations].sort((a, b) => compareAt(occurrenceOf(a.run).at, occurrenceOf(b.run).at));
  const first = sorted[0];
  if (!previous && !first) throw new TypeError('mergeObservations: nothing to merge');
  const state: FailureState = previous ? structuredClone(previous) : initialState(first!);
  const known = new Set(state.occurrences.map(occurrenceId));
  const added: Occurrence[] = [];
  const newAffected: string[] = [];
  const newSources: string[] = [];
  for (const { run, group } of sorted) {
    const occurrence = occurrenceOf(run);
    if (known.has(occurrenceId(occurrence))) continue;
    // Older than every kept row while the table is full: it was recorded and trimmed long ago.
    const oldest = state.occurrences[0];
    if (
      previous &&
      state.occurrences.length >= OCCURRENCE_CAP &&
      oldest &&
      compareAt(occurrence.at, oldest.at) < 0
    )
      continue;
    known.add(occurrenceId(occurrence));
    added.push(occurrence);
    state.occurrences.push(occurrence);
    state.total++;
    const affected = affectedOf(occurrence);
    if (affected && !state.affected.includes(affected)) {
      state.affected.push(affected);
      if (previous) newAffected.push(affected);
    }
    if (!state.sources.includes(run.source)) {
      state.sources.push(run.source);
      if (previous) newSources.push(run.source);
    }
    for (const raw of group.tests) {
      // Test names are kept in the marker: redacted like everything else that reaches an issue.
      const test = cleanCode(raw);
      if (state.tests.includes(test)) continue;
      if (state.tests.length < TEST_CAP) state.tests.push(test);
      state.testCount++;
    }
    for (const fp of group.fingerprints) {
      if (!state.fingerprints.includes(fp) && state.fingerprints.length < FINGERPRINT_CAP)
        state.fingerprints.push(fp);
    }
    // The newest classification wins: rules improve, and the issue should describe today's failure.
    state.category = group.primary.category;
    state.rule = group.primary.rule;
    if (!state.firstSeen || compareAt(occurrence.at, state.firstSeen) < 0) state.firstSeen = occurrence.at;
    if (!state.lastSeen || compareAt(occurrence.at, state.lastSeen) > 0) state.lastSeen = occurrence.at;
  }
  state.occurrences.sort((a, b) => compareAt(a.at, b.at));
  state.occurrences = state.occurrences.slice(-OCCURRENCE_CAP);
  state.affected = state.affected.slice(-AFFECTED_CAP);
  return { state, added, newAffected, newSources };
}

function initialState(first: Observation): FailureState {
  const { group } = first;
  return {
    v: 1,
    key: group.key,
    signature: group.signature,
    fingerprints: [],
    tests: [],
    testCount: 0,
    sources: [],
    category: group.primary.category,
    rule: group.primary.rule,
    firstSeen: '',
    lastSeen: '',
    total: 0,
    occurrences: [],
    affected: [],
    flaky: null,
    recovered: null,
    regressions: 0,
  };
}

function compareAt(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
