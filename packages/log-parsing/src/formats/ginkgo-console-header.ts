import { csiRunEnd } from '../ansi';
import type { FailureType } from '../types';
import { GINKGO_FAILURE_STATES } from './ginkgo-failure-text';
import type { GinkgoVersion } from './ginkgo-spec-name';

// v2 `• [FAILED] [1.0 seconds]`, `•! [PANICKED] …`, suite nodes `[SynchronizedBeforeSuite] [FAILED] …`.
const HEADER_V2 =
  /^(?:•|\+|\[([A-Za-z ()]+)\])!? \[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\](?: DURING REPETITION #\d+)?(?: \[(\d+(?:\.\d+)?) seconds\])?/;
// v1 `• Failure [..]`, `• Failure in Spec Setup (BeforeEach) [..]`, `•! Panic [..]`, `•... Timeout [..]`,
// and setup nodes without the bullet: `Failure [0.005 seconds]`.
const HEADER_V1 =
  /^(?:•(?:!|\.\.\.)? )?(Failure|Panic|Timeout)(?: in Spec (?:Setup|Teardown) \(([^)]+)\))? \[(\d+(?:\.\d+)?) seconds\]/;
const FLAKY =
  /^(?:↺|R) \[FLAKEY TEST - TOOK (\d+) ATTEMPTS TO PASS\](?: \[SLOW TEST\])?(?: \[(\d+(?:\.\d+)?) seconds\])?/;
const V1_TYPES: Record<string, FailureType> = { Failure: 'failed', Panic: 'panicked', Timeout: 'timedout' };

export interface BlockHeader {
  version: GinkgoVersion;
  failureType: FailureType;
  /** Node named by the header itself (v2 suite-node denoter, v1 "in Spec Setup (X)"). */
  node: string | null;
  durationSec: number | null;
  /** > 0 for `↺ [FLAKEY TEST - TOOK N ATTEMPTS TO PASS]` (a passed spec). */
  flakyAttempts: number;
}

/** First characters a header can start with: • + [ F P T ↺ R. */
export function isHeaderStart(c: number): boolean {
  return (
    c === 0x2022 ||
    c === 0x2b ||
    c === 0x5b ||
    c === 0x46 ||
    c === 0x50 ||
    c === 0x54 ||
    c === 0x21ba ||
    c === 0x52
  );
}

/**
 * Whether the line of `text` from `at`, which opens with the bullet '•', could be a header for
 * `parseBlockHeader`: the bullet, `!` or `...`, a space, then a state in brackets (`[FAILED]`, v2)
 * or a v1 word (`Failure`, `Panic`, `Timeout`). A passed spec's line in a verbose run
 * (`• [12.3 seconds] [It] …`, one per spec, coloured) is not, so `ignoresAt` can let it pass
 * without the header regexes. Reads past the line see '\n' or NaN, which match nothing here.
 */
export function bulletMayBeHeader(text: string, at: number): boolean {
  let j = at + 1;
  if (text.charCodeAt(j) === 0x21 /* ! */) j++;
  else if (text.startsWith('...', j)) j += 3;
  if (text.charCodeAt(j) !== 0x20) return false;
  let c = text.charCodeAt(j + 1);
  // v2 states (FAILED PANICKED TIMEDOUT INTERRUPTED ABORTED) and v1 words share first letters.
  if (c === 0x5b /* [ */) c = text.charCodeAt(j + 2);
  return c === 0x46 || c === 0x50 || c === 0x54 || c === 0x49 || c === 0x41;
}

/**
 * `bulletMayBeHeader` for a line of a byte region (latin1 text) whose escapes are CSI sequences,
 * judged on its text with them removed: `j` is just past the bullet's bytes. True also where
 * telling would take more than the next bytes (`!` or `.` next, an escape after the space). A
 * passed spec's line is the bullet, its colour codes, a space and `[` then a digit.
 */
export function bulletMayOpenHeader(text: string, j: number): boolean {
  j = csiRunEnd(text, j);
  if (j === -1) return true;
  const c = text.charCodeAt(j);
  if (c === 0x21 || c === 0x2e) return true;
  if (c !== 0x20) return false;
  let d = text.charCodeAt(j + 1);
  if (d === 0x5b) d = text.charCodeAt(j + 2);
  return d === 0x1b || d === 0x46 || d === 0x50 || d === 0x54 || d === 0x49 || d === 0x41;
}

export function parseBlockHeader(text: string): BlockHeader | null {
  // Every header has "] [" or " seconds]"; most lines have neither and skip the regexes.
  if (text.indexOf('] [') === -1 && text.indexOf(' seconds]') === -1) return null;
  let m = HEADER_V2.exec(text);
  if (m) {
    return {
      version: 2,
      failureType: GINKGO_FAILURE_STATES[m[2]!]!,
      node: m[1] ?? null,
      durationSec: seconds(m[3]),
      flakyAttempts: 0,
    };
  }
  m = FLAKY.exec(text);
  if (m)
    return {
      version: 2,
      failureType: 'failed',
      node: null,
      durationSec: seconds(m[2]),
      flakyAttempts: Number(m[1]),
    };
  m = HEADER_V1.exec(text);
  if (m)
    return {
      version: 1,
      failureType: V1_TYPES[m[1]!]!,
      node: m[2] ?? null,
      durationSec: seconds(m[3]),
      flakyAttempts: 0,
    };
  return null;
}

/** Lines that end a block even without a delimiter (the headline rewrite hides delimiters). */
export function endsBlock(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 0x53) return text.startsWith('Summarizing ');
  if (c === 0x52) return text.startsWith('Ran ') && /^Ran \d+ of \d+ Spec/.test(text);
  if (c === 0x25b6) return text.startsWith('▶ START');
  if (c === 0x25a0) return text.startsWith('■ DONE');
  return false;
}

export function isDelimiter(trimmed: string): boolean {
  return trimmed.length >= 30 && trimmed.charCodeAt(0) === 0x2d && /^-+$/.test(trimmed);
}

function seconds(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}
