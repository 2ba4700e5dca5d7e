import { describe, expect, it } from 'vitest';
import { LineSplitter, lineCutMarker, splitLines } from './line-splitter';

const texts = (input: string, maxLineBytes?: number) =>
  splitLines(input, { maxLineBytes }).map((l) => l.text);

describe('splitLines', () => {
  it('splits on \\n, \\r\\n and lone \\r alike', () => {
    expect(texts('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(texts('a\r\rb')).toEqual(['a', '', 'b']);
    expect(texts('a\n\rb')).toEqual(['a', '', 'b']);
    expect(texts('a\r\n\nb')).toEqual(['a', '', 'b']);
  });

  it('numbers lines from 1 and counts empty lines', () => {
    expect(splitLines('x\n\ny')).toEqual([
      { no: 1, text: 'x' },
      { no: 2, text: '' },
      { no: 3, text: 'y' },
    ]);
  });

  it('emits a final line without a newline, but no phantom line after a trailing break', () => {
    expect(texts('a\nb')).toEqual(['a', 'b']);
    expect(texts('a\nb\n')).toEqual(['a', 'b']);
    expect(texts('a\r')).toEqual(['a']);
    expect(texts('a\r\n')).toEqual(['a']);
    expect(texts('\n')).toEqual(['']);
    expect(texts('')).toEqual([]);
  });

  it('strips a BOM at the start only', () => {
    expect(texts('\uFEFFfirst\n\uFEFFsecond')).toEqual(['first', '\uFEFFsecond']);
    expect(texts('\uFEFF')).toEqual([]);
    expect(texts('\uFEFF\uFEFF')).toEqual(['\uFEFF']);
  });

  it('cuts a line over the cap, keeps its head and says how much was dropped', () => {
    const lines = splitLines(`short\n${'x'.repeat(25)}\nafter`, { maxLineBytes: 10 });
    expect(lines).toEqual([
      { no: 1, text: 'short' },
      { no: 2, text: `xxxxxxxxxx${lineCutMarker(15)}`, truncated: true },
      { no: 3, text: 'after' },
    ]);
    expect(lines[1]?.text).toContain('15 more chars');
  });

  it('keeps a line exactly at the cap whole', () => {
    expect(splitLines('0123456789', { maxLineBytes: 10 })).toEqual([{ no: 1, text: '0123456789' }]);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    // '😀' is two UTF-16 units; a cut at 4 would split the second one.
    const [line] = splitLines('ab😀😀cd', { maxLineBytes: 4 });
    expect(line?.text).toBe(`ab😀${lineCutMarker(4)}`);
    expect(line?.truncated).toBe(true);
  });

  it('rejects a cap that is not a positive integer', () => {
    expect(() => splitLines('a', { maxLineBytes: 0 })).toThrow(
      /maxLineBytes must be a positive integer, got 0/,
    );
    expect(() => splitLines('a', { maxLineBytes: 1.5 })).toThrow(RangeError);
  });
});

describe('LineSplitter across pushes', () => {
  const run = (pieces: string[], maxLineBytes?: number) => {
    const splitter = new LineSplitter({ maxLineBytes });
    const out: { no: number; text: string; truncated?: boolean }[] = [];
    for (const piece of pieces) splitter.push(piece, out);
    splitter.end(out);
    return out;
  };

  it('treats \\r ending one push and \\n starting the next as one break', () => {
    expect(run(['a\r', '\nb']).map((l) => l.text)).toEqual(['a', 'b']);
    expect(run(['a\r', '', '\nb']).map((l) => l.text)).toEqual(['a', 'b']);
    expect(run(['a\r', 'b']).map((l) => l.text)).toEqual(['a', 'b']);
    expect(run(['a\r', '\r', '\nb']).map((l) => l.text)).toEqual(['a', '', 'b']);
  });

  it('joins a line split over pushes and cuts it once the total passes the cap', () => {
    expect(run(['ab', 'cd', 'e\nf'])).toEqual([
      { no: 1, text: 'abcde' },
      { no: 2, text: 'f' },
    ]);
    const cut = run(['abc', 'def', 'ghi', 'jkl\nz'], 5);
    expect(cut).toEqual([
      { no: 1, text: `abcde${lineCutMarker(7)}`, truncated: true },
      { no: 2, text: 'z' },
    ]);
  });

  it('ends a cut line that has no newline at the end of input', () => {
    expect(run(['abcdef', 'gh'], 3)).toEqual([{ no: 1, text: `abc${lineCutMarker(5)}`, truncated: true }]);
  });
});
