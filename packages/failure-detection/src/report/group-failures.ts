import type { AnalyzedFailure } from '@nightshift/log-parsing';
import type { FailureGroup } from '../types';

export interface GroupFailuresOptions {
  /** Distinct tests sharing one signature in a run from which they become one group. Default 3. */
  spreadThreshold?: number;
}

const SETUP_NAME = /^\[(?:Synchronized)?(?:Before|After)Suite\]/;
/**
 * Ginkgo's echo of a setup failure on the other parallel processes: a cascade, not a new failure.
 * The phrase is contiguous even when colour escapes surround it, so no ANSI stripping is needed.
 */
const SETUP_ECHO = /\bfailed on Ginkgo parallel process #\d+/;

/**
 * Failures of ONE run → the issues they belong to. Normally one group per fingerprint (test +
 * failure mode). A signature shared by `spreadThreshold` or more distinct tests (an API
 * `Unauthorized` wiping 20 specs), or carried by a setup node (`[SynchronizedBeforeSuite]` fails
 * the whole suite), becomes ONE group keyed `sig:<signature>` listing every test. Ginkgo's
 * "failed on Ginkgo parallel process #1" echoes join the run's first real setup group.
 *
 * The result does not depend on input order: failures, tests, fingerprints and groups are sorted.
 */
export function groupFailures(
  failures: AnalyzedFailure[],
  options: GroupFailuresOptions = {},
): FailureGroup[] {
  const threshold = Math.max(1, options.spreadThreshold ?? 3);
  const sorted = [...failures].sort(compareFailures);
  const bySignature = new Map<string, AnalyzedFailure[]>();
  for (const failure of sorted) push(bySignature, failure.signature, failure);

  const spread = new Set<string>();
  for (const [sig, members] of bySignature) {
    const tests = new Set(members.flatMap((f) => (f.test === null ? [] : [f.test])));
    if (tests.size >= threshold || members.some(isSetup)) spread.add(sig);
  }
  // Echo-only signatures fold into the first real setup signature, when the run has one.
  const realSetup = [...spread]
    .filter((sig) => bySignature.get(sig)!.some((f) => isSetup(f) && !isSetupEcho(f)))
    .sort(compareText)[0];
  const target = (failure: AnalyzedFailure): string =>
    spread.has(failure.signature)
      ? `sig:${realSetup !== undefined && bySignature.get(failure.signature)!.every(isSetupEcho) ? realSetup : failure.signature}`
      : `fp:${failure.fingerprint}`;

  const byKey = new Map<string, AnalyzedFailure[]>();
  for (const failure of sorted) push(byKey, target(failure), failure);
  return [...byKey.entries()]
    .map(([key, members]) => toGroup(key, members))
    .sort((a, b) => rankKey(a.key) - rankKey(b.key) || compareText(a.key, b.key));
}

function toGroup(key: string, members: AnalyzedFailure[]): FailureGroup {
  // The decisive failure: a real setup failure if any (it caused the rest), else the first.
  const primary =
    members.find((f) => isSetup(f) && !isSetupEcho(f)) ?? members.find((f) => !isSetupEcho(f)) ?? members[0]!;
  return {
    key,
    signature: key.startsWith('sig:') ? key.slice(4) : primary.signature,
    fingerprints: unique(members.map((f) => f.fingerprint)),
    tests: unique(members.flatMap((f) => (f.test === null ? [] : [f.test]))),
    primary,
  };
}

function isSetup(failure: AnalyzedFailure): boolean {
  return failure.kind === 'setup' || SETUP_NAME.test(failure.test ?? '');
}

function isSetupEcho(failure: AnalyzedFailure): boolean {
  return isSetup(failure) && SETUP_ECHO.test(failure.message);
}

function compareFailures(a: AnalyzedFailure, b: AnalyzedFailure): number {
  return (
    compareText(a.test ?? '', b.test ?? '') ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.suite ?? '', b.suite ?? '') ||
    compareText(a.message, b.message)
  );
}

/** Spread groups first (one incident, many tests), then per-test groups. */
function rankKey(key: string): number {
  return key.startsWith('sig:') ? 0 : 1;
}

/** Code-unit order: stable across locales, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
