/** A Date or date string as ISO 8601, or a clear error naming the option (never "Invalid time value"). */
export function isoTime(value: Date | string, name: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`${name}: ${JSON.stringify(String(value))} is not a valid date`);
  return date.toISOString();
}
