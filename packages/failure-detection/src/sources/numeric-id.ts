/**
 * Run and build ids as decimal strings. Prow build ids are 19-digit snowflakes, past 2^53, so they
 * are compared by length then text (never through Number, which would round them).
 */
const NUMERIC_ID = /^[0-9]{1,40}$/;

export function isNumericId(value: string): boolean {
  return NUMERIC_ID.test(value);
}

/** Negative when a < b, 0 when equal, positive when a > b. Both must pass `isNumericId`. */
export function compareNumericIds(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Twitter-epoch snowflakes (what Prow build ids are) carry their creation time in the top bits. */
const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657n;
const EARLIEST_PLAUSIBLE = Date.parse('2015-01-01T00:00:00Z');

/**
 * The creation time a snowflake build id encodes, or null when the id is not a plausible snowflake.
 * Used only as a fallback when a build has neither started.json nor prowjob.json.
 */
export function snowflakeTime(id: string, now: Date): Date | null {
  if (!isNumericId(id) || id.length < 18 || id.length > 20) return null;
  const ms = Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
  if (ms < EARLIEST_PLAUSIBLE || ms > now.getTime() + 86_400_000) return null;
  return new Date(ms);
}
