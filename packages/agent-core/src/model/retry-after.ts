/**
 * Parse `retry-after` / `retry-after-ms` response headers into milliseconds, for adapters that
 * build a ModelError. `retry-after` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * OpenAI and Anthropic also send the non-standard, more precise `retry-after-ms`.
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

/** Milliseconds to wait, or undefined when the value is missing or unparseable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // HTTP dates start with a day name; this keeps `Date.parse` from reading "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Reads `retry-after-ms` first (more precise), then `retry-after`. */
export function retryAfterFromHeaders(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const ms = readHeader(headers, 'retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms.trim()));
  return parseRetryAfter(readHeader(headers, 'retry-after'), now);
}

/** Case-insensitive header lookup over a `Headers` or a plain record; the first value of a list. */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}
