import { describe, expect, it } from 'vitest';
import type { LogLine } from '../types';
import { toArray } from './__fixtures__/to-array';
import { readLineBatches, readLines } from './line-reader';
import { lineCutMarker } from './line-splitter';

const bytes = (...values: (number[] | string)[]) =>
  values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Uint8Array.from(v)));

async function collect(chunks: Iterable<Uint8Array | string>, maxLineBytes?: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  for await (const line of readLines(chunks, { maxLineBytes })) lines.push(line);
  return lines;
}
const texts = async (chunks: Iterable<Uint8Array | string>, maxLineBytes?: number) =>
  (await collect(chunks, maxLineBytes)).map((l) => l.text);

describe('readLineBatches', () => {
  it('yields one batch per chunk that completes lines, none for chunks that complete nothing', async () => {
    const batches: string[][] = [];
    for await (const batch of readLineBatches(bytes('a\nb\nc', 'cc', 'c\nd')))
      batches.push(batch.map((l) => l.text));
    expect(batches).toEqual([['a', 'b'], ['cccc'], ['d']]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    // '€' = e2 82 ac, '😀' = f0 9f 98 80
    expect(await texts(bytes([0x41, 0xe2], [0x82], [0xac, 0x0a, 0xf0, 0x9f], [0x98, 0x80]))).toEqual([
      'A€',
      '😀',
    ]);
  });

  it('replaces invalid UTF-8 with U+FFFD instead of failing', async () => {
    expect(await texts(bytes([0x61, 0xff, 0x62, 0x0a, 0xc3, 0x28]))).toEqual(['a\uFFFDb', '\uFFFD(']);
    // A sequence cut off by the end of input is invalid too.
    expect(await texts(bytes('ok\n', [0xe2, 0x82]))).toEqual(['ok', '\uFFFD']);
  });

  it('strips a BOM split across chunks at the start, and keeps one later', async () => {
    expect(await texts(bytes([0xef], [0xbb, 0xbf, 0x78, 0x0a, 0xef, 0xbb, 0xbf, 0x79]))).toEqual([
      'x',
      '\uFEFFy',
    ]);
  });

  it('treats \\r at the end of a chunk and \\n at the start of the next as one break', async () => {
    expect(await texts(bytes('one\r', '\ntwo\r', 'three\r\n', 'four'))).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('cuts a line spread over many chunks without keeping the rest', async () => {
    function* huge() {
      yield 'start\n';
      const block = Buffer.alloc(64 * 1024, 0x61);
      for (let i = 0; i < 160; i++) yield block; // 10 MiB on one line
      yield Buffer.from('tail\nend');
    }
    const lines = await collect(huge(), 1000);
    expect(lines).toEqual([
      { no: 1, text: 'start' },
      { no: 2, text: `${'a'.repeat(1000)}${lineCutMarker(160 * 64 * 1024 + 4 - 1000)}`, truncated: true },
      { no: 3, text: 'end' },
    ]);
  });

  it('cuts at 1 MiB by default', async () => {
    const [line] = await collect([`${'z'.repeat(1024 * 1024 + 7)}\n`]);
    expect(line?.truncated).toBe(true);
    expect(line?.text).toBe(`${'z'.repeat(1024 * 1024)}${lineCutMarker(7)}`);
  });

  it('accepts string chunks, mixed with bytes', async () => {
    expect(await texts(['a\r', bytes('\nb')[0]!, 'c\n'])).toEqual(['a', 'bc']);
    // An incomplete byte sequence followed by a string chunk is invalid, not silently dropped.
    expect(await texts([Uint8Array.from([0x41, 0xe2]), 'B'])).toEqual(['A\uFFFDB']);
  });

  it('reads async iterables (streams)', async () => {
    async function* source() {
      yield Buffer.from('x\r\n');
      yield Buffer.from('y');
    }
    expect(await texts(await toArray(source()))).toEqual(['x', 'y']);
    const lines: string[] = [];
    for await (const line of readLines(source())) lines.push(line.text);
    expect(lines).toEqual(['x', 'y']);
  });

  it('fails clearly on a chunk that is neither bytes nor a string', async () => {
    const bad = [42 as unknown as string];
    await expect(collect(bad)).rejects.toThrow(
      'readLineBatches: chunks must be Uint8Array or string, got number',
    );
  });
});
