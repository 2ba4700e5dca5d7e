import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Bytes asked of the file per read: four chunks (see `fileChunks`). */
const READS_PER_CALL = 4;

export interface FileChunksOptions {
  /** Size of each chunk yielded. */
  chunkBytes: number;
  /**
   * Read into one buffer again and again instead of a fresh one per read. A chunk is then valid
   * only until the next one is asked for: for a consumer that decodes each chunk at once (analyze
   * does), never for one that keeps chunks.
   */
  reuseBuffers?: boolean;
  /** Wraps a read error (the caller names the file in it). */
  wrapError(error: unknown): Error;
}

/**
 * A file's bytes in chunks of `chunkBytes`, read `READS_PER_CALL` chunks at a time.
 * Hand-written rather than `createReadStream` because that stream allocates a fresh buffer per
 * read and makes a thread-pool round trip per 64 KiB: on the 1 GB benchmark log, reading +
 * decoding + splitting took ~2.5 CPU s that way and ~1.5 s with four times larger reads into
 * reused buffers (chunks stay 64 KiB: lines are slices of their decoded chunk, and bigger chunks
 * pin more memory).
 *
 * A regular file is opened and read synchronously (`openSync`, `readSync`: its reads come from the
 * page cache, or block only as long as the disk takes; a CLI has nothing else to do meanwhile).
 * An asynchronous read goes through libuv's thread pool, and on a busy machine the main thread sat
 * idle ~8% of a 100 MB analyze waiting for the pool's thread to get a core, though the read was
 * issued a whole chunk ahead: 100 MB median ~0.83 → 0.76 s, CPU ~1.04 → 0.95 s
 * (docs/performance.md, "Session 5").
 * Anything else that opens as a file (a FIFO swapped in after the caller's `stat`, a device) is
 * read asynchronously, so a slow writer never blocks the event loop.
 *
 * The event loop still turns after every chunk (a `setImmediate`, ~800 per 100 MB). A host
 * process's timers and sockets wait well under 1 ms, and V8's own foreground tasks run: without
 * them, incremental marking finished late, whatever was allocated meanwhile survived, and peak
 * RSS on the 1 GB log rose from ~115 to ~155 MB (a turn every 32 reads still gave 153). A turn
 * per read (four chunks) was enough until analyze got faster per chunk: in session 9 peak RSS on
 * 1 GB crept from ~100 to ~130 MB with no more live data (heap snapshots at exit 11.4 / 11.5 MB;
 * under `--predictable` both builds peak at ~130), and a turn per chunk brought it back to ~105
 * for ~3% more CPU on 100 MB (docs/performance.md, "Session 9").
 */
export async function* fileChunks(path: string, options: FileChunksOptions): AsyncGenerator<Uint8Array> {
  const fd = openRegularFile(path, options.wrapError);
  if (fd === null) {
    yield* streamChunks(path, options);
    return;
  }
  try {
    yield* readChunks((into, bytes) => readSync(fd, into, 0, bytes, null), options, true);
  } finally {
    closeSync(fd);
  }
}

/**
 * The read loop: `read` fills the buffer from the current position and says how many bytes it
 * put there (0 at the end). `turn`: let the event loop turn after each chunk (synchronous reads).
 */
async function* readChunks(
  read: (into: Buffer, bytes: number) => number | Promise<number>,
  options: FileChunksOptions,
  turn: boolean,
): AsyncGenerator<Uint8Array> {
  const { chunkBytes, reuseBuffers = false, wrapError } = options;
  const readBytes = chunkBytes * READS_PER_CALL;
  // Reused, a buffer is read into again only when the caller asks for the chunk after its last.
  let buffer = Buffer.allocUnsafeSlow(readBytes);
  for (;;) {
    const current = buffer;
    let bytesRead: number;
    try {
      bytesRead = await read(current, readBytes);
    } catch (error) {
      throw wrapError(error);
    }
    if (bytesRead === 0) return;
    if (!reuseBuffers) buffer = Buffer.allocUnsafeSlow(readBytes);
    for (let at = 0; at < bytesRead; at += chunkBytes) {
      yield current.subarray(at, Math.min(bytesRead, at + chunkBytes));
      if (turn) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Opens `path` synchronously and returns its descriptor when it is a regular file; null (closed
 * again) for anything else. O_NONBLOCK, so that a FIFO swapped in after the caller's `stat` does not
 * block the open until a writer comes; it changes nothing for a regular file. Opening, checking and
 * closing through the thread pool were three round trips per file, which left the main thread idle
 * a third of an analyze of a Prow artifact tree (789 small files).
 */
export function openRegularFile(path: string, wrapError: (error: unknown) => Error): number | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw wrapError(error);
  }
  let regular = false;
  try {
    regular = fstatSync(fd).isFile();
  } catch (error) {
    closeSync(fd);
    throw wrapError(error);
  }
  if (regular) return fd;
  closeSync(fd);
  return null;
}

/** The chunks of anything that opens as a file but is not one (a FIFO, a device): read asynchronously. */
async function* streamChunks(path: string, options: FileChunksOptions): AsyncGenerator<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw options.wrapError(error);
  }
  try {
    yield* readChunks(
      async (into, bytes) => (await handle.read(into, 0, bytes, null)).bytesRead,
      options,
      false,
    );
  } finally {
    await handle.close();
  }
}
