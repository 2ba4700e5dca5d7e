import { stripAnsi } from '../ansi';
import { type RedactionResult, redactSecrets, sanitizeText } from '../redact/index';
import type { AnalysisResult } from './analysis-result';
import { recheckText } from './recheck-text';

/**
 * The last step before a result leaves the package: every string in it redacted, and all but
 * paths sanitised first and read decoded where they hold escapes (`recheckText`).
 *
 * Redaction runs on the log's lines as they are read, which is where almost every secret is found.
 * But parsers decode what lines encode, and a secret can appear only then: XML entities in a
 * JUnit attribute (`&quot;password&quot;:…`, `ghp_&#97;…`), JSON string escapes in `go test -json`
 * and Ginkgo JSON, output that test2json split at 1 KiB and a parser joined again, an archive
 * entry's name. Sanitising can join a secret that a zero-width character had split. So the strings
 * of the result are checked once more; they are small (messages, names, paths, evidence lines).
 * `redactions` counts what this pass removed too.
 */
export function cleanResult(result: AnalysisResult): AnalysisResult {
  const found = new Map<string, number>(result.redactions.map((r) => [r.kind, r.count]));
  const tally = (red: RedactionResult): string => {
    for (const f of red.findings) found.set(f.kind, (found.get(f.kind) ?? 0) + f.count);
    return red.text;
  };
  // stripAnsi first: it also takes out the `\uFFFD[31m` remnants of colour codes that a JUnit
  // report's XML could not hold (sanitizeText leaves a U+FFFD alone).
  const clean = (text: string): string => tally(recheckText(stripAnsi(text)));
  // Paths (and errors, which start with one) are only redacted: they must stay the names of the
  // files, which callers match them with; whoever shows them sanitises them (the CLI does). Unless
  // an invisible character splits a secret in one: then it is shown sanitised and redacted.
  const redact = (text: string): string => {
    const red = redactSecrets(text);
    const sanitized = sanitizeText(text);
    if (sanitized === text) return tally(red);
    const shown = redactSecrets(sanitized);
    return tally(count(shown.findings) > count(red.findings) ? shown : red);
  };
  const cleanOrNull = (text: string | null): string | null => (text === null ? null : clean(text));
  const cleaned: AnalysisResult = {
    ...result,
    inputs: result.inputs.map((input) => ({
      ...input,
      path: redact(input.path),
      errors: input.errors.map(redact),
    })),
    failures: result.failures.map((f) => ({
      ...f,
      test: cleanOrNull(f.test),
      suite: cleanOrNull(f.suite),
      message: clean(f.message),
      mode: cleanOrNull(f.mode),
      location: f.location === null ? null : { ...f.location, file: redact(f.location.file) },
      evidence: f.evidence.map((e) => ({ ...e, path: redact(e.path), text: clean(e.text) })),
    })),
    flaky: result.flaky.map((f) => ({ ...f, test: clean(f.test) })),
    excerpt: {
      ...result.excerpt,
      path: result.excerpt.path === null ? null : redact(result.excerpt.path),
      // Sanitised and redacted already (analyze-input.ts); a second pass would change nothing.
      text: result.excerpt.text,
    },
  };
  cleaned.redactions = [...found].map(([kind, count]) => ({ kind, count }));
  return cleaned;
}

function count(findings: readonly { count: number }[]): number {
  let n = 0;
  for (const f of findings) n += f.count;
  return n;
}
