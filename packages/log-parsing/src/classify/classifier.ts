import { stripAnsi } from '../ansi';
import type { FailureKind } from '../types';
import { buildBlockPrefilter } from './block-prefilter';
import type { Category } from './categories';
import { type LineMatch, type MatchLinesNotes, matchLines } from './match-lines';
import { fillMode } from './mode-template';
import { buildPrefilter } from './prefilter';
import { requiredLiterals } from './required-literals';
import type { CompiledRule, Rule } from './rule';
import { validateRules } from './rule-schema';
import { RulesError } from './rules-error';

/**
 * Rules see at most this many characters of a line. Decisive text sits at the start of a line;
 * the cap bounds the cost of any pattern on pathological lines (1 MiB metric dumps).
 */
export const MAX_MATCH_CHARS = 4096;
/** Evidence lines kept per classification (the last matches of the winning rule). */
export const MAX_EVIDENCE_LINES = 3;
/** Evidence text is cut to this many characters. */
export const MAX_EVIDENCE_CHARS = 500;

/** What one rule found on one line. */
export interface RuleMatch {
  /** Rule id. */
  rule: string;
  /** The rule's position in the rule list: 0 is the highest priority. */
  priority: number;
  category: Category;
  kind: FailureKind | null;
  /** The rule's mode template filled from this match, or null when the rule has none. */
  mode: string | null;
  /** Capture groups, `''` for a group that did not take part. */
  captures: string[];
}

export interface ClassificationEvidence {
  /** 0-based index into the lines of the classified text. */
  line: number;
  text: string;
}

export interface Classification {
  /** `unknown` when no rule matched. */
  category: Category;
  /** Id of the winning rule, null when none matched. */
  rule: string | null;
  kind: FailureKind | null;
  mode: string | null;
  /** Captures of the decisive (last) match of the winning rule. */
  captures: string[];
  /** Up to 3 lines the winning rule matched, in text order; the last one decided. */
  evidence: ClassificationEvidence[];
}

export type { LineMatch, MatchLinesNotes };

export interface Classifier {
  readonly rules: readonly Rule[];
  /** Ids of rules with no literal for the prefilter: they run on every line (keep this empty). */
  readonly unfilteredRules: readonly string[];
  /**
   * Highest-priority rule matching anywhere in the text; among its matches the LAST line decides
   * (pytorch log-classifier semantics: the latest occurrence is closest to the failure).
   */
  classifyText(text: string): Classification;
  /** The highest-priority rule matching this one line, or null. Costs one literal scan on a miss. */
  matchLine(line: string): RuleMatch | null;
  /**
   * `matchLine` over many lines, for log scans: the same results (lines without a match are left
   * out), found with one scan of the lines' joined text instead of one per line. `joined`, when
   * given, must be `lines.join('\n')` (a caller that already has it saves the copy). `notes`, when
   * given, receives what the scan learned about the lines (which may hold escape sequences).
   */
  matchLines(lines: readonly string[], joined?: string, notes?: MatchLinesNotes): LineMatch[];
  /**
   * The block scan of `matchLines` alone, for a caller that walks the lines itself (analyze's
   * byte scan): offsets in `text` (lines joined by `'\n'`) such that every line on which
   * `matchLine` may match holds one; unordered, may repeat. `escaped`, when given, receives the
   * starts of the lines that may hold an escape sequence, as `MatchLinesNotes.escapedLines`;
   * `known`, when the caller has found those starts already, saves the scan looking for them.
   * Null when there is no block scan (a rule with no literal, or the prefilter off): then every
   * line must be matched.
   */
  lineHits?(text: string, escaped?: number[], known?: readonly number[]): number[] | null;
  /**
   * For a line that held a byte >= 0x80 when `lineHits` read it as the latin1 text of its UTF-8
   * bytes: whether the decoded `line` holds a character that scan cannot have seen there, so that
   * it may match without a hit: a non-ASCII character of a rule literal (in either case), one
   * that case folding maps to ASCII (U+017F, U+212A), U+FFFD.
   */
  hitsMissWide?(line: string): boolean;
}

export interface ClassifierOptions {
  /** Named in errors about the rules (e.g. a profile path). Default `rules`. */
  origin?: string;
  /** Default true. Turning it off exists to prove the prefilter never changes a result. */
  prefilter?: boolean;
}

const UNKNOWN: Readonly<Classification> = Object.freeze({
  category: 'unknown',
  rule: null,
  kind: null,
  mode: null,
  captures: [],
  evidence: [],
});

/**
 * Builds a classifier over ordered rules (profile rules first, then `builtinRules`). Validates the
 * rules again (TS data skips the YAML loader), so a bad rule fails here with a `RulesError`.
 */
export function createClassifier(rules: readonly Rule[], options: ClassifierOptions = {}): Classifier {
  const { rules: valid, problems } = validateRules(rules);
  if (problems.length > 0) throw new RulesError(options.origin ?? 'rules', problems);
  const compiled = valid.map(compile);
  const unfiltered = compiled.filter((r) => r.literals === null);
  const prefilter = buildPrefilter(compiled);
  const usePrefilter = options.prefilter ?? true;
  // Rules without literals run on every line anyway: then the block scan cannot skip any line.
  const blockPrefilter =
    usePrefilter && unfiltered.length === 0
      ? buildBlockPrefilter(
          compiled.flatMap((r) => r.literals!.map((text) => ({ text, ignoreCase: r.literalsIgnoreCase }))),
        )
      : null;

  const unseenWide = unseenWideChars(compiled.flatMap((r) => r.literals ?? []));

  /** Rules worth running on this (prepared) line, in priority order: those with a literal in it. */
  const candidates = (text: string): readonly CompiledRule[] => {
    if (!usePrefilter) return compiled;
    const flagged = prefilter.rulesFor(text);
    if (flagged.length === 0) return unfiltered;
    if (unfiltered.length === 0) return flagged.map((i) => compiled[i]!);
    const set = new Set(flagged);
    return compiled.filter((r) => r.literals === null || set.has(r.priority));
  };

  const matchLine = (line: string): RuleMatch | null => {
    const text = prepare(line);
    for (const r of candidates(text)) {
      const m = r.regex.exec(text);
      if (m) return toMatch(r, m);
    }
    return null;
  };

  return {
    rules: valid,
    unfilteredRules: unfiltered.map((r) => r.rule.id),
    matchLine,
    matchLines: (lines, joined, notes) => matchLines(lines, joined, blockPrefilter, matchLine, notes),
    lineHits: (text, escaped, known) =>
      blockPrefilter === null ? null : blockPrefilter.hits(text, escaped, known),
    hitsMissWide: unseenWide,
    classifyText(text) {
      const lines = text.split(/\r\n|\n|\r/);
      let best: CompiledRule | null = null;
      let bestMatch: RegExpExecArray | null = null;
      // Backwards, like pytorch: the first hit of a rule is its last occurrence, and only rules
      // stronger than the current best are worth trying on earlier lines.
      for (let i = lines.length - 1; i >= 0; i--) {
        const prepared = prepare(lines[i]!);
        for (const r of candidates(prepared)) {
          if (best !== null && r.priority >= best.priority) break;
          const m = r.regex.exec(prepared);
          if (m) {
            best = r;
            bestMatch = m;
            break;
          }
        }
        if (best?.priority === 0) break;
      }
      if (best === null || bestMatch === null) return { ...UNKNOWN, captures: [], evidence: [] };
      const match = toMatch(best, bestMatch);
      return {
        category: match.category,
        rule: match.rule,
        kind: match.kind,
        mode: match.mode,
        captures: match.captures,
        evidence: evidenceFor(best, lines),
      };
    },
  };
}

function compile(rule: Rule, priority: number): CompiledRule {
  const flags = rule.flags ?? '';
  const explicit = rule.keywords !== undefined;
  return {
    rule,
    priority,
    regex: new RegExp(rule.pattern, flags),
    // Explicit keywords compare case-insensitively: a keyword's case is an easy thing to get wrong.
    literals: explicit ? [...rule.keywords!] : requiredLiterals(rule.pattern, flags),
    literalsIgnoreCase: explicit || flags.includes('i'),
  };
}

function prepare(line: string): string {
  return stripAnsi(line.length > MAX_MATCH_CHARS ? line.slice(0, MAX_MATCH_CHARS) : line);
}

function toMatch(r: CompiledRule, m: RegExpExecArray): RuleMatch {
  return {
    rule: r.rule.id,
    priority: r.priority,
    category: r.rule.category,
    kind: r.rule.kind ?? null,
    mode: r.rule.mode === undefined ? null : fillMode(r.rule.mode, m),
    captures: m.slice(1).map((c) => c ?? ''),
  };
}

/** The last few lines the winning rule matches, in text order. */
function evidenceFor(rule: CompiledRule, lines: readonly string[]): ClassificationEvidence[] {
  const found: ClassificationEvidence[] = [];
  for (let i = lines.length - 1; i >= 0 && found.length < MAX_EVIDENCE_LINES; i--) {
    const prepared = prepare(lines[i]!);
    if (rule.regex.test(prepared)) found.push({ line: i, text: prepared.slice(0, MAX_EVIDENCE_CHARS) });
  }
  return found.reverse();
}

/**
 * What `hitsMissWide` looks for. Without a non-ASCII character in any literal: U+017F and U+212A,
 * which fold to ASCII letters, and U+FFFD, which `stripAnsi` reads as an escape when `[` follows.
 * With one, any non-ASCII character: which characters a case-insensitive pattern takes for one
 * (µ and μ, σ and ς, …) is the regex engine's business, and the built-in and PTP rules have none.
 */
function unseenWideChars(literals: readonly string[]): (line: string) => boolean {
  if (literals.some((l) => NON_ASCII.test(l))) return (line) => NON_ASCII.test(line);
  // Three native scans: the regex class cost ~8 ms per 100 MB of the benchmark log's `•` lines.
  return (line) =>
    line.indexOf('\ufffd') !== -1 || line.indexOf('\u017f') !== -1 || line.indexOf('\u212a') !== -1;
}

const NON_ASCII = /[^\x00-\x7f]/;
