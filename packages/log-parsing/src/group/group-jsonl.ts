import type { Classifier } from '../classify/classifier';
import { type FailureRecord, type GroupKey, groupRecord } from './group-record';

/**
 * One output item per non-blank input line, in input order. A line that cannot be grouped
 * becomes an `error` item naming the problem instead of stopping the stream: the caller (the
 * `nightshift group` CLI) reports it with the line number and decides the exit code.
 */
export type GroupItem = { line: number; record: GroupedRecord } | { line: number; error: string };

/** An input record with the grouping fields added; its other fields are kept as they were. */
export type GroupedRecord = Record<string, unknown> & FailureRecord & GroupKey;

/** Messages longer than this are not echoed in errors. */
const MAX_ERROR_SNIPPET = 80;

/**
 * Streaming JSONL transform: reads failure records (`{ test, message, suite?, … }`), yields the
 * same records with `signature`, `fingerprint` and `category` added (existing fields of those
 * names are replaced). Line numbers are 1-based and count blank lines, which are skipped.
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
      value = JSON.parse(text);
    } catch (error) {
      yield { line: no, error: `not valid JSON (${(error as Error).message}): ${snippet(text)}` };
      continue;
    }
    const problem = checkRecord(value);
    if (problem) {
      yield { line: no, error: problem };
      continue;
    }
    const record = value as Record<string, unknown> & FailureRecord;
    yield { line: no, record: { ...record, ...groupRecord(record, classifier) } };
  }
}

function checkRecord(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  }
  for (const field of ['test', 'message', 'suite'] as const) {
    const v = (value as Record<string, unknown>)[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return `field "${field}" must be a string or null, got ${Array.isArray(v) ? 'an array' : typeof v}`;
    }
  }
  return null;
}

function snippet(text: string): string {
  return text.length > MAX_ERROR_SNIPPET ? `${text.slice(0, MAX_ERROR_SNIPPET)}…` : text;
}
