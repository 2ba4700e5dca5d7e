import { describe, expect, it } from 'vitest';
import { githubTimestampLength } from './github-timestamp';

describe('githubTimestampLength', () => {
  it('accepts the runner format with 7 fractional digits, other widths, none, and a BOM', () => {
    expect(githubTimestampLength('2023-09-21T17:21:43.7023841Z Current runner version')).toBe(29);
    expect(githubTimestampLength('2023-09-21T17:21:43.702Z x')).toBe(25);
    expect(githubTimestampLength('2023-09-21T17:21:43Z x')).toBe(21);
    expect(githubTimestampLength('\ufeff2023-09-21T17:21:43.7023841Z x')).toBe(30);
    expect(githubTimestampLength('2023-09-21T17:21:43.7023841Z')).toBe(28);
  });

  it('rejects lines that only look similar', () => {
    expect(githubTimestampLength(' go.mod | 2 +-')).toBe(0);
    expect(githubTimestampLength('2023-09-21 17:21:43.7023841Z x')).toBe(0);
    expect(githubTimestampLength('2023-09-21T17:21:43.Z x')).toBe(0);
    expect(githubTimestampLength('2023-09-21T17:21:43.123+00:00 x')).toBe(0);
    expect(githubTimestampLength('')).toBe(0);
  });

  it('takes a timestamp ending the line only when there is room for a fraction or a BOM', () => {
    expect(githubTimestampLength('2024-01-02T03:04:05.1Z')).toBe(22);
    expect(githubTimestampLength('\uFEFF2024-01-02T03:04:05.1Z')).toBe(23);
    expect(githubTimestampLength('2024-01-02T03:04:05Z')).toBe(0);
    expect(githubTimestampLength('2024-01-02T03:04:05Z ')).toBe(21);
    expect(githubTimestampLength('2024-01-02T03:04:05.Z x')).toBe(0);
    expect(githubTimestampLength('2024-01-02T03:04:05.12Zx')).toBe(0);
    expect(githubTimestampLength('x2024-01-02T03:04:05.12Z x')).toBe(0);
  });
});
