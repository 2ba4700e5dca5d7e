/** GitHub timestamps carry no fractional seconds: `2024-05-01T12:00:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
