import { describe, expect, it } from 'vitest';
import type { EtagEntry } from './etag-store';
import { MemoryEtagStore } from './etag-store';

const entry = (data: unknown): EtagEntry => ({ etag: '"e"', data, headers: {}, url: 'u' });

describe('MemoryEtagStore', () => {
  it('evicts the least recently used entry past the entry cap', () => {
    const store = new MemoryEtagStore({ maxEntries: 2 });
    store.set('a', entry(1));
    store.set('b', entry(2));
    store.get('a');
    store.set('c', entry(3));
    expect([store.get('a')?.data, store.get('b'), store.get('c')?.data]).toEqual([1, undefined, 3]);
  });

  it('evicts to stay under the byte cap and skips entries bigger than the cap', () => {
    const store = new MemoryEtagStore({ maxBytes: 100 });
    store.set('a', entry('x'.repeat(30)));
    store.set('b', entry('y'.repeat(30)));
    expect(store.size).toBe(1);
    expect(store.get('b')).toBeDefined();
    store.set('huge', entry('z'.repeat(1000)));
    expect(store.get('huge')).toBeUndefined();
    expect(store.bytes).toBeLessThanOrEqual(100);
  });

  it('deletes and replaces', () => {
    const store = new MemoryEtagStore();
    store.set('a', entry(1));
    store.set('a', entry(2));
    expect(store.size).toBe(1);
    store.delete('a');
    store.delete('missing');
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });
});
