import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks } from './file-chunks';

const dir = mkdtempSync(join(tmpdir(), 'file-chunks-'));
const wrapError = (error: unknown) => new Error(`wrapped: ${(error as Error).message}`);

function sample(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (i * 7 + (i >>> 9)) & 0xff;
  return out;
}

describe('fileChunks', () => {
  for (const reuseBuffers of [false, true]) {
    it(`yields the file's bytes in chunks of chunkBytes (reuseBuffers: ${reuseBuffers})`, async () => {
      const data = sample(10 * 1000 + 123);
      const path = join(dir, `data-${reuseBuffers}.bin`);
      writeFileSync(path, data);
      const sizes: number[] = [];
      const copies: Buffer[] = [];
      for await (const chunk of fileChunks(path, { chunkBytes: 1000, reuseBuffers, wrapError })) {
        sizes.push(chunk.byteLength);
        // Copied at once, as a consumer of reused buffers must (analyze decodes at once).
        copies.push(Buffer.from(chunk));
      }
      expect(sizes).toEqual([...Array(10).fill(1000), 123]);
      expect(Buffer.concat(copies).equals(data)).toBe(true);
    });
  }

  it('keeps every chunk intact when buffers are not reused', async () => {
    const data = sample(9000);
    const path = join(dir, 'kept.bin');
    writeFileSync(path, data);
    const kept: Uint8Array[] = [];
    for await (const chunk of fileChunks(path, { chunkBytes: 500, wrapError })) kept.push(chunk);
    expect(Buffer.concat(kept).equals(data)).toBe(true);
  });

  it('yields nothing for an empty file', async () => {
    const path = join(dir, 'empty.bin');
    writeFileSync(path, '');
    const chunks: Uint8Array[] = [];
    for await (const chunk of fileChunks(path, { chunkBytes: 64, wrapError })) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });

  it('stops early without leaving a read in flight or the file open', async () => {
    const path = join(dir, 'early.bin');
    writeFileSync(path, sample(100_000));
    for (let i = 0; i < 50; i++) {
      for await (const _ of fileChunks(path, { chunkBytes: 1000, reuseBuffers: true, wrapError })) break;
    }
    // 50 early stops; a leaked handle or a read on a closed one would surface as an error here.
    let total = 0;
    for await (const chunk of fileChunks(path, { chunkBytes: 4096, wrapError })) total += chunk.byteLength;
    expect(total).toBe(100_000);
  });

  it('opens and reads a regular file without waiting for the thread pool', async () => {
    const path = join(dir, 'sync.bin');
    writeFileSync(path, sample(5000));
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    for await (const _ of fileChunks(path, { chunkBytes: 1000, wrapError })) {
      // An asynchronous open would have let the immediate run first.
      expect(turned).toBe(false);
      break;
    }
  });

  it('lets the event loop turn after every chunk (reads are synchronous)', async () => {
    const path = join(dir, 'long.bin');
    writeFileSync(path, sample(30_000));
    let turned = false;
    let seenBeforeTurn = 0;
    for await (const chunk of fileChunks(path, { chunkBytes: 1000, reuseBuffers: true, wrapError })) {
      // Scheduled once the file is open: opening it turned the loop already.
      if (seenBeforeTurn === 0) {
        setImmediate(() => {
          turned = true;
        });
      }
      if (!turned) seenBeforeTurn += chunk.byteLength;
    }
    expect(turned).toBe(true);
    // One read is four chunks; the loop turns after each of them.
    expect(seenBeforeTurn).toBe(1000);
  });

  it.skipIf(process.platform === 'win32')(
    'reads a FIFO to its end (anything but a regular file is read asynchronously)',
    async () => {
      const path = join(dir, 'fifo');
      execFileSync('mkfifo', [path]);
      const data = sample(200_000);
      const writer = createWriteStream(path);
      writer.end(data);
      const copies: Buffer[] = [];
      for await (const chunk of fileChunks(path, { chunkBytes: 4096, wrapError }))
        copies.push(Buffer.from(chunk));
      expect(Buffer.concat(copies).equals(data)).toBe(true);
    },
    10_000,
  );

  it('wraps the error of a file that cannot be opened', async () => {
    const read = async () => {
      for await (const _ of fileChunks(join(dir, 'missing.bin'), { chunkBytes: 64, wrapError })) {
        /* nothing */
      }
    };
    await expect(read()).rejects.toThrow(/^wrapped: ENOENT/);
  });

  it('wraps a read error (a directory opens but cannot be read)', async () => {
    const read = async () => {
      for await (const _ of fileChunks(dir, { chunkBytes: 64, wrapError })) {
        /* nothing */
      }
    };
    await expect(read()).rejects.toThrow(/^wrapped: EISDIR/);
  });
});

describe('reused buffers under the streaming decoder', () => {
  it('give the same lines as decoding the whole file, characters split across chunks included', async () => {
    const { expandInputs } = await import('./open-inputs');
    const { readLineBlocks } = await import('./line-reader');
    const { splitLines } = await import('./line-splitter');
    // Multi-byte characters (2, 3 and 4 bytes) and an invalid byte, cut at every odd chunk size.
    const text = Array.from({ length: 400 }, (_, i) => `${i} é•𝄞 ${'x'.repeat(i % 7)}\u00ff\n`).join('');
    const data = Buffer.concat([Buffer.from(text), Buffer.from([0xe2, 0x82]), Buffer.from(' tail\n')]);
    const path = join(dir, 'multibyte.log');
    writeFileSync(path, data);
    const whole = splitLines(new TextDecoder('utf-8', { ignoreBOM: true }).decode(data));
    for (const chunkBytes of [1, 3, 7, 64, 1000]) {
      for await (const item of expandInputs([path], { chunkBytes, reuseChunkBuffers: true })) {
        if (item.kind !== 'source') throw new Error(`unexpected ${item.kind}`);
        const texts: string[] = [];
        for await (const block of readLineBlocks(item.open())) texts.push(...block.texts);
        expect(texts).toEqual(whole.map((l) => l.text));
      }
    }
  });
});
