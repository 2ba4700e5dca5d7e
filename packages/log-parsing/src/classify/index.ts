export { builtinRules } from './builtin-rules';
export { CATEGORIES, type Category, isCategory, RULE_KINDS } from './categories';
export {
  type Classification,
  type ClassificationEvidence,
  type Classifier,
  type ClassifierOptions,
  createClassifier,
  type LineMatch,
  MAX_EVIDENCE_CHARS,
  MAX_EVIDENCE_LINES,
  MAX_MATCH_CHARS,
  type MatchLinesNotes,
  type RuleMatch,
} from './classifier';
export { loadRules, loadRulesFile, parseRulesText, rulesFromDocument } from './load-rules';
export { fillMode } from './mode-template';
export { requiredLiterals } from './required-literals';
export type { Rule } from './rule';
export { ruleSchema, validateRules } from './rule-schema';
export { RulesError } from './rules-error';
