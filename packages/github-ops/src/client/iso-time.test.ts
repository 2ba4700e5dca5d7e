import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';

describe('isoTime', () => {
  it('normalises dates and strings, and names the option on bad input', () => {
    expect(isoTime('2025-01-02', 'since')).toBe('2025-01-02T00:00:00.000Z');
    expect(isoTime(new Date(0), 'since')).toBe('1970-01-01T00:00:00.000Z');
    expect(() => isoTime('yesterday', 'createdSince')).toThrow(
      'createdSince: "yesterday" is not a valid date',
    );
  });
});
