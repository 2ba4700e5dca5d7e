import { describe, expect, it } from 'vitest';
import { LoopDetector } from './loop-detector';

describe('LoopDetector', () => {
  it('runs, warns, then stops on identical calls, ignoring key order', () => {
    const d = new LoopDetector(3);
    expect(d.record('grep', { a: 1, b: [1, 2] })).toEqual({ action: 'run' });
    const second = d.record('grep', { b: [1, 2], a: 1 });
    expect(second).toMatchObject({ action: 'warn', count: 2 });
    expect(d.record('grep', { a: 1, b: [1, 2] })).toEqual({ action: 'stop', count: 3 });
  });

  it('treats different arguments or tools as different calls, even when alternating', () => {
    const d = new LoopDetector(3);
    expect(d.record('grep', { a: 1 }).action).toBe('run');
    expect(d.record('grep', { a: 2 }).action).toBe('run');
    expect(d.record('read', { a: 1 }).action).toBe('run');
    expect(d.record('grep', { a: 1 }).action).toBe('warn');
    expect(d.record('grep', { a: 2 }).action).toBe('warn');
  });

  it('rejects a threshold that would stop on the first call', () => {
    expect(() => new LoopDetector(1)).toThrow(RangeError);
  });
});
