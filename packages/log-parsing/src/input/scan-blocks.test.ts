/**
 * `readScanBlocks` must yield the lines `readLineBlocks` yields, numbered the same, for any bytes
 * cut into any chunks: the property below expands both readers' output to (no, text, truncated)
 * and compares. The examples pin down the hand-overs to the text reader one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineBlock, readLineBlocks } from './line-reader';
import { lineCutMarker } from './line-splitter';
import { type ByteRegion, readScanBlocks, type ScanBlock, utf8Text } from './scan-blocks';

type Chunk = Uint8Array | string;
type Line = [no: number, text: string, truncated: boolean];

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const BOM = [0xef, 0xbb, 0xbf];

/** A region's lines, after checking what a region promises about its bytes, text and starts. */
function regionLines(region: ByteRegion): Line[] {
  const { firstNo, bytes, text, starts, count } = region;
  expect(count).toBeGreaterThan(0);
  expect(text.length).toBe(bytes.length);
  expect(text).toBe(Buffer.from(bytes).toString('latin1'));
  expect(text.includes('\r')).toBe(false);
  expect(starts[0]).toBe(0);
  expect(starts[count]).toBe(text.length);
  const out: Line[] = [];
  for (let k = 0; k < count; k++) {
    expect(starts[k + 1]!).toBeGreaterThan(starts[k]!);
    expect(bytes[starts[k + 1]! - 1]).toBe(0x0a);
    out.push([firstNo + k, utf8.decode(bytes.subarray(starts[k]!, starts[k + 1]! - 1)), false]);
  }
  return out;
}

function blockLines(block: LineBlock): Line[] {
  return block.texts.map((text, i) => [block.firstNo + i, text, block.cut.includes(block.firstNo + i)]);
}

/** Expanded at once: a region's `starts` is reused by the next one. */
function scanLines(block: ScanBlock): Line[] {
  return block.region ? regionLines(block.region) : blockLines(block.lines);
}

async function scanned(chunks: Chunk[], maxLineBytes?: number) {
  const lines: Line[] = [];
  const kinds: ('region' | 'lines')[] = [];
  for await (const block of readScanBlocks(chunks, { maxLineBytes })) {
    kinds.push(block.region ? 'region' : 'lines');
    lines.push(...scanLines(block));
  }
  return { lines, kinds };
}

async function decoded(chunks: Chunk[], maxLineBytes?: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const block of readLineBlocks(chunks, { maxLineBytes })) {
    for (const line of block.lines) lines.push([line.no, line.text, line.truncated === true]);
  }
  return lines;
}

const bytesOf = (...parts: (string | readonly number[] | Uint8Array)[]): Buffer =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'utf8') : p instanceof Uint8Array ? p : Buffer.from([...p]),
    ),
  );

// --- the property's input: lines of mixed content, cut into chunks of mixed kinds ---

const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ':', '-', '\t', '='), maxLength: 70 });
const lineContent = fc.oneof(
  { weight: 6, arbitrary: ascii.map((s) => Buffer.from(s)) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('é', '€', '😀', 'ß', 'x', '\uFEFF'), { maxLength: 20 })
      .map((p) => Buffer.from(p.join(''))),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom([0x80], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xed, 0xa0, 0x80], [0x41]),
        {
          maxLength: 12,
        },
      )
      .map((p) => Buffer.from(p.flat())),
  },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  {
    weight: 1,
    arbitrary: fc
      .record({ n: fc.integer({ min: 100, max: 6000 }), wide: fc.boolean() })
      .map(({ n, wide }) => Buffer.from(wide ? 'é'.repeat(n >> 1) : 'x'.repeat(n))),
  },
);

interface Shape {
  bom: boolean;
  lines: { content: Buffer; end: number }[];
  finalBreak: boolean;
}

/** Some runs have `\r` and `\r\n` breaks, most only `\n` (else few runs would reach the regions). */
const shape: fc.Arbitrary<Shape> = fc.boolean().chain((withCR) =>
  fc.record({
    bom: fc.boolean(),
    lines: fc.array(
      fc.record({
        content: lineContent,
        end: withCR ? fc.constantFrom(0, 0, 0, 1, 2) : fc.constant(0),
      }),
      { maxLength: 60 },
    ),
    finalBreak: fc.boolean(),
  }),
);

const ENDS = [[0x0a], [0x0d, 0x0a], [0x0d]];

function encode({ bom, lines, finalBreak }: Shape): Buffer {
  const parts: Uint8Array[] = bom ? [Buffer.from(BOM)] : [];
  lines.forEach(({ content, end }, i) => {
    parts.push(content);
    if (i < lines.length - 1 || finalBreak) parts.push(Buffer.from(ENDS[end]!));
  });
  return Buffer.concat(parts);
}

type Kind = 'view' | 'copy' | 'offset' | 'string';
interface Plan {
  sizes: number[];
  kinds: Kind[];
  stringAt: number | undefined;
}
const chunkPlan: fc.Arbitrary<Plan> = fc.record({
  sizes: fc.array(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 16 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 1, max: 600 }),
    ),
    { minLength: 1, maxLength: 12 },
  ),
  kinds: fc.array(fc.constantFrom<Kind>('view', 'view', 'copy', 'offset'), { minLength: 1, maxLength: 5 }),
  stringAt: fc.option(fc.nat(30), { nil: undefined, freq: 8 }),
});

/** Cuts `data` with the sizes in turn: Buffer views, plain copies, plain views at an offset, a string. */
function cut(data: Buffer, plan: Plan): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 0;
  for (let i = 0; at < data.length || i < plan.sizes.length; i++) {
    let size = plan.sizes[i % plan.sizes.length]!;
    if (i >= 4 * plan.sizes.length && size === 0) size = data.length - at;
    const piece = data.subarray(at, at + size);
    at += piece.length;
    const kind = i === plan.stringAt ? 'string' : plan.kinds[i % plan.kinds.length]!;
    if (kind === 'view') chunks.push(piece);
    else if (kind === 'copy') chunks.push(Uint8Array.from(piece));
    else if (kind === 'offset') chunks.push(new Uint8Array(piece.buffer, piece.byteOffset, piece.length));
    else chunks.push(utf8.decode(piece));
  }
  return chunks;
}

const maxLineBytes = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: 20, max: 3000 }) },
);

describe('readScanBlocks property', () => {
  it('yields the lines readLineBlocks yields, numbered and cut the same, however the bytes come', async () => {
    const seen = { regions: 0, handedOver: 0, cut: 0, regionOnly: 0 };
    await fc.assert(
      fc.asyncProperty(shape, chunkPlan, maxLineBytes, async (s, plan, max) => {
        const data = encode(s);
        const before = Buffer.from(data);
        const chunks = cut(data, plan);
        const got = await scanned(chunks, max);
        // The scan must leave its chunks as they were (regions are views of them).
        expect(data.equals(before)).toBe(true);
        expect(got.lines).toEqual(await decoded(chunks, max));
        if (got.kinds.includes('region')) seen.regions++;
        if (got.lines.some((l) => l[2])) seen.cut++;
        if (got.kinds.length > 0 && got.kinds.every((k) => k === 'region')) seen.regionOnly++;
        if (
          got.kinds.lastIndexOf('region') < got.kinds.lastIndexOf('lines') &&
          got.kinds.includes('region')
        ) {
          seen.handedOver++;
        }
      }),
      { numRuns: 600 },
    );
    // The generator must keep reaching each path, or the comparison proves little.
    expect(seen.regions).toBeGreaterThan(100);
    expect(seen.regionOnly).toBeGreaterThan(20);
    expect(seen.handedOver).toBeGreaterThan(20);
    expect(seen.cut).toBeGreaterThan(10);
  });
});

describe('readScanBlocks', () => {
  it('drops a BOM at the start only, reading both chunks as regions', async () => {
    const chunks = [bytesOf(BOM, 'a\n', BOM, 'b\n'), bytesOf(BOM, 'c\n')];
    const got = await scanned(chunks);
    expect(got.kinds).toEqual(['region', 'region']);
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, '\uFEFFb', false],
      [3, '\uFEFFc', false],
    ]);
    expect(got.lines).toEqual(await decoded(chunks));
  });

  it.each([
    ['1 + 2', [BOM.slice(0, 1), [...BOM.slice(1), 0x61, 0x0a, 0x62, 0x0a]]],
    ['2 + 1', [BOM.slice(0, 2), [...BOM.slice(2), 0x61, 0x0a, 0x62, 0x0a]]],
    ['after an empty chunk, 1 + 2', [[], BOM.slice(0, 1), [...BOM.slice(1), 0x61, 0x0a, 0x62, 0x0a]]],
  ])('drops a BOM split %s bytes across the first chunks', async (_, parts) => {
    const chunks = parts.map((p) => Uint8Array.from(p));
    const got = await scanned(chunks);
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, 'b', false],
    ]);
    expect(got.lines).toEqual(await decoded(chunks));
  });

  it('hands over at a \\r in the third chunk, numbering on from the regions', async () => {
    const chunks = [bytesOf('a\nb\n'), bytesOf('c\nd'), bytesOf('e\r\nf\rg\n'), bytesOf('h\n')];
    const got = await scanned(chunks);
    expect(got.kinds.slice(0, 2)).toEqual(['region', 'region']);
    expect(got.kinds.slice(2).every((k) => k === 'lines')).toBe(true);
    expect(got.lines.map(([no, text]) => `${no}:${text}`)).toEqual([
      '1:a',
      '2:b',
      '3:c',
      '4:de',
      '5:f',
      '6:g',
      '7:h',
    ]);
    expect(got.lines).toEqual(await decoded(chunks));
  });

  it('cuts a carried line over the cap with the marker, numbering on from the regions', async () => {
    // Every chunk within the cap (10): the line grows over it only as it is carried.
    const chunks = [bytesOf('a\nb\n'), bytesOf('0123456'), bytesOf('789abcdef'), bytesOf('gh\nz\n')];
    const got = await scanned(chunks, 10);
    expect(got.kinds[0]).toBe('region');
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, 'b', false],
      [3, `0123456789${lineCutMarker(8)}`, true],
      [4, 'z', false],
    ]);
    expect(got.lines).toEqual(await decoded(chunks, 10));
  });

  it('keeps a carried line of exactly the cap whole, and hands over a chunk longer than the cap', async () => {
    const chunks = [bytesOf('a\n01234'), bytesOf('56789\nb\n'), bytesOf('ab\n0123456789x\n')];
    const got = await scanned(chunks, 10);
    expect(got.kinds).toEqual(['region', 'lines', 'region', 'lines']);
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, '0123456789', false],
      [3, 'b', false],
      [4, 'ab', false],
      [5, `0123456789${lineCutMarker(1)}`, true],
    ]);
    expect(got.lines).toEqual(await decoded(chunks, 10));
  });

  it('reads a string chunk after byte chunks as the text reader does', async () => {
    const chunks: Chunk[] = [bytesOf('a\nb'), 'c\nd\n', bytesOf('e\n', [0xc3])];
    const got = await scanned(chunks);
    expect(got.kinds[0]).toBe('region');
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, 'bc', false],
      [3, 'd', false],
      [4, 'e', false],
      [5, '\uFFFD', false],
    ]);
    expect(got.lines).toEqual(await decoded(chunks));
  });

  it('completes a carried line as a block of its own, decoded across the chunk boundary', async () => {
    const euro = Buffer.from('€');
    const chunks = [bytesOf('a\nx', euro.subarray(0, 1)), bytesOf(euro.subarray(1), 'y\nb\n')];
    const got = await scanned(chunks);
    expect(got.kinds).toEqual(['region', 'lines', 'region']);
    expect(got.lines).toEqual([
      [1, 'a', false],
      [2, 'x€y', false],
      [3, 'b', false],
    ]);
  });

  it('reuses one starts array from region to region: a consumer finishes a region before pulling the next', async () => {
    const blocks = readScanBlocks([bytesOf('a\nbb\n'), bytesOf('cccc\nd\n')]);
    const first = (await blocks.next()).value?.region;
    expect(first && [...first.starts.subarray(0, first.count + 1)]).toEqual([0, 2, 5]);
    const second = (await blocks.next()).value?.region;
    expect(second?.starts).toBe(first?.starts);
    // The first region's view now shows the second's line starts.
    expect([...(first?.starts.subarray(0, 3) ?? [])]).toEqual([0, 5, 7]);
  });
});

describe('readScanBlocks options', () => {
  it('refuses a bad line cap at once, as readLineBlocks does, even for an empty input', async () => {
    for (const maxLineBytes of [0, -1, 2.5, Number.NaN]) {
      await expect(readScanBlocks([], { maxLineBytes }).next()).rejects.toThrow(RangeError);
    }
  });
});

describe('utf8Text', () => {
  it("is toString('utf8', start, end) on any bytes, invalid UTF-8 included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), fc.nat(), (raw, a, b) => {
        const bytes = Buffer.from(raw);
        const start = a % (bytes.length + 1);
        const end = start + (b % (bytes.length - start + 1));
        expect(utf8Text(bytes, start, end)).toBe(bytes.toString('utf8', start, end));
      }),
      { numRuns: 500 },
    );
  });
});
