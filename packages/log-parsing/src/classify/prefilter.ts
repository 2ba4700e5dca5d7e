import type { CompiledRule } from './rule';

/**
 * One pass over a line that rejects it when no rule's literal occurs in it. Most log lines match
 * nothing, so this scan IS the cost of `matchLine` for them.
 *
 * Hand-written Aho-Corasick rather than one combined regex: V8 runs an alternation of ~150
 * literals at ~90 MB/s (it tries the alternatives at every position), this automaton at ~300 MB/s
 * (one table step per character), measured in bench/grouping-match-line.ts. The automaton runs on
 * case-folded ASCII; a hit on a case-sensitive literal is confirmed with `startsWith`.
 *
 * Rules with no known literal cannot be filtered: the classifier runs those on every line.
 */
export interface Prefilter {
  /** False only when no rule that HAS literals can match the line. */
  mayMatch(line: string): boolean;
}

interface Literal {
  text: string;
  ignoreCase: boolean;
}

const ALPHABET = 128;
const LOWER = new Uint8Array(ALPHABET).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
// Under `iu`/`iv` these two fold to ASCII letters (ſ→s, K→k); all other non-ASCII never equals ASCII.
const FOLDS_TO_ASCII = new Map([
  [0x017f, 0x73],
  [0x212a, 0x6b],
]);

export function buildPrefilter(rules: readonly CompiledRule[]): Prefilter {
  const literals = new Map<string, Literal>();
  const fallback: Literal[] = [];
  for (const r of rules) {
    for (const text of r.literals ?? []) {
      const lit = { text, ignoreCase: r.literalsIgnoreCase };
      // Non-ASCII literals are rare; a regex covers them rather than widening the table.
      if (/[^\x00-\x7f]/.test(text)) fallback.push(lit);
      else {
        const key = `${lit.ignoreCase ? 'i' : 'x'}${text}`;
        literals.set(key, lit);
      }
    }
  }
  let automaton: Automaton | null = null;
  if (literals.size > 0) {
    automaton = buildAutomaton([...literals.values()]);
    // Thousands of long keywords would make the dense table huge: fall back to regex scans.
    if (automaton === null) fallback.push(...literals.values());
  }
  const exactRe = combine(
    fallback.filter((l) => !l.ignoreCase),
    '',
  );
  const foldedRe = combine(
    fallback.filter((l) => l.ignoreCase),
    'i',
  );
  return {
    mayMatch: (line) =>
      (automaton?.scan(line) ?? false) || (exactRe?.test(line) ?? false) || (foldedRe?.test(line) ?? false),
  };
}

interface Automaton {
  scan(line: string): boolean;
}

/** Above this many states (16 MiB of table) the automaton is not built. */
const MAX_STATES = 32_768;

function buildAutomaton(literals: Literal[]): Automaton | null {
  let total = 1;
  for (const l of literals) total += l.text.length;
  if (total > MAX_STATES) return null;
  // Trie over lower-cased characters.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  literals.forEach((lit, k) => {
    let state = 0;
    for (let i = 0; i < lit.text.length; i++) {
      const c = LOWER[lit.text.charCodeAt(i)]!;
      let next = children[state]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[state]!.set(c, next);
      }
      state = next;
    }
    ends[state]!.push(k);
  });
  const states = children.length;
  // Breadth-first failure links; outputs inherit those of their failure state.
  const fail = new Int32Array(states);
  const order: number[] = [];
  for (const next of children[0]!.values()) order.push(next);
  for (let head = 0; head < order.length; head++) {
    const s = order[head]!;
    for (const [c, next] of children[s]!) {
      let f = fail[s]!;
      while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
      const target = children[f]!.get(c);
      fail[next] = target !== undefined && target !== next ? target : 0;
      ends[next]!.push(...ends[fail[next]!]!);
      order.push(next);
    }
  }
  // Dense transition table: one lookup per character. Entries hold the next state's row offset
  // (state * 128), negated minus one when a literal ends in that state, so the hot loop is one
  // load and one sign test per character. Upper-case columns copy lower-case ones.
  const next = new Int32Array(states * ALPHABET);
  for (const s of [0, ...order]) {
    for (let c = 0; c < ALPHABET; c++) {
      const direct = children[s]!.get(LOWER[c]!);
      next[s * ALPHABET + c] = direct !== undefined ? direct : s === 0 ? 0 : next[fail[s]! * ALPHABET + c]!;
    }
  }
  const table = new Int32Array(states * ALPHABET);
  for (let i = 0; i < table.length; i++) {
    const target = next[i]!;
    table[i] = ends[target]!.length > 0 ? -(target * ALPHABET) - 1 : target * ALPHABET;
  }
  // Per state that ends literals: null = a case-insensitive one ends here (a sure hit), else the
  // case-sensitive literals to confirm.
  const exact: (string[] | null)[] = new Array(states);
  for (let s = 0; s < states; s++) {
    const here = ends[s]!.map((k) => literals[k]!);
    exact[s] = here.some((l) => l.ignoreCase) ? null : here.map((l) => l.text);
  }

  return {
    scan(line) {
      let row = 0;
      for (let i = 0; i < line.length; i++) {
        let c = line.charCodeAt(i);
        if (c >= ALPHABET) {
          const folded = FOLDS_TO_ASCII.get(c);
          if (folded === undefined) {
            row = 0;
            continue;
          }
          c = folded;
        }
        const v = table[row + c]!;
        if (v >= 0) {
          row = v;
          continue;
        }
        row = -v - 1;
        const confirm = exact[row / ALPHABET]!;
        if (confirm === null) return true;
        for (const text of confirm) if (line.startsWith(text, i - text.length + 1)) return true;
      }
      return false;
    },
  };
}

function combine(literals: Literal[], flags: string): RegExp | null {
  return literals.length > 0 ? new RegExp(literals.map((l) => escapeRegExp(l.text)).join('|'), flags) : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
