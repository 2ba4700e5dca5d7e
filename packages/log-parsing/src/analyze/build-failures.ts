import type { Classifier } from '../classify/index';
import { fingerprint, signature } from '../fingerprint/index';
import { githubTimestampLength } from '../formats/index';
import type { JobFailure, ParsedReport, TestCaseResult } from '../types';
import type { AnalyzedFailure, Evidence } from './analysis-result';
import type { InputAnalysis, LogMatch } from './analyze-input';

const STRUCTURED = new Set<string>(['junit-xml', 'ginkgo-json', 'go-test-json']);

/** Reports that name tests authoritatively (their names win over console logs'). */
export function isStructuredFormat(format: string): boolean {
  return STRUCTURED.has(format);
}
/** Evidence lines quoted per failure. */
const MAX_EVIDENCE = 5;

/**
 * Turns parsed inputs into failure entries. Test names come from structured reports when a console
 * log and a report describe the same tests; job-level failures come from logs.
 */
export function buildFailures(
  inputs: InputAnalysis[],
  classifier: Classifier,
  /** The names of every test of the structured inputs (`structuredTestNames`), when `inputs` no longer list passed tests. */
  structuredNames = allStructuredNames(inputs),
): AnalyzedFailure[] {
  const failures: AnalyzedFailure[] = [];
  for (const input of inputs) {
    const structured = isStructuredFormat(input.format);
    for (const test of input.report.tests) {
      if (test.state !== 'failed') continue;
      if (!structured && describedByStructured(test.name, structuredNames)) continue;
      failures.push(testFailure(input, test, classifier));
    }
    for (const job of input.report.jobFailures) failures.push(explainedJobFailure(input, job, classifier));
  }
  if (failures.length === 0) {
    const fromLogs = logLevelFailure(inputs, classifier);
    if (fromLogs) failures.push(fromLogs);
  }
  return dedupe(failures);
}

/** The names of a structured report's tests, as `buildFailures` compares them with a console log's. */
export function structuredTestNames(report: ParsedReport): string[] {
  return report.tests.map((t) => normaliseName(t.name));
}

function allStructuredNames(inputs: InputAnalysis[]): Set<string> {
  const names = new Set<string>();
  for (const input of inputs) {
    if (isStructuredFormat(input.format))
      for (const name of structuredTestNames(input.report)) names.add(name);
  }
  return names;
}

function testFailure(input: InputAnalysis, test: TestCaseResult, classifier: Classifier): AnalyzedFailure {
  const message = test.message ?? `${test.failureType ?? 'failed'} (no message recorded)`;
  const c = classifier.classifyText(message);
  const sig = signature({ message, rule: c?.rule ?? null, mode: c?.mode ?? null });
  const evidence: Evidence[] = (c?.evidence ?? []).slice(0, MAX_EVIDENCE).map((e) => ({
    path: input.path,
    line: (test.line ?? 0) + e.line,
    text: e.text,
  }));
  if (evidence.length === 0 && test.line) {
    evidence.push({ path: input.path, line: test.line, text: firstLine(message) });
  }
  return {
    test: test.name,
    suite: test.suite,
    kind: test.kind,
    message,
    location: test.location,
    category: c?.category ?? 'unknown',
    rule: c?.rule ?? null,
    mode: c?.mode ?? null,
    signature: sig,
    fingerprint: fingerprint({ test: test.name, suite: test.suite, signature: sig }),
    evidence,
    durationSec: test.durationSec,
    failureType: test.failureType,
  };
}

function jobFailure(input: InputAnalysis, job: JobFailure, classifier: Classifier): AnalyzedFailure {
  const c = classifier.classifyText(job.message);
  const sig = signature({ message: job.message, rule: c?.rule ?? null, mode: c?.mode ?? null });
  return {
    test: null,
    suite: null,
    kind: withoutTest(c?.kind) ?? job.kind,
    message: job.message,
    location: null,
    category: c?.category ?? 'unknown',
    rule: c?.rule ?? null,
    mode: c?.mode ?? null,
    signature: sig,
    fingerprint: fingerprint({ test: null, suite: null, signature: sig }),
    evidence: [{ path: input.path, line: job.line, text: firstLine(job.message) }],
  };
}

/**
 * A job failure no rule explains ("Process completed with exit code 1.", the runner's only words
 * on an `npm ERR!` or a `docker build` error) takes the strongest rule match logged before it in
 * the same input, when there is one: that line says what failed. Its own line stays as evidence.
 */
function explainedJobFailure(input: InputAnalysis, job: JobFailure, classifier: Classifier): AnalyzedFailure {
  const own = jobFailure(input, job, classifier);
  if (own.rule !== null) return own;
  const best = strongestMatch(input.logMatches, job.line);
  if (!best) return own;
  const f = jobFailure(
    input,
    { kind: withoutTest(best.match.kind) ?? job.kind, message: logText(input, best), line: best.line },
    classifier,
  );
  f.evidence.push(own.evidence[0]!);
  return f;
}

/**
 * The strongest rule match on a line up to `upTo`: the highest priority (lowest number), and among
 * equals the last occurrence (the pytorch classifier's choice: the latest is closest to the failure).
 */
function strongestMatch(matches: readonly LogMatch[], upTo = Number.POSITIVE_INFINITY): LogMatch | null {
  let best: LogMatch | null = null;
  for (const m of matches) {
    if (m.line <= upTo && (!best || m.match.priority <= best.match.priority)) best = m;
  }
  return best;
}

/** No parser found a failure, but rules matched log lines: report the strongest as a job failure. */
function logLevelFailure(inputs: InputAnalysis[], classifier: Classifier): AnalyzedFailure | null {
  let best: { input: InputAnalysis; m: LogMatch } | null = null;
  for (const input of inputs) {
    const m = strongestMatch(input.logMatches);
    // Among equals across inputs, the later input's, as within one.
    if (m && (!best || m.match.priority <= best.m.match.priority)) best = { input, m };
  }
  if (!best) return null;
  const f = jobFailure(
    best.input,
    {
      kind: withoutTest(best.m.match.kind) ?? 'job',
      message: logText(best.input, best.m),
      line: best.m.line,
    },
    classifier,
  );
  const same = best.input.logMatches.filter((m) => m.match.rule === best.m.match.rule && m !== best.m);
  for (const m of same.slice(-(MAX_EVIDENCE - 1)))
    f.evidence.push({ path: best.input.path, line: m.line, text: m.text });
  return f;
}

function dedupe(failures: AnalyzedFailure[]): AnalyzedFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const key = `${f.fingerprint}\u0000${f.test ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether a console log's failed test is one a structured report lists. The same name, or, for
 * a Ginkgo spec (several words), one name inside the other at word boundaries: console output and
 * JUnit differ by labels and container text at either end. A one-word go test name must match
 * exactly, so `TestSync` in a report never hides `TestSyncLost` in a log.
 */
function describedByStructured(name: string, structured: Set<string>): boolean {
  const n = normaliseName(name);
  if (structured.has(n)) return true;
  if (wordCount(n) < MIN_SPEC_WORDS) return false;
  const padded = ` ${n} `;
  for (const s of structured) {
    if (wordCount(s) >= MIN_SPEC_WORDS && (` ${s} `.includes(padded) || padded.includes(` ${s} `)))
      return true;
  }
  return false;
}

/** Words a name needs before it may match another by containment (a Ginkgo spec's text). */
const MIN_SPEC_WORDS = 3;

function wordCount(name: string): number {
  let words = 1;
  for (let i = name.indexOf(' '); i !== -1; i = name.indexOf(' ', i + 1)) words++;
  return words;
}

/** Ginkgo JUnit names carry `[It] ` and trailing labels; console names do not. */
function normaliseName(name: string): string {
  return name
    .replace(/^\[(It|BeforeSuite|SynchronizedBeforeSuite|AfterSuite|BeforeEach|AfterEach)\]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return i === -1 ? text : text.slice(0, i);
}

/**
 * A rule's kind for a failure that names no test: a rule of kind `test` (a Ginkgo timeout, say)
 * matched a line outside any test, so the failure is the job's.
 */
function withoutTest(kind: string | null | undefined): JobFailure['kind'] | undefined {
  if (kind === null || kind === undefined) return undefined;
  return kind === 'test' ? 'job' : (kind as JobFailure['kind']);
}

/** A matched log line as a failure message: without the runner's timestamp in a GitHub job log. */
function logText(input: InputAnalysis, m: LogMatch): string {
  return input.format === 'github-actions-log' ? m.text.slice(githubTimestampLength(m.text)) : m.text;
}
