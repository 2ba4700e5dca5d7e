import { describe, expect, it } from 'vitest';
import { codeBlock, inlineCode, tableCell } from './markdown-builders';

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeBlock('plain')).toBe('```text\nplain\n```');
    expect(codeBlock('a ``` b\n````', '')).toBe('`````\na ``` b\n````\n`````');
  });
});

describe('inlineCode', () => {
  it('survives backticks and newlines inside, and an empty text', () => {
    expect(inlineCode('x.go:7')).toBe('`x.go:7`');
    expect(inlineCode('we`ird')).toBe('``we`ird``');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
    expect(inlineCode('two\n  lines')).toBe('`two lines`');
    expect(inlineCode('')).toBe('` `');
  });
});

describe('tableCell', () => {
  it('keeps a cell on one line and escapes its pipes', () => {
    expect(tableCell('a | b\n  c')).toBe('a \\| b c');
    expect(tableCell(inlineCode('x|y'))).toBe('`x\\|y`');
  });
});
