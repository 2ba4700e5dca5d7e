import { sanitizeText } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';

/**
 * One line on stderr whose text may quote an input (a path from a zip entry or a folder, a bad
 * JSONL line): its escape sequences, control characters and line breaks never reach the terminal.
 * Not in cli-io.ts, which bin.ts loads before anything else: log-parsing stays off that path.
 */
export function writeErrorLine(io: CliIo, text: string): void {
  io.stderr.write(`${sanitizeText(text, { singleLine: true })}\n`);
}
