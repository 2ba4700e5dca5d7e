/**
 * A number kept as it was written: what `JSON.rawJSON` makes. `JSON.stringify` writes its
 * `rawJSON` text back verbatim; `Number(value.rawJSON)` (or `BigInt`) reads it.
 */
export interface RawJsonNumber {
  readonly rawJSON: string;
}

// Node 21+ (V8 11.4): source text access in JSON.parse and JSON.rawJSON. TypeScript's lib (up to
// ES2024) does not declare them yet.
interface JsonWithSource {
  parse(
    text: string,
    reviver: (this: unknown, key: string, value: unknown, context: { source?: string }) => unknown,
  ): unknown;
  rawJSON?: (text: string) => RawJsonNumber;
  isRawJSON?: (value: unknown) => value is RawJsonNumber;
}
const json = JSON as unknown as JsonWithSource;
const rawJSON = json.rawJSON;

/**
 * The reviver is called for every value; only a number whose text JavaScript would write
 * differently becomes a raw value: a 19-digit Prow build id (past 2^53), `12.50`, `1e3`, `-0`.
 * Every other value is the one `JSON.parse` gives, so a record without such numbers is parsed
 * exactly as before.
 */
function keepNumberText(_key: string, value: unknown, context: { source?: string }): unknown {
  return typeof value === 'number' && context.source !== undefined && String(value) !== context.source
    ? (rawJSON as (text: string) => RawJsonNumber)(context.source)
    : value;
}

/**
 * `JSON.parse` that keeps the source text of numbers it cannot hold exactly as written, so
 * `JSON.stringify` of the result gives every number back as it was. A runtime without source
 * text access parses plainly.
 */
export function parseKeepingNumbers(text: string): unknown {
  if (rawJSON === undefined || !hasNumberToKeep(text)) return JSON.parse(text);
  return json.parse(text, keepNumberText);
}

/**
 * Whether a JSON text has a number outside strings that JavaScript would write differently.
 * Hand-written for speed: a reviver is a call per value (strings included) and made `group` ~10%
 * slower on the PTP failures.jsonl, whose only numbers are small; this scan (indexOf over quotes,
 * char codes between them) costs about half a plain parse, and the reviver runs only where it is
 * needed. For valid JSON it is exact: outside strings there are only punctuation, whitespace,
 * `true`, `false`, `null` (no digit, no minus) and numbers. Invalid JSON throws in `JSON.parse`
 * whichever path it takes.
 */
export function hasNumberToKeep(text: string): boolean {
  let from = 0;
  for (;;) {
    const open = text.indexOf('"', from);
    const stop = open === -1 ? text.length : open;
    for (let i = from; i < stop; i++) {
      if (!startsNumber(text.charCodeAt(i))) continue;
      let end = i + 1;
      while (end < stop && inNumber(text.charCodeAt(end))) end++;
      const token = text.slice(i, end);
      if (String(Number(token)) !== token) return true;
      i = end;
    }
    if (open === -1) return false;
    from = closingQuote(text, open + 1) + 1;
    if (from === 0) return false; // unterminated string: JSON.parse throws
  }
}

/** `-` or a digit. */
function startsNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45;
}

/** A digit, `.`, `e`, `E`, `+` or `-`. */
function inNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

/** Index of the quote that ends a string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** Whether a parsed value is a number kept as text (see `parseKeepingNumbers`). */
export function isRawJsonNumber(value: unknown): value is RawJsonNumber {
  return json.isRawJSON?.(value) ?? false;
}
