import { readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Bytes asked of the file per read: four chunks (see `fileChunks`). */
const READS_PER_CALL = 4;

export interface FileChunksOptions {
  /** Size of each chunk yielded. */
  chunkBytes: number;
  /**
   * Read into buffers used in turn instead of a fresh one per read. A chunk is then valid only
   * until the next one is asked for: for a consumer that decodes each chunk at once (analyze
   * does), never for one that keeps chunks.
   */
  reuseBuffers?: boolean;
  /**
   * Read with `readSync`, on the calling thread, when the consumer asks for more (with
   * `reuseBuffers`: into one buffer). For a consumer that does nothing else meanwhile, like the CLI's
   * analyze: an asynchronous read goes through libuv's thread pool, and on a busy 2-core machine
   * the pool's thread waits for a core (the 100 MB benchmark log showed ~35 ms of idle event loop
   * and ran ~0.05–0.1 s slower). Blocks the event loop for each read (~0.1 ms per 256 KiB from the
   * page cache): not for a server that must keep answering meanwhile.
   */
  blocking?: boolean;
  /** Wraps a read error (the caller names the file in it). */
  wrapError(error: unknown): Error;
}

/**
 * A file's bytes in chunks of `chunkBytes`, read `READS_PER_CALL` chunks at a time with the next
 * read already in flight (or, with `blocking`, read when needed). Hand-written rather than
 * `createReadStream` because that stream allocates a fresh buffer per read and makes a thread-pool
 * round trip per 64 KiB: on the 1 GB benchmark log, reading + decoding + splitting took ~2.5 CPU s
 * that way and ~1.5 s with four times larger reads into two reused buffers (chunks stay 64 KiB:
 * lines are slices of their decoded chunk, and bigger chunks pin more memory).
 */
export async function* fileChunks(path: string, options: FileChunksOptions): AsyncGenerator<Uint8Array> {
  const { chunkBytes, reuseBuffers = false, blocking = false, wrapError } = options;
  const readBytes = chunkBytes * READS_PER_CALL;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw wrapError(error);
  }
  try {
    yield* blocking
      ? blockingChunks(handle.fd, readBytes, chunkBytes, reuseBuffers, wrapError)
      : prefetchedChunks(handle, readBytes, chunkBytes, reuseBuffers, wrapError);
  } finally {
    await handle.close();
  }
}

function* blockingChunks(
  fd: number,
  readBytes: number,
  chunkBytes: number,
  reuseBuffers: boolean,
  wrapError: (error: unknown) => Error,
): Generator<Uint8Array> {
  // The consumer has finished with every chunk of a read before the next read: one buffer will do.
  let buffer = Buffer.allocUnsafeSlow(readBytes);
  for (;;) {
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, 0, readBytes, null);
    } catch (error) {
      throw wrapError(error);
    }
    if (bytesRead === 0) return;
    for (let at = 0; at < bytesRead; at += chunkBytes) {
      yield buffer.subarray(at, Math.min(bytesRead, at + chunkBytes));
    }
    if (!reuseBuffers) buffer = Buffer.allocUnsafeSlow(readBytes);
  }
}

async function* prefetchedChunks(
  handle: Awaited<ReturnType<typeof open>>,
  readBytes: number,
  chunkBytes: number,
  reuseBuffers: boolean,
  wrapError: (error: unknown) => Error,
): AsyncGenerator<Uint8Array> {
  const buffers = [Buffer.allocUnsafeSlow(readBytes), Buffer.allocUnsafeSlow(readBytes)];
  let turn = 0;
  const read = (buffer: Buffer) => handle.read(buffer, 0, readBytes, null);
  let pending: ReturnType<typeof read> | null = read(buffers[0]!);
  try {
    while (pending !== null) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await pending);
      } catch (error) {
        pending = null;
        throw wrapError(error);
      }
      pending = null;
      if (bytesRead === 0) break;
      const current = buffers[turn]!;
      turn ^= 1;
      if (!reuseBuffers) buffers[turn] = Buffer.allocUnsafeSlow(readBytes);
      pending = read(buffers[turn]!);
      for (let at = 0; at < bytesRead; at += chunkBytes) {
        yield current.subarray(at, Math.min(bytesRead, at + chunkBytes));
      }
    }
  } finally {
    // A read still in flight (the consumer stopped early) must end before the file is closed.
    if (pending !== null) await pending.catch(() => undefined);
  }
}
