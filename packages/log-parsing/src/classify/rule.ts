import type { FailureKind } from '../types';
import type { Category } from './categories';

/**
 * One classification rule. Rules are data (YAML/JSON profiles, or the built-in TS list) and are
 * ordered: a rule's position is its priority, the first rule that matches anywhere in a text wins.
 */
export interface Rule {
  /** Unique within a rule set; reported as `rule` in classifications. */
  id: string;
  category: Category;
  /** JavaScript regular expression source, matched against one line at a time (ANSI stripped). */
  pattern: string;
  /** RegExp flags from `imsuv` (`g`/`y` would make matching stateful and are refused). */
  flags?: string;
  /** Where the failure sits, when the rule knows better than the parser. */
  kind?: FailureKind;
  /**
   * Literal prefilter: every line the pattern can match contains at least one of these (compared
   * case-insensitively). Optional: without it the engine derives the literals from the pattern;
   * give it when the pattern has none the engine can prove (e.g. only character classes).
   */
  keywords?: string[];
  /**
   * Failure-mode template, `$1`…`$99` and `$<name>` are capture groups, `$$` a dollar. Rules (even
   * different ones) whose filled modes are equal describe the SAME failure mode: grouping keys on
   * the mode, not on the message. Leave it out for generic rules whose message must decide.
   */
  mode?: string;
  description?: string;
}

/** A rule whose pattern compiled, with what the engine precomputed for it. */
export interface CompiledRule {
  rule: Rule;
  /** Position in the rule list: 0 is the highest priority. */
  priority: number;
  regex: RegExp;
  /** Literals one of which every match contains, or null when none is known. */
  literals: string[] | null;
  /** Whether `literals` must be compared case-insensitively. */
  literalsIgnoreCase: boolean;
}
