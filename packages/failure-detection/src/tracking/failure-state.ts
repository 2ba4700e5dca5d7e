import { MAX_MARKER_JSON_CHARS } from '@nightshift/github-ops';
import { z } from 'zod';

/** Marker kind of a failure issue: `<!-- nightshift:failure {…} -->`. */
export const FAILURE_MARKER = 'failure';

/** One run in which the failure was seen: a row of the occurrence table. */
export interface Occurrence {
  source: string;
  runId: string;
  url: string;
  /** When the run completed (or was created, when the source did not say). */
  at: string;
  branch: string | null;
  version: string | null;
  attempt: number;
}

/** Everything the detector remembers about one tracked failure, kept in the marker. */
export interface FailureState {
  v: 1;
  /** Issue identity: `FailureGroup.key`. */
  key: string;
  signature: string;
  fingerprints: string[];
  tests: string[];
  /** Distinct tests ever listed (`tests` keeps the first TEST_CAP). */
  testCount: number;
  sources: string[];
  category: string;
  rule: string | null;
  firstSeen: string;
  lastSeen: string;
  /** Occurrences ever recorded; `occurrences` keeps the newest rows. */
  total: number;
  /** Oldest first. */
  occurrences: Occurrence[];
  /** Versions (Prow) or branches (GitHub) the failure was seen on. */
  affected: string[];
  /** Pass/fail counts on the same commit (or re-run) within the history window. */
  flaky: { passes: number; fails: number } | null;
  /** Set when the failure stopped happening; cleared when it comes back. */
  recovered: { at: string; runs: number } | null;
  regressions: number;
}

/** Caps that keep a marker well under github-ops' 32 KiB marker limit in the common case. */
export const OCCURRENCE_CAP = 50;
export const TEST_CAP = 50;
export const FINGERPRINT_CAP = 50;
export const AFFECTED_CAP = 30;
export const TEST_NAME_CHARS = 300;

const str = z.string().max(2000);
const occurrenceSchema = z.object({
  source: str,
  runId: str,
  url: str.catch(''),
  at: str,
  branch: str.nullable().catch(null),
  version: str.nullable().catch(null),
  attempt: z.number().int().min(1).catch(1),
});

/**
 * Lenient on purpose: people with write access can edit an issue body, and an older Nightshift
 * may have written fewer fields. Only `key` is required; a field that does not parse falls back to
 * a safe default instead of losing the issue (which would open a duplicate).
 */
const failureStateSchema = z.object({
  v: z.literal(1).catch(1),
  key: z.string().min(1).max(500),
  signature: str.catch(''),
  fingerprints: z.array(str).max(1000).catch([]),
  tests: z.array(str).max(1000).catch([]),
  testCount: z.number().int().min(0).catch(0),
  sources: z.array(str).max(200).catch([]),
  category: str.catch('unknown'),
  rule: str.nullable().catch(null),
  firstSeen: str.catch(''),
  lastSeen: str.catch(''),
  total: z.number().int().min(0).catch(0),
  occurrences: z.array(occurrenceSchema).max(1000).catch([]),
  affected: z.array(str).max(1000).catch([]),
  flaky: z
    .object({ passes: z.number().int().min(0), fails: z.number().int().min(0) })
    .nullable()
    .catch(null),
  recovered: z
    .object({ at: str, runs: z.number().int().min(0) })
    .nullable()
    .catch(null),
  regressions: z.number().int().min(0).catch(0),
});

/** The marker payload as FailureState, or null when it carries no usable key. */
export function parseFailureState(data: unknown): FailureState | null {
  const result = failureStateSchema.safeParse(data);
  if (!result.success) return null;
  const state = result.data as FailureState;
  state.testCount = Math.max(state.testCount, state.tests.length);
  state.total = Math.max(state.total, state.occurrences.length);
  return state;
}

/**
 * Trim a state until its marker fits: older occurrence rows first (the total is kept), then the
 * test list (the count is kept), then long names. Returns a new object.
 */
export function fitFailureState(state: FailureState, maxChars = MAX_MARKER_JSON_CHARS - 512): FailureState {
  const out: FailureState = {
    ...state,
    occurrences: state.occurrences.slice(-OCCURRENCE_CAP),
    tests: state.tests.slice(0, TEST_CAP).map((t) => clip(t, TEST_NAME_CHARS)),
    fingerprints: state.fingerprints.slice(0, FINGERPRINT_CAP),
    affected: state.affected.slice(-AFFECTED_CAP),
  };
  const size = () => JSON.stringify(out).length;
  while (size() > maxChars && out.occurrences.length > 5) out.occurrences = out.occurrences.slice(1);
  while (size() > maxChars && out.tests.length > 5) out.tests = out.tests.slice(0, -1);
  if (size() > maxChars) {
    out.tests = out.tests.map((t) => clip(t, 80));
    out.occurrences = out.occurrences.map((o) => ({
      ...o,
      url: clip(o.url, 200),
      source: clip(o.source, 60),
    }));
  }
  return out;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
