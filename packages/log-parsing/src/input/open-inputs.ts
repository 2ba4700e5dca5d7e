import { closeSync, readSync, type Stats, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BINARY_SNIFF_BYTES, looksBinary, peekStream } from './byte-peek';
import { binaryError, expandZip, gzipSource } from './expand-archive';
import { fileChunks, openRegularFile } from './file-chunks';
import { gunzip, isGzip } from './gzip';
import { asInputError, fsInputError, InputError } from './input-error';
import { type ExpandInputsOptions, failure, type InputItem } from './input-source';
import { notAFile, walkDirectory } from './walk-directory';
import { resolveZipCaps } from './zip-caps';
import { isZip } from './zip-reader';

/**
 * 128 KiB: per-region costs of analyze's byte regions (scan-blocks.ts) are half those of 64 KiB:
 * 100 MB 0.83 → 0.74 s, 1 GB 4.69 → 4.40 s; 96, 160, 192 and 256 KiB were slower
 * (docs/performance.md, "Session 8"). A region's latin1 string (the chunk less its unfinished
 * last line) stays just under V8's large-object size (131,072 bytes), so it is an ordinary
 * young object: 136 KiB chunks, whose strings go to the large-object space, scavenged half as
 * often (26 against 57 per 100 MB) but ran 0.74 → 0.93 s pinned ("Session 11"). Decoded text is
 * still cut at 64 KiB (`TextBlockReader`).
 */
const DEFAULT_CHUNK_BYTES = 128 * 1024;
const STDIN_PATH = '<stdin>';

interface Context extends ExpandInputsOptions {
  chunkBytes: number;
  stdinTaken: boolean;
}

/**
 * Turns command-line style paths into readable inputs, lazily and in order:
 * - a file: one source; gzip (by magic bytes, not extension) is inflated; a zip becomes one source
 *   per file entry (`run.zip!/0_build.txt`), gzip entries inflated too;
 * - a directory: walked recursively in sorted order, symlinks reported and not followed, hidden
 *   directories skipped (a path named explicitly is followed even when it is a symlink);
 * - `-`: `options.stdin` (gzip allowed; zip needs random access and is refused).
 * Problems never throw: each becomes an `{ kind: 'error' }` item (missing path, binary file,
 * refused zip entry, zip bomb, ...) and expansion continues with the next input.
 */
export async function* expandInputs(
  paths: readonly string[],
  options: ExpandInputsOptions = {},
): AsyncGenerator<InputItem> {
  resolveZipCaps(options.zip); // bad caps are a programming error: fail before reading anything
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`chunkBytes must be a positive integer, got ${String(options.chunkBytes)}`);
  }
  const context: Context = { ...options, chunkBytes, stdinTaken: false };
  for (const path of paths) {
    if (path === '-') yield* expandStdin(context);
    else yield* expandPath(path, context);
  }
}

async function* expandPath(path: string, context: Context): AsyncGenerator<InputItem> {
  let stats: Stats;
  try {
    // Synchronous, like the reads (file-chunks.ts): a thread-pool round trip per file is what
    // a folder of hundreds of small artifacts spent most of its time waiting for.
    stats = statSync(path);
  } catch (error) {
    yield failure(fsInputError(path, error));
    return;
  }
  if (stats.isFile()) {
    yield* expandFile(path, stats.size, context);
  } else if (stats.isDirectory()) {
    for await (const item of walkDirectory(path)) {
      if (item.kind === 'error') yield failure(item.error);
      else yield* expandFile(item.path, item.size, context);
    }
  } else if (stats.isFIFO()) {
    // Named on its own, a FIFO is read as a stream (`analyze <(zcat job.log.gz)`): its head is
    // sniffed from the stream, since opening it again would lose those bytes.
    const chunks = fileChunks(path, {
      chunkBytes: context.chunkBytes,
      wrapError: (e) => fsInputError(path, e),
    });
    yield* expandStream(path, chunks, context, 'a named pipe');
  } else {
    yield failure(notAFile(path));
  }
}

async function* expandFile(path: string, size: number, context: Context): AsyncGenerator<InputItem> {
  let head: Buffer;
  try {
    head = await readFileHead(path);
  } catch (error) {
    yield failure(fsInputError(path, error));
    return;
  }
  const chunks = (reuseBuffers: boolean) => () =>
    fileChunks(path, {
      chunkBytes: context.chunkBytes,
      reuseBuffers,
      wrapError: (error) => fsInputError(path, error),
    });
  if (isZip(head)) yield* expandZip(path, context);
  // gunzip may hold on to a chunk while it inflates: fresh buffers for it.
  else if (isGzip(head)) yield await gzipSource(path, chunks(false), context);
  else if (looksBinary(head)) yield failure(binaryError(path, head));
  else yield { kind: 'source', path, bytes: size, open: chunks(context.reuseChunkBuffers ?? false) };
}

/** The first bytes of a file, to recognise archives and binaries: synchronously when it is regular. */
async function readFileHead(path: string): Promise<Buffer> {
  const fd = openRegularFile(path, (error) => error as Error);
  if (fd === null) return readHeadAsync(path);
  try {
    const buffer = Buffer.alloc(BINARY_SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

async function readHeadAsync(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* expandStdin(context: Context): AsyncGenerator<InputItem> {
  const stdin = context.stdin;
  if (!stdin || context.stdinTaken) {
    const problem = stdin
      ? "'-' was given twice, and stdin can be read only once"
      : "'-' names stdin, but no stdin stream was provided";
    yield failure(new InputError({ code: 'unreadable', path: STDIN_PATH, problem }));
    return;
  }
  context.stdinTaken = true;
  yield* expandStream(STDIN_PATH, asBytes(stdin), context, 'stdin');
}

/** A one-shot stream of bytes (stdin, a named pipe) as an input: sniffed, inflated, or refused. */
async function* expandStream(
  path: string,
  stream: AsyncIterable<Uint8Array>,
  context: Context,
  what: string,
): AsyncGenerator<InputItem> {
  try {
    let peeked = await peekStream(stream, BINARY_SNIFF_BYTES);
    if (isZip(peeked.head)) {
      await peeked.cancel();
      const problem = `a zip archive cannot be read from ${what} (it needs random access); pass its path`;
      yield failure(new InputError({ code: 'unsupported', path, problem }));
      return;
    }
    if (isGzip(peeked.head)) {
      const inflated = gunzip(peeked.rest, { path, maxDecompressedBytes: context.maxGunzipBytes });
      peeked = await peekStream(inflated, BINARY_SNIFF_BYTES);
    }
    if (looksBinary(peeked.head)) {
      await peeked.cancel();
      yield failure(binaryError(path, peeked.head));
    } else {
      yield { kind: 'source', path, bytes: null, open: once(peeked.rest) };
    }
  } catch (error) {
    yield failure(asInputError(path, error));
  }
}

/** stdin is one-shot: a second `open()` fails loudly instead of silently yielding nothing. */
function once(body: AsyncIterable<Uint8Array>): () => AsyncIterable<Uint8Array> {
  let opened = false;
  return () => {
    if (!opened) {
      opened = true;
      return body;
    }
    return {
      [Symbol.asyncIterator]: () => ({
        next: () =>
          Promise.reject(
            new InputError({ code: 'unreadable', path: STDIN_PATH, problem: 'stdin can be read only once' }),
          ),
      }),
    };
  };
}

async function* asBytes(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (chunk instanceof Uint8Array) yield chunk;
    else
      throw new InputError({
        code: 'unreadable',
        path: STDIN_PATH,
        problem: 'stdin yielded a non-byte chunk',
      });
  }
}
