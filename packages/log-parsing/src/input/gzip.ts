// node:stream and node:zlib are loaded on the first .gz (process.getBuiltinModule): importing them
// costs ~4–7 ms of every run's start-up, and most runs read no gzip.
import { InputError } from './input-error';

/** Default cap on the decompressed size of one gzip stream: 8 GiB. */
export const DEFAULT_MAX_GUNZIP_BYTES = 8 * 1024 ** 3;

export interface GunzipOptions {
  /** Display path of the input, named in every error. */
  path: string;
  /** Stop with a `gzip-bomb` error past this many decompressed bytes. Default 8 GiB. */
  maxDecompressedBytes?: number;
}

/** True when `head` starts with the gzip magic bytes `1f 8b`. Extensions are not trusted. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Decompresses a gzip stream (concatenated members included) chunk by chunk. Decompressed bytes
 * are counted as they come out, because the gzip trailer's size field is mod 2^32 and forgeable.
 * Corrupt or truncated data ends with a `gzip-invalid` error; errors from `source` pass through.
 */
export async function* gunzip(
  source: AsyncIterable<Uint8Array>,
  options: GunzipOptions,
): AsyncGenerator<Buffer> {
  const { path } = options;
  const max = options.maxDecompressedBytes ?? DEFAULT_MAX_GUNZIP_BYTES;
  const input = process.getBuiltinModule('node:stream').Readable.from(source, { objectMode: false });
  // 128 KiB out at a time, as files are read (open-inputs.ts): zlib's 16 KiB default made a 100 MB
  // log's .gz take 2.16 s against 1.43 (stream turns and regions four times as many).
  const inflater = process.getBuiltinModule('node:zlib').createGunzip({ chunkSize: 128 * 1024 });
  // Errors raised by `source` pass through unchanged; anything else thrown while inflating is zlib's.
  let sourceError: unknown;
  input.on('error', (error) => {
    sourceError = error;
    inflater.destroy(error);
  });
  input.pipe(inflater);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) {
        throw new InputError({
          code: 'gzip-bomb',
          path,
          problem: `decompresses to more than the cap of ${max} bytes`,
        });
      }
      yield chunk;
    }
  } catch (error) {
    if (InputError.isInstance(error) || (sourceError !== undefined && error === sourceError)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError({
      code: 'gzip-invalid',
      path,
      problem: `corrupt or truncated gzip data (${detail})`,
      cause: error,
    });
  } finally {
    inflater.destroy();
    input.destroy();
  }
}
