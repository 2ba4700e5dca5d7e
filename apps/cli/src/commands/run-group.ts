import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type Classifier, groupJsonl } from '@nightshift/log-parsing';
import type { CliIo } from '../cli-io';
import { ExitCode, UnreadableInputError } from '../exit-codes';
import { loadClassifier } from '../profile';
import { fsProblem } from './fs-problem';
import { namedBytes } from './named-bytes';
import { writeErrorLine } from './write-error-line';

/**
 * `nightshift group`: loaded by its action only (see group.ts). Records are written back as given,
 * secrets included: group annotates the caller's own file. What goes to stderr quotes at most the
 * start of a bad line, or the path, stripped of escape sequences and invisible characters first,
 * then redacted (groupJsonl, writeErrorLine, and program.ts for a thrown error).
 */
export async function runGroup(file: string, profile: string, io: CliIo): Promise<number> {
  io.tiers?.forInput(namedBytes([file], io.cwd));
  const classifier = loadClassifier(profile);
  const name = file === '-' ? 'stdin' : file;
  const input = file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
  try {
    return await groupStream(input, name, classifier, io);
  } catch (error) {
    // A missing or unreadable input, or a folder: one line naming it, exit 3, no stack trace.
    const problem = fsProblem(error, 'read');
    if (problem) throw new UnreadableInputError(`cannot read ${name}: ${problem}`);
    throw error;
  }
}

async function groupStream(input: Readable, name: string, classifier: Classifier, io: CliIo) {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let bad = 0;
  // Records go out in batches: one write per record was a system call each, ~12% of a run.
  let batch = '';
  const flush = async () => {
    const text = batch;
    batch = '';
    if (text !== '' && !io.stdout.write(text)) await new Promise((r) => io.stdout.once('drain', r));
  };
  try {
    for await (const item of groupJsonl(lines, classifier)) {
      if ('error' in item) {
        // Records before a bad line come out before its message, as they did one by one.
        await flush();
        bad++;
        writeErrorLine(io, `nightshift: ${name}:${item.line}: ${item.error}`);
        continue;
      }
      // The input line with the three fields appended (groupJsonl's `text`).
      batch += `${item.text}\n`;
      if (batch.length >= BATCH_CHARS) await flush();
    }
  } finally {
    // Records read before a read error still come out.
    await flush();
  }
  return bad > 0 ? ExitCode.unreadableInput : ExitCode.ok;
}

/** Characters of output gathered before a write. */
const BATCH_CHARS = 64 * 1024;
