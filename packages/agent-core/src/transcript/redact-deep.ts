import { safeSlice } from '../tool/tool-result-cap';
import { redact } from '../util/redact';

/**
 * Redacts every string inside a JSON-like value and cuts long strings, BEFORE serialising:
 * redacting the serialised line instead could let a pattern straddle a JSON escape or break
 * the quoting. Depth and node count are bounded so a hostile structure cannot blow up a line.
 */
const MAX_ITEMS = 1000;

export function redactDeep(value: unknown, maxChars: number): { value: unknown; redactions: number } {
  let redactions = 0;
  let nodes = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (++nodes > 10_000) return '[…]';
    if (typeof v === 'string') {
      const { text, redactions: found } = redact(v);
      redactions += found;
      return text.length > maxChars
        ? `${safeSlice(text, 0, maxChars)}… [${text.length - maxChars} more chars]`
        : text;
    }
    if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? v.toString() : v;
    if (depth > 12) return '[…]';
    if (Array.isArray(v)) {
      const items = v.slice(0, MAX_ITEMS).map((item) => walk(item, depth + 1));
      return v.length > MAX_ITEMS ? [...items, `[… ${v.length - MAX_ITEMS} more items]`] : items;
    }
    const entries = Object.entries(v);
    const kept = entries.slice(0, MAX_ITEMS).map(([k, item]) => [k, walk(item, depth + 1)]);
    if (entries.length > MAX_ITEMS) kept.push(['…', `${entries.length - MAX_ITEMS} more keys`]);
    return Object.fromEntries(kept);
  };
  return { value: walk(value, 0), redactions };
}
