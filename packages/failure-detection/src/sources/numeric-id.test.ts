import { describe, expect, it } from 'vitest';
import { compareNumericIds, isNumericId, snowflakeTime } from './numeric-id';

describe('numeric ids', () => {
  it('orders 19-digit build ids exactly, where doubles cannot', () => {
    const a = '2084791866867322880';
    const b = '2084791866867322881';
    expect(Number(a)).toBe(Number(b));
    expect(compareNumericIds(a, b)).toBeLessThan(0);
    expect(compareNumericIds(b, a)).toBeGreaterThan(0);
    expect(compareNumericIds(a, a)).toBe(0);
  });

  it('orders by magnitude when lengths differ, ignoring leading zeros', () => {
    expect(compareNumericIds('999', '1000')).toBeLessThan(0);
    expect(compareNumericIds('10000', '1001')).toBeGreaterThan(0);
    expect(compareNumericIds('007', '7')).toBe(0);
    expect(['1000', '20', '3', '2074645116424818688'].sort(compareNumericIds)).toEqual([
      '3',
      '20',
      '1000',
      '2074645116424818688',
    ]);
  });

  it('accepts only decimal digits', () => {
    expect(isNumericId('2074645116424818688')).toBe(true);
    for (const bad of ['', '12a', '-1', '1.5', ' 12', '../12', '1e3']) expect(isNumericId(bad)).toBe(false);
  });

  it('reads the time a Prow snowflake id carries, and refuses implausible ones', () => {
    const now = new Date('2026-08-11T00:00:00Z');
    // Build 2074645116424818688 started at 2026-07-08T00:00:50Z (its started.json).
    const time = snowflakeTime('2074645116424818688', now)!;
    expect(Math.abs(time.getTime() - Date.parse('2026-07-08T00:00:50Z'))).toBeLessThan(120_000);
    expect(snowflakeTime('12345', now)).toBeNull();
    expect(snowflakeTime('9999999999999999999', now)).toBeNull();
  });
});
