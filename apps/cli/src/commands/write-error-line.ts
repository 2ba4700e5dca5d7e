import { redactShown } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';

/**
 * The one way a command prints a line on stderr whose text may quote an input or a value the
 * caller gave (a path from a zip entry or a folder, an `--out` path, a bad JSONL line, an option
 * value): its escape sequences, control and invisible characters and line breaks never reach the
 * terminal, and a secret in it is redacted (`redactShown`: sanitised first, so a zero-width space
 * inside a token cannot hide it from the rules). Not in cli-io.ts, which bin.ts loads before
 * anything else: log-parsing stays off that path.
 */
export function writeErrorLine(io: CliIo, text: string): void {
  io.stderr.write(`${redactShown(text, { singleLine: true }).text}\n`);
}

/** Like writeErrorLine, for text of several lines (a stack trace): line breaks kept. */
export function writeErrorText(io: CliIo, text: string): void {
  io.stderr.write(`${redactShown(text).text}\n`);
}
