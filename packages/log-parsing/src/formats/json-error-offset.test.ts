import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
  it('finds where JSON goes wrong', () => {
    expect(jsonErrorOffset('[1, 2 }')).toBe(6);
    expect(jsonErrorOffset('{"a": [true, nul]}')).toBe(13);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('"ab\ncd"')).toBe(3);
  });

  it('reports the end for truncated JSON', () => {
    expect(jsonErrorOffset('[{"a": "b')).toBe(9);
    expect(jsonErrorOffset('[{"a": 1}, ')).toBe(11);
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(jsonErrorOffset(json)).toBe(-1);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === -1).toBe(valid);
      }),
    );
  });

  it('handles deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});
