import { type AnalysisResult, redactSecrets, sanitizeText } from '@nightshift/log-parsing';
import { inputList } from './input-list';

/**
 * Plain text for a terminal. Test names, paths and messages come from logs (and file names)
 * anyone can write. Every piece is sanitised first (escape sequences, control characters and
 * invisible characters stripped: a title change, an OSC 52 clipboard write, a hyperlink), then the
 * whole report is redacted: a zero-width space or soft hyphen inside `password=…` or a key hides
 * it from the rules, and stripping it after redaction would print it in clear. Paths, names,
 * categories and input errors are one line each, so a file name holding newlines cannot forge
 * report lines; message lines are printed behind `  | ` and the excerpt behind its line numbers.
 */
export function renderText(result: AnalysisResult): string {
  const out: string[] = [`status: ${result.status}`];
  const inputs = inputList(result.inputs);
  if (inputs.summary) out.push(one(inputs.summary));
  for (const input of inputs.shown) {
    const extra = input.tests ? `, ${input.tests.failed}/${input.tests.total} tests failed` : '';
    out.push(
      `input: ${one(input.path)} (${input.format}, ${input.lines} lines${input.partial ? ', partial' : ''}${extra})`,
    );
    for (const e of input.errors) out.push(`  error: ${one(e)}`);
  }
  if (inputs.hidden > 0) out.push(`(${inputs.hidden} more inputs not listed: --format json lists them all)`);
  result.failures.forEach((f, i) => {
    out.push('', `failure ${i + 1}: ${one(f.test ?? `[${f.kind}]`)}`);
    out.push(`  category: ${one(f.category)}${f.rule ? ` (rule ${one(f.rule)})` : ''}`);
    if (f.location) out.push(`  location: ${one(f.location.file)}:${f.location.line}`);
    out.push(`  fingerprint: ${one(f.fingerprint)}`);
    for (const line of sanitizeText(f.message).split('\n').slice(0, 8)) out.push(`  | ${line}`);
  });
  for (const f of result.flaky) out.push(`flaky: ${one(f.test)} (${f.attempts} attempts)`);
  if (result.excerpt.text) {
    out.push(
      '',
      `excerpt of ${one(result.excerpt.path ?? '')} (${result.excerpt.tokens} tokens):`,
      sanitizeText(result.excerpt.text),
    );
  }
  // Redaction keeps the number of lines, so what was one line stays one line.
  return redactSecrets(`${out.join('\n')}\n`).text;
}

/** A single-line field: sanitised, with its line breaks and tabs turned into spaces. */
function one(text: string): string {
  return sanitizeText(text, { singleLine: true });
}
