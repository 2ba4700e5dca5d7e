const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Where a source with no cursor starts reading: `now` minus a duration (`90m`, `6h`, `2d`), or an
 * explicit ISO date. A clear error names the value otherwise.
 */
export function windowStart(now: Date, value: string): string {
  const duration = /^(\d+)(m|h|d)$/.exec(value.trim());
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!]!).toISOString();
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || !Number.isFinite(ms)) {
    throw new TypeError(
      `since/lookback ${JSON.stringify(value)} is neither an ISO date nor a duration like 6h or 7d`,
    );
  }
  return new Date(ms).toISOString();
}
