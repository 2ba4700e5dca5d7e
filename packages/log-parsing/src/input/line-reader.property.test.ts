import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../types';
import { readLineBatches, readLineBlocks } from './line-reader';
import { splitLines } from './line-splitter';

/** Bytes biased towards what breaks line readers: breaks, BOM, multi-byte and invalid sequences. */
const interestingBytes = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [0x61], [0x20]) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          [0xef, 0xbb, 0xbf],
          [0xe2, 0x82, 0xac],
          [0xf0, 0x9f, 0x98, 0x80],
          [0xc3, 0xa9],
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom([0x80], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xed, 0xa0, 0x80]),
      },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

/** Cuts `data` at arbitrary points (empty chunks included). */
function chunked<T extends { length: number; slice(a: number, b: number): T }>(data: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: T[] = [];
  let start = 0;
  for (const point of [...points, data.length]) {
    chunks.push(data.slice(start, point));
    start = point;
  }
  return chunks;
}

async function streamed(chunks: (Uint8Array | string)[], maxLineBytes?: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  for await (const batch of readLineBatches(chunks, { maxLineBytes })) lines.push(...batch);
  return lines;
}

describe('readLineBatches property', () => {
  it('yields the same lines as splitLines on the whole, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        interestingBytes,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        async (data, cuts, maxLineBytes) => {
          const whole = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
          expect(await streamed(chunked(data, cuts), maxLineBytes)).toEqual(
            splitLines(whole, { maxLineBytes }),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees for string chunks too', async () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\uFEFF', '€', '😀', ' '), { maxLength: 60 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 12 }), async (whole, cuts) => {
        expect(await streamed(chunked(whole, cuts))).toEqual(splitLines(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each block the text of its lines joined by newlines, and the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        interestingBytes,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.boolean(),
        async (data, cuts, maxLineBytes, asStrings) => {
          const whole = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
          // String chunks are cut between code points, as a decoder would (the cap is per unit).
          const chunks = asStrings ? chunked([...whole], cuts).map((c) => c.join('')) : chunked(data, cuts);
          const lines: LogLine[] = [];
          for await (const block of readLineBlocks(chunks, { maxLineBytes })) {
            expect(block.lines.length).toBeGreaterThan(0);
            expect(block.text).toBe(block.lines.map((l) => l.text).join('\n'));
            // The object-free view analyze reads agrees with the objects.
            expect(block.texts).toEqual(block.lines.map((l) => l.text));
            expect(block.lines.map((l) => l.no)).toEqual(block.texts.map((_, i) => block.firstNo + i));
            lines.push(...block.lines);
          }
          expect(lines).toEqual(splitLines(whole, { maxLineBytes }));
        },
      ),
      { numRuns: 400 },
    );
  });
});
