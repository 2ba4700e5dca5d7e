import type { CompiledRule } from './rule';

/** What the prefilter reads of a rule (the redactor gates its secret rules with it too). */
export type LiteralSource = Pick<CompiledRule, 'literals' | 'literalsIgnoreCase'>;

/**
 * One pass over a line that rejects it when no rule's literal occurs in it, and otherwise says
 * which rules have a literal there: only those can match, so only their regexes run. Most log
 * lines match nothing, so this scan IS the cost of `matchLine` for them; on a line that holds a
 * literal, running two or three regexes instead of all ~80 is the difference (a Ginkgo spec line
 * with a colour code cost ~16 µs before, measured on the PTP benchmark log).
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
  /** Positions (in the rule list given) of the rules with a literal in the line, ascending. */
  rulesFor(line: string): number[];
}

interface Literal {
  text: string;
  ignoreCase: boolean;
  /** Positions of the rules that list this literal. */
  rules: number[];
}

const ALPHABET = 128;
const LOWER = new Uint8Array(ALPHABET).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
// Under `iu`/`iv` these two fold to ASCII letters (ſ→s, K→k); all other non-ASCII never equals ASCII.
const FOLDS_TO_ASCII = new Map([
  [0x017f, 0x73],
  [0x212a, 0x6b],
]);

export function buildPrefilter(rules: readonly LiteralSource[]): Prefilter {
  const literals = new Map<string, Literal>();
  rules.forEach((r, position) => {
    for (const text of r.literals ?? []) {
      const key = `${r.literalsIgnoreCase ? 'i' : 'x'}${text}`;
      const known = literals.get(key);
      if (known) known.rules.push(position);
      else literals.set(key, { text, ignoreCase: r.literalsIgnoreCase, rules: [position] });
    }
  });
  // Non-ASCII literals are rare; regex scans cover them rather than widening the table.
  const ascii = [...literals.values()].filter((l) => !NON_ASCII.test(l.text));
  const others = [...literals.values()].filter((l) => NON_ASCII.test(l.text));
  // The first `SIMPLE_LINES` lines are looked up literal by literal (`simpleCollect`); only a log
  // with more flagged lines than that pays for the automaton (built on the next one).
  let looked = 0;
  let parts: { automaton: Automaton | null; scans: FallbackScans } | null = null;
  let simple: { lowered: string[]; scans: FallbackScans } | null = null;
  const build = () => {
    let automaton: Automaton | null = null;
    const fallback = [...others];
    if (ascii.length > 0) {
      automaton = buildAutomaton(ascii);
      // Thousands of long keywords would make the dense table huge: fall back to regex scans.
      if (automaton === null) fallback.push(...ascii);
    }
    parts = { automaton, scans: new FallbackScans(fallback) };
    return parts;
  };
  const collect = (line: string, stopAtFirst: boolean): Set<number> | null => {
    if (parts === null && looked++ < SIMPLE_LINES) {
      // `ascii` literals lower-case as the automaton's ASCII fold does.
      simple ??= { lowered: ascii.map((l) => l.text.toLowerCase()), scans: new FallbackScans(others) };
      return simpleCollect(line, ascii, simple.lowered, simple.scans, stopAtFirst);
    }
    const { automaton, scans } = parts ?? build();
    if (stopAtFirst) return (automaton?.scan(line) ?? false) || scans.any(line) ? FOUND : null;
    // Most lines hold no literal: allocate only once one is found.
    let found = automaton?.collect(line) ?? null;
    if (scans.any(line)) {
      found ??= new Set();
      scans.collect(line, found);
    }
    return found;
  };
  return {
    mayMatch(line) {
      return collect(line, true) !== null;
    },
    rulesFor(line) {
      const found = collect(line, false);
      return found === null || found.size === 0 ? NONE : [...found].sort((a, b) => a - b);
    },
  };
}

/**
 * Lines a prefilter looks up literal by literal before it builds its automaton: on the PTP
 * benchmark log six lines of 100 MB reach `matchLine`, and building the automaton cost ~13 ms of
 * start-up plus a ~30 ms optimising compile of its loops; one `includes` per literal is ~5 µs a
 * line. Kept small: a folder of Prow logs flags thousands of lines and builds the automaton anyway.
 */
export const SIMPLE_LINES = 64;

const FOUND: Set<number> = new Set();

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * What the automaton finds, without it: a case-insensitive literal in the line folded as the
 * automaton folds it (ASCII letters, ſ and K; any other non-ASCII character matches nothing), a
 * case-sensitive one in the line itself.
 */
function simpleCollect(
  line: string,
  ascii: readonly Literal[],
  lowered: readonly string[],
  scans: FallbackScans,
  stopAtFirst: boolean,
): Set<number> | null {
  const folded = foldLine(line);
  let found: Set<number> | null = null;
  for (let k = 0; k < ascii.length; k++) {
    const lit = ascii[k]!;
    if (!(lit.ignoreCase ? folded.includes(lowered[k]!) : line.includes(lit.text))) continue;
    if (stopAtFirst) return FOUND;
    found ??= new Set();
    for (const r of lit.rules) found.add(r);
  }
  if (scans.any(line)) {
    if (stopAtFirst) return FOUND;
    found ??= new Set();
    scans.collect(line, found);
  }
  return found;
}

/** `line` as the automaton reads it: ASCII lower-cased, ſ and K folded, other non-ASCII as U+FFFF. */
function foldLine(line: string): string {
  // An ASCII line folds as toLowerCase folds it (native); only others go character by character.
  if (!NON_ASCII.test(line)) return line.toLowerCase();
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    out += String.fromCharCode(c < ALPHABET ? LOWER[c]! : (FOLDS_TO_ASCII.get(c) ?? 0xffff));
  }
  return out;
}

const NONE: number[] = [];

interface Automaton {
  /** Whether a literal occurs (stops at the first). */
  scan(line: string): boolean;
  /** The rules owning every literal that occurs, or null for none. */
  collect(line: string): Set<number> | null;
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
  //
  // Built in one pass, breadth first: a state's row starts as a copy of its failure state's row
  // (already complete: failure states are shallower), then its own edges overwrite their columns.
  // Filling each of the 128 columns through Map look-ups and an intermediate table cost ~12 ms
  // per automaton at start-up (two automata: the classifier's and the redaction rule gate).
  const encode = (target: number) =>
    ends[target]!.length > 0 ? -(target * ALPHABET) - 1 : target * ALPHABET;
  const table = new Int32Array(states * ALPHABET);
  const setEdges = (s: number) => {
    for (const [c, target] of children[s]!) {
      const v = encode(target);
      table[s * ALPHABET + c] = v;
      if (c >= 97 && c <= 122) table[s * ALPHABET + c - 32] = v;
    }
  };
  setEdges(0);
  for (const s of order) {
    table.copyWithin(s * ALPHABET, fail[s]! * ALPHABET, (fail[s]! + 1) * ALPHABET);
    setEdges(s);
  }
  // Per state that ends literals: null = a case-insensitive one ends here (a sure hit), else the
  // case-sensitive literals to confirm.
  const exact: (string[] | null)[] = new Array(states);
  for (let s = 0; s < states; s++) {
    const here = ends[s]!.map((k) => literals[k]!);
    exact[s] = here.some((l) => l.ignoreCase) ? null : here.map((l) => l.text);
  }

  /** Adds the rules of every literal ending at `i` in state `state`. */
  const addRules = (line: string, i: number, state: number, found: Set<number>) => {
    for (const k of ends[state]!) {
      const lit = literals[k]!;
      if (lit.ignoreCase || line.startsWith(lit.text, i - lit.text.length + 1)) {
        for (const r of lit.rules) found.add(r);
      }
    }
  };

  /**
   * The automaton's walk: calls `onEnd` at each position where a literal ends (case-sensitive ones
   * still to confirm); stops early when it returns true.
   */
  const walk = (line: string, onEnd: (i: number, state: number) => boolean): void => {
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
      if (onEnd(i, row / ALPHABET)) return;
    }
  };

  return {
    scan(line) {
      let hit = false;
      walk(line, (i, state) => {
        const confirm = exact[state]!;
        hit = confirm === null || confirm.some((text) => line.startsWith(text, i - text.length + 1));
        return hit;
      });
      return hit;
    },
    collect(line) {
      let found: Set<number> | null = null;
      walk(line, (i, state) => {
        found ??= new Set();
        addRules(line, i, state, found);
        return false;
      });
      return found !== null && (found as Set<number>).size > 0 ? found : null;
    },
  };
}

/** Regex scans for the literals the automaton does not hold. */
class FallbackScans {
  private readonly exactRe: RegExp | null;
  private readonly foldedRe: RegExp | null;
  private readonly each: { re: RegExp; rules: number[] }[];

  constructor(literals: Literal[]) {
    this.exactRe = combine(
      literals.filter((l) => !l.ignoreCase),
      '',
    );
    this.foldedRe = combine(
      literals.filter((l) => l.ignoreCase),
      'i',
    );
    this.each = literals.map((l) => ({
      re: new RegExp(escapeRegExp(l.text), l.ignoreCase ? 'i' : ''),
      rules: l.rules,
    }));
  }

  any(line: string): boolean {
    return (this.exactRe?.test(line) ?? false) || (this.foldedRe?.test(line) ?? false);
  }

  /** Which rules own a literal found in the line (call after `any` said yes: this is slower). */
  collect(line: string, found: Set<number>): void {
    for (const { re, rules } of this.each) if (re.test(line)) for (const r of rules) found.add(r);
  }
}

function combine(literals: Literal[], flags: string): RegExp | null {
  return literals.length > 0 ? new RegExp(literals.map((l) => escapeRegExp(l.text)).join('|'), flags) : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
