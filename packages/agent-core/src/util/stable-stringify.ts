/** JSON with object keys sorted, so `{a,b}` and `{b,a}` compare equal. Cycles become "[Circular]". */
export function stableStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? v.toString() : v;
    if (seen.has(v)) return '[Circular]';
    seen.add(v);
    const out = Array.isArray(v)
      ? v.map(walk)
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, walk((v as Record<string, unknown>)[k])]),
        );
    seen.delete(v);
    return out;
  };
  return JSON.stringify(walk(value)) ?? 'undefined';
}
