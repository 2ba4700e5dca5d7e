import { type AnalysisResult, sanitizeText } from '@nightshift/log-parsing';
import { inputList } from './input-list';

/**
 * Plain text for a terminal. Test names and messages come from logs anyone can write: the output
 * is stripped of escape sequences and control characters (a title change, an OSC 52 clipboard
 * write, a hyperlink) before it reaches the terminal.
 */
export function renderText(result: AnalysisResult): string {
  const out: string[] = [`status: ${result.status}`];
  const inputs = inputList(result.inputs);
  if (inputs.summary) out.push(inputs.summary);
  for (const input of inputs.shown) {
    const extra = input.tests ? `, ${input.tests.failed}/${input.tests.total} tests failed` : '';
    out.push(
      `input: ${input.path} (${input.format}, ${input.lines} lines${input.partial ? ', partial' : ''}${extra})`,
    );
    for (const e of input.errors) out.push(`  error: ${e}`);
  }
  if (inputs.hidden > 0) out.push(`(${inputs.hidden} more inputs not listed: --format json lists them all)`);
  result.failures.forEach((f, i) => {
    out.push('', `failure ${i + 1}: ${f.test ?? `[${f.kind}]`}`);
    out.push(`  category: ${f.category}${f.rule ? ` (rule ${f.rule})` : ''}`);
    if (f.location) out.push(`  location: ${f.location.file}:${f.location.line}`);
    out.push(`  fingerprint: ${f.fingerprint}`);
    for (const line of f.message.split('\n').slice(0, 8)) out.push(`  | ${line}`);
  });
  for (const f of result.flaky) out.push(`flaky: ${f.test} (${f.attempts} attempts)`);
  if (result.excerpt.text) {
    out.push('', `excerpt of ${result.excerpt.path} (${result.excerpt.tokens} tokens):`, result.excerpt.text);
  }
  return sanitizeText(`${out.join('\n')}\n`);
}
