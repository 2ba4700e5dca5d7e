/**
 * Test oracle: per-line redaction as it was before the rules were gated by the keyword automaton
 * (redact-secrets.ts): every rule whose keyword `includes` the lowered line runs, in order.
 */
import { stripAnsi } from '../../ansi';
import { FindingCounter, redactionMarker } from '../redaction-types';
import { SECRET_RULES, type SecretRule } from '../secret-rules';

function applyRule(rule: SecretRule, line: string, counter: FindingCounter): string {
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

/** Every rule whose keyword `includes` the lowered line, in order (the original gate). */
function referenceRules(line: string, counter: FindingCounter): string {
  const lower = line.toLowerCase();
  let red = line;
  for (const rule of SECRET_RULES) {
    if (rule.keywords.some((k) => lower.includes(k))) red = applyRule(rule, red, counter);
  }
  return red;
}

/**
 * Redacts each line of `text` on its own (no PEM blocks), with the original keyword gate. A line
 * with escape sequences is judged as redact-secrets.ts does: raw and without escapes, the plain
 * reading winning when it finds more.
 */
export function referenceRedactLines(text: string): { text: string; findings: ReturnType<FindingCounter['list']> } {
  const counter = new FindingCounter();
  const out = text.split('\n').map((line) => {
    const raw = new FindingCounter();
    const rawOut = referenceRules(line, raw);
    const plain = stripAnsi(line);
    if (plain === line) {
      counter.merge(raw.list());
      return rawOut;
    }
    const found = new FindingCounter();
    const plainOut = referenceRules(plain, found);
    const useRaw = plainOut === plain || (rawOut !== line && stripAnsi(rawOut) === plainOut);
    counter.merge((useRaw ? raw : found).list());
    return useRaw ? rawOut : plainOut;
  });
  return { text: out.join('\n'), findings: counter.list() };
}
