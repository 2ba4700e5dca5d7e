import type { Classifier } from '../classify/classifier';
import { redactShown } from '../redact/redact-shown';
import { type FailureRecord, type GroupKey, groupRecord } from './group-record';
import { isRawJsonNumber, parseKeepingNumbers } from './parse-keeping-numbers';

/**
 * One output item per non-blank input line, in input order. A line that cannot be grouped
 * becomes an `error` item naming the problem instead of stopping the stream: the caller (the
 * `nightshift group` CLI) reports it with the line number and decides the exit code.
 */
export type GroupItem =
  | { line: number; record: GroupedRecord; text: string }
  | { line: number; error: string };

/**
 * An input record with the grouping fields added; its other fields are kept as they were. A
 * number JavaScript cannot hold exactly as written (a 19-digit build id, `12.50`, `1e3`, `-0`) is
 * a `RawJsonNumber` (`JSON.rawJSON`), so `JSON.stringify(record)` writes it back unchanged.
 */
export type GroupedRecord = Record<string, unknown> & FailureRecord & GroupKey;

/** Bad lines longer than this are cut when quoted in errors. */
const MAX_ERROR_SNIPPET = 80;

/**
 * Streaming JSONL transform: reads failure records (`{ test, message, suite?, … }`), yields the
 * same records with `signature`, `fingerprint` and `category` added (existing fields of those
 * names are replaced in place; key order and every other value stay as they were). Line numbers
 * are 1-based and count blank lines, which are skipped. A record needs a `test` key (a string or
 * null) and a string `message`; `suite` may be absent, null or a string.
 *
 * `text` is the record as a line to write back: the input line itself (without surrounding
 * whitespace) with the three fields appended before its closing brace, so spacing, string escapes
 * and a key given twice stay as the caller wrote them and a diff shows only what was added. A
 * record that already has one of the three fields is written by `JSON.stringify` instead (the
 * field replaced in place, numbers as written, `JSON.stringify`'s spacing and escapes).
 */
export async function* groupJsonl(
  lines: AsyncIterable<string> | Iterable<string>,
  classifier: Classifier,
): AsyncGenerator<GroupItem> {
  let no = 0;
  for await (const raw of lines) {
    no++;
    const text = raw.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = parseKeepingNumbers(text);
    } catch (error) {
      // The line is the caller's data and may hold a secret (a token in a half-written record);
      // V8's message can quote it too. Sanitised first (a zero-width space or soft hyphen inside
      // a key or token hides it from the rules, and the terminal would not show it), then
      // redacted, then cut, so a cut cannot hide a token from the rules either.
      const quoted = snippet(redactShown(text, ONE_LINE).text);
      const reason = redactShown((error as Error).message, ONE_LINE).text;
      yield { line: no, error: `not valid JSON (${reason}): ${quoted}` };
      continue;
    }
    const problem = checkRecord(value);
    if (problem) {
      yield { line: no, error: problem };
      continue;
    }
    const record = value as Record<string, unknown> & FailureRecord;
    const added = groupRecord(record, classifier);
    const grouped = { ...record, ...added };
    yield { line: no, record: grouped, text: annotatedLine(text, record, added, grouped) };
  }
}

const GROUP_FIELDS = ['signature', 'fingerprint', 'category'] as const;

/** `text` (a JSON object's text) with `added` appended, or `grouped` serialised (see groupJsonl). */
function annotatedLine(
  text: string,
  record: Record<string, unknown>,
  added: GroupKey,
  grouped: GroupedRecord,
): string {
  if (GROUP_FIELDS.some((field) => Object.hasOwn(record, field))) return JSON.stringify(grouped);
  // A record has at least "test" and "message", so something precedes the closing brace.
  const body = text.slice(0, -1).trimEnd();
  const fields = GROUP_FIELDS.map((field) => `${JSON.stringify(field)}:${JSON.stringify(added[field])}`);
  return `${body},${fields.join(',')}}`;
}

/** Why a parsed line is not a failure record, or null when it is one. */
function checkRecord(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isRawJsonNumber(value)) {
    return `expected a JSON object, got ${describe(value)}`;
  }
  const record = value as Record<string, unknown>;
  // Without a message there is nothing to classify, and without a test key the record is not the
  // failures.jsonl shape: signing it would group unrelated lines under one made-up failure.
  const missing = (['test', 'message'] as const).filter((f) => !Object.hasOwn(record, f));
  if (missing.length > 0) {
    return `missing field${missing.length > 1 ? 's' : ''} ${missing.map((f) => `"${f}"`).join(' and ')} (a record needs "test" and "message")`;
  }
  if (typeof record.message !== 'string')
    return `field "message" must be a string, got ${describe(record.message)}`;
  for (const field of ['test', 'suite'] as const) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return `field "${field}" must be a string or null, got ${describe(v)}`;
    }
  }
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRawJsonNumber(value)) return 'number';
  return typeof value;
}

function snippet(text: string): string {
  return text.length > MAX_ERROR_SNIPPET ? `${text.slice(0, MAX_ERROR_SNIPPET)}…` : text;
}

/** Quoted in a one-line error: line breaks become spaces. */
const ONE_LINE = { singleLine: true } as const;
