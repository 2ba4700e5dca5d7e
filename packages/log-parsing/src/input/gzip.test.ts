import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toArray } from './__fixtures__/to-array';
import { gunzip, isGzip } from './gzip';
import { InputError } from './input-error';

async function* chunksOf(data: Buffer, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function inflate(data: Buffer, maxDecompressedBytes?: number): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of gunzip(chunksOf(data), { path: 'logs/x.gz', maxDecompressedBytes }))
    parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!InputError.isInstance(error)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe('isGzip', () => {
  it('looks at the magic bytes only', () => {
    expect(isGzip(gzipSync('x'))).toBe(true);
    expect(isGzip(Buffer.from('plain text'))).toBe(false);
    expect(isGzip(Uint8Array.from([0x1f]))).toBe(false);
  });
});

describe('gunzip', () => {
  it('inflates a stream fed in small chunks', async () => {
    const text = 'line one\nline two\n'.repeat(1000);
    expect(await inflate(gzipSync(text))).toBe(text);
  });

  it('inflates concatenated members (gzip -c a b)', async () => {
    expect(await inflate(Buffer.concat([gzipSync('first\n'), gzipSync('second\n')]))).toBe('first\nsecond\n');
  });

  it('stops past the cap with a gzip-bomb error naming the file', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024)); // 4 MiB of zeros, ~4 KiB compressed
    const error = await failure(inflate(bomb, 1024 * 1024));
    expect(error.code).toBe('gzip-bomb');
    expect(error.path).toBe('logs/x.gz');
    expect(error.message).toBe('logs/x.gz: decompresses to more than the cap of 1048576 bytes');
  });

  it('reports truncated data as gzip-invalid, naming the file', async () => {
    const whole = gzipSync('some text that is long enough\n'.repeat(50));
    const error = await failure(inflate(whole.subarray(0, whole.length - 20)));
    expect(error.code).toBe('gzip-invalid');
    expect(error.message).toMatch(/^logs\/x\.gz: corrupt or truncated gzip data/);
  });

  it('reports corrupt data as gzip-invalid', async () => {
    const data = gzipSync('hello world\n'.repeat(100));
    data.fill(0x55, 12, 30);
    expect((await failure(inflate(data))).code).toBe('gzip-invalid');
  });

  it('lets errors from the source through unchanged', async () => {
    const boom = new InputError({ code: 'zip-bomb', path: 'a.zip!/x.gz', problem: 'too big' });
    async function* source() {
      yield gzipSync('x').subarray(0, 5);
      throw boom;
    }
    const parts = gunzip(source(), { path: 'a.zip!/x.gz' });
    await expect(toArray(parts)).rejects.toBe(boom);
  });
});
