import { describe, expect, it } from 'vitest';
import { capToolResult, safeSlice } from './tool-result-cap';

describe('capToolResult', () => {
  it('passes short text through untouched', () => {
    expect(capToolResult('hello', 100)).toEqual({ text: 'hello', truncated: false, originalChars: 5 });
  });

  it('keeps head and tail within the limit and says how much was cut', () => {
    const text = `HEAD-${'x'.repeat(10_000)}-TAIL`;
    const capped = capToolResult(text, 1000);
    expect(capped.truncated).toBe(true);
    expect(capped.originalChars).toBe(text.length);
    expect(capped.text.length).toBeLessThanOrEqual(1000);
    expect(capped.text.startsWith('HEAD-')).toBe(true);
    expect(capped.text.endsWith('-TAIL')).toBe(true);
    const omitted = Number(/(\d+) characters omitted/.exec(capped.text)?.[1]);
    const kept = capped.text.length - capped.text.match(/\n\[\.\.\. .* \.\.\.\]\n/)![0].length;
    expect(omitted + kept).toBe(text.length);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(2000);
    const capped = capToolResult(text, 501);
    expect(capped.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(safeSlice('a😀b', 0, 2)).toBe('a');
    expect(safeSlice('a😀b', 2, 4)).toBe('b');
  });

  it('rejects a nonsensical limit', () => {
    expect(() => capToolResult('x', 10)).toThrow(/maxChars/);
    expect(() => capToolResult('x', Number.NaN)).toThrow(/maxChars/);
  });
});
