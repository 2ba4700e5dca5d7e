import { stripAnsi } from '../ansi';
import type { FailureType, SourceLocation } from '../types';
import { lastLocationLine, parseInAt } from './source-location';

/** Ginkgo spec states that mean failure, as written in `[FAILED]`-style prefixes and JSON `State`. */
export const GINKGO_FAILURE_STATES: Record<string, FailureType> = {
  FAILED: 'failed',
  PANICKED: 'panicked',
  TIMEDOUT: 'timedout',
  INTERRUPTED: 'interrupted',
  ABORTED: 'aborted',
};

const STATE_PREFIX = /^\s*\[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\] ?/;

export interface GinkgoFailureText {
  /** The failure message proper (no `[FAILED]` prefix, no `In [It] at:` trailer). */
  message: string | null;
  location: SourceLocation | null;
  /** Node that failed, from `In [Node] at:` (It, BeforeEach, SynchronizedBeforeSuite, ...). */
  nodeType: string | null;
  failureType: FailureType | null;
}

/** True when a text looks like a Ginkgo failure block (`[FAILED] …` / `In [It] at: …`). */
export function looksLikeGinkgoFailure(text: string): boolean {
  return STATE_PREFIX.test(text) || text.indexOf('] at: ') !== -1;
}

/**
 * Splits a Ginkgo failure block, as found in JUnit `<failure>` bodies or console output, into the
 * message proper and the location:
 *   [FAILED] Timed out after 300.001s.
 *   Expected ...
 *   In [It] at: /path/ptp.go:136 @ 07/06/26 15:41:30.455
 * Without an `In [..] at:` line the location is the last `file.go:NN` line.
 */
export function parseGinkgoFailureText(raw: string): GinkgoFailureText {
  const lines = stripAnsi(raw).split('\n');
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  let failureType: FailureType | null = null;
  const first = lines[start];
  if (first !== undefined) {
    const m = STATE_PREFIX.exec(first);
    if (m) {
      failureType = GINKGO_FAILURE_STATES[m[1]!] ?? null;
      lines[start] = first.slice(m[0].length);
    }
  }
  for (let i = start; i < lines.length; i++) {
    const at = parseInAt(lines[i]!);
    if (at) {
      return {
        message: joinTrimmed(lines, start, i),
        location: at.location,
        nodeType: at.nodeType,
        failureType,
      };
    }
  }
  return {
    message: joinTrimmed(lines, start, lines.length),
    location: lastLocationLine(lines),
    nodeType: null,
    failureType,
  };
}

function joinTrimmed(lines: readonly string[], start: number, end: number): string | null {
  const text = lines.slice(start, end).join('\n').trim();
  return text === '' ? null : text;
}
