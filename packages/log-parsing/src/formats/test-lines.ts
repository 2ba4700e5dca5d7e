// Test support (not exported): feed text to a LineParser the way the input layer would.
import type { LineParser, LogLine, ParsedReport } from '../types';

export function toLines(text: string): LogLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.map((t, i) => ({ no: i + 1, text: t }));
}

export function parseText(parser: LineParser, text: string): ParsedReport {
  for (const line of toLines(text)) parser.push(line);
  return parser.finish();
}
