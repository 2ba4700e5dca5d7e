import { stripAnsi } from '../ansi';
import { normaliseMessage } from './normalise-message';

/** Lines kept from a plain (non-Gomega) message when it is long: the last error-looking ones. */
export const MAX_PLAIN_LINES = 3;
/** A plain message this short is decisive as a whole. */
const SHORT_MESSAGE_LINES = 6;
/** Description lines kept before a Gomega `Expected`. */
const MAX_DESCRIPTION_LINES = 3;
/** Each normalised line is cut here: a line's head says what failed, its tail is usually data. */
export const MAX_DECISIVE_CHARS = 200;
/** Raw characters of a line looked at before normalising (far more than survive the cut). */
const MAX_RAW_CHARS = 4096;

/** Lines that open the value or the matcher of a Gomega failure. */
const GOMEGA_OPENER =
  /^(?:Expected|Unexpected error:|The function passed to (?:Eventually|Consistently) (?:returned the following error|failed):?|.*\breturned the following error:)$/;
/** Matcher lines (`to equal`, `not to be nil`, `to have length 0`) and the `occurred` closer. */
const GOMEGA_MATCHER = /^(?:not )?to (?:\S.*)?$|^occurred$/;
/** `<*errors.errorString | 0xc000799120>: value` / `<int>: 248` — type tag plus inline value. */
const GOMEGA_VALUE = /^<([^>|]+?)(?:\s*\|[^>]*)?>:\s?(.*)$/;

const ERRORISH =
  /\b(?:error|errors|fail(?:s|ed|ure)?|fatal|panic|timed? ?out|timeout|refused|denied|unauthori[sz]ed|forbidden|not found|no such|unable|cannot|can't|could not|invalid|exception|killed|exit (?:status|code))\b/i;

/**
 * The lines of a failure message that name the failure mode, with framework noise removed:
 * Ginkgo locations and timelines, Gomega struct dumps, stack traces, `Timed out after Ns.`
 * wrappers, shell trace lines. For a Gomega failure: the description, the matcher and the first
 * line of each value (`Expected <int>: 248 to equal <int>: 6`). For other text: all of a short
 * message, else its last error-looking lines. Lines come back normalised (`normaliseMessage`),
 * cut to 200 characters AFTER normalising so a cut never lands inside a varying name.
 */
export function decisiveLines(message: string): string[] {
  const lines = dropNoise(stripAnsi(message).split(/\r\n|\n|\r/));
  if (lines.some((l) => GOMEGA_OPENER.test(l))) return gomegaLines(lines).map(normalise);
  return plainLines(lines);
}

function normalise(line: string): string {
  // Decisive text sits at the head of a line; the raw cap bounds the work on megabyte lines.
  const n = normaliseMessage(line.length > MAX_RAW_CHARS ? line.slice(0, MAX_RAW_CHARS) : line);
  return n.length > MAX_DECISIVE_CHARS ? n.slice(0, MAX_DECISIVE_CHARS) : n;
}

function dropNoise(raw: string[]): string[] {
  // A message that starts inside a Ginkgo timeline (the JUnit text was cut) begins after it.
  const firstClose = raw.findIndex((l) => l.trim().startsWith('<< Timeline'));
  const firstOpen = raw.findIndex((l) => l.trim().endsWith('Timeline >>'));
  const start = firstClose !== -1 && (firstOpen === -1 || firstClose < firstOpen) ? firstClose + 1 : 0;
  const out: string[] = [];
  let inTimeline = false;
  let inStack = false;
  let dumpDepth = 0;
  for (let i = start; i < raw.length; i++) {
    const line = raw[i]!.trim();
    if (line.endsWith('Timeline >>')) inTimeline = true;
    if (inTimeline) {
      if (line.startsWith('<< Timeline')) inTimeline = false;
      continue;
    }
    if (/^goroutine \d+ \[/.test(line) || line === 'Full Stack Trace') inStack = true;
    if (inStack) {
      if (line === '') inStack = false;
      continue;
    }
    // Gomega prints the Go struct after an error value: `{`, fields, `}` (possibly nested).
    if (dumpDepth > 0 || (line === '{' && out.length > 0)) {
      dumpDepth += count(line, '{') - count(line, '}');
      if (dumpDepth < 0) dumpDepth = 0;
      continue;
    }
    if (line === '' || isNoise(line)) continue;
    out.push(line.replace(/^\[FAILED\]\s*/, ''));
  }
  return out;
}

function isNoise(line: string): boolean {
  return (
    /^In \[[\w ]+\] at: /.test(line) || // Ginkgo failure location
    /^[\w./@-]*\.go:\d+(?: \+0x[0-9a-f]+)?$/.test(line) || // bare file:line, stack frame location
    /^-{10,}$/.test(line) || // Ginkgo spec separators
    /^STEP: /.test(line) ||
    /^Timed out after \d+(?:\.\d+)?s\.$/.test(line) || // Eventually wrapper: the description follows
    /^\++ /.test(line) || // shell xtrace
    /^Link to (?:step|job) on registry info site:/.test(line)
  );
}

function gomegaLines(lines: string[]): string[] {
  const out: string[] = [];
  const firstOpener = lines.findIndex((l) => GOMEGA_OPENER.test(l));
  out.push(...lines.slice(Math.max(0, firstOpener - MAX_DESCRIPTION_LINES), firstOpener));
  // After an opener or a matcher, the next line is a value: keep its type and first line only.
  let expectValue = false;
  for (let i = firstOpener; i < lines.length; i++) {
    const line = lines[i]!;
    if (GOMEGA_OPENER.test(line) || GOMEGA_MATCHER.test(line)) {
      out.push(line);
      expectValue = true;
      continue;
    }
    if (!expectValue) continue;
    expectValue = false;
    const v = GOMEGA_VALUE.exec(line);
    if (!v) {
      out.push(line);
      continue;
    }
    const inline = v[2]!.trim();
    // `<*errors.errorString | 0x…>: ` puts the error text on the next line.
    const value = inline !== '' ? inline : (lines[i + 1] ?? '');
    out.push(`<${v[1]!.trim()}>: ${value}`);
    if (inline === '') i++;
  }
  return out;
}

/** Short: every line. Long: the last distinct error-looking lines (distinct once normalised). */
function plainLines(lines: string[]): string[] {
  if (lines.length <= SHORT_MESSAGE_LINES) return lines.map(normalise);
  const picked: string[] = [];
  for (let i = lines.length - 1; i >= 0 && picked.length < MAX_PLAIN_LINES; i--) {
    if (!ERRORISH.test(lines[i]!)) continue;
    const n = normalise(lines[i]!);
    if (!picked.includes(n)) picked.push(n);
  }
  if (picked.length === 0) return lines.slice(-MAX_PLAIN_LINES).map(normalise);
  return picked.reverse();
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
