/**
 * One-shot secret redaction. Hand-written rather than built on secretlint/gitleaks ports because
 * the pipeline needs >= 150 MB/s: a keyword prefilter (keyword-prefilter.ts) finds the few lines
 * that can hold a secret, and only those lines run the rules (docs/redaction.md has figures).
 */
import { stripAnsi } from '../ansi';
import { buildPrefilter } from '../classify/prefilter';
import { withHiddenKeywords } from './hidden-keywords';
import { candidateLineStarts } from './keyword-prefilter';
import { replacePemBlocks, scanPemBlocks } from './pem-blocks';
import { FindingCounter, type RedactionResult, redactionMarker } from './redaction-types';
import { SECRET_RULES, type SecretRule } from './secret-rules';

function applyRule(rule: SecretRule, line: string, counter: FindingCounter): string {
  if (rule.needs !== undefined && line.indexOf(rule.needs) === -1) return line;
  const re = rule.pattern;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const r = rule.replace ? rule.replace(m) : { text: redactionMarker(rule.kind), kind: rule.kind };
    if (r === null) continue;
    out += line.slice(last, m.index) + r.text;
    last = m.index + m[0].length;
    counter.add(r.kind);
  }
  return last === 0 ? line : out + line.slice(last);
}

/**
 * Which rules have a keyword (compared case-insensitively) in a line: the classifier's
 * Aho-Corasick prefilter, one pass over the line. Checking ~30 keywords with `includes` on the
 * lowered line cost ~1.5 µs per candidate line, and real Prow logs make ~7% of lines candidates
 * ("secret", "token", URLs): that was a third of redaction time on them.
 */
const RULE_GATE = buildPrefilter(
  SECRET_RULES.map((r) => ({ literals: [...r.keywords], literalsIgnoreCase: true })),
);

/** Run every rule whose keyword occurs in `line`, in rule order. */
function applyRules(line: string, counter: FindingCounter): string {
  let out = line;
  for (const i of RULE_GATE.rulesFor(line)) out = applyRule(SECRET_RULES[i]!, out, counter);
  return out;
}

/**
 * The rules on one line. A colour code inside a secret or between its key and value
 * (`\x1b[36mpassword\x1b[0m=…`, `Authorization: \x1b[1mBearer\x1b[0m …`, `ghp_ab\x1b[0mcd…`)
 * hides it from the rules, so a line with escapes is also judged without them: when that finds
 * more, the line comes back stripped of its escapes (and colours) and redacted. When both
 * readings agree, the coloured one is kept; when the plain one finds nothing, the raw one stands
 * (an escape can also be what ends a secret: `AKIA…\x1b[0mabc`).
 */
function redactLine(line: string, counter: FindingCounter): string {
  // stripAnsi gives the line itself back when it holds no escape (its own three native scans).
  const plain = stripAnsi(line);
  if (plain === line) return applyRules(line, counter);
  const raw = new FindingCounter();
  const rawOut = applyRules(line, raw);
  const plainFound = new FindingCounter();
  const plainOut = applyRules(plain, plainFound);
  const useRaw = plainOut === plain || (rawOut !== line && stripAnsi(rawOut) === plainOut);
  counter.merge((useRaw ? raw : plainFound).list());
  return useRaw ? rawOut : plainOut;
}

/**
 * The single-line rules alone, on every line of `text` that may hold a secret. For callers that
 * know no PEM block starts in `text` (no `BEGIN`), so that scan is not repeated.
 */
export function redactLines(text: string, counter: FindingCounter): string {
  // A keyword split by an escape (`pass\x1b[0mword=`) is found on the line without its escapes.
  const starts = withHiddenKeywords(text, candidateLineStarts(text));
  if (starts.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const lineStart of starts) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const red = redactLine(line, counter);
    if (red !== line) {
      parts.push(text.slice(last, lineStart), red);
      last = lineEnd;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * Core shared by all redactors. `text` is treated as complete (a PEM block without END is
 * decided now). Keeps the number of lines.
 */
export function redactInto(text: string, counter: FindingCounter): string {
  let t = text;
  if (t.includes('BEGIN')) {
    const { blocks } = scanPemBlocks(t, true);
    if (blocks.length > 0) {
      counter.add('private-key', blocks.length);
      t = replacePemBlocks(t, blocks, redactionMarker('private-key'));
    }
  }
  return redactLines(t, counter);
}

/**
 * Replace every secret in `text` by `[REDACTED:<kind>]` and report how many of each kind.
 * GitHub's `***` counts as already redacted. The result has as many lines as the input.
 */
export function redactSecrets(text: string): RedactionResult {
  const counter = new FindingCounter();
  const out = redactInto(text, counter);
  return { text: out, findings: counter.list() };
}
