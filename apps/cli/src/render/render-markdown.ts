import {
  type AnalysisResult,
  type AnalyzedFailure,
  codeBlock,
  inlineCode,
  sanitizeForComment,
  tableCell,
} from '@nightshift/log-parsing';
import { inputList } from './input-list';

const STATUS_ICON = { failed: '❌', passed: '✅', unknown: '❔' } as const;

/**
 * Markdown for people (a PR comment, an issue body, a job summary). Test names, paths and messages
 * come from logs anyone can write, so the document goes through the same outbound sanitising as
 * everything the actions post: raw HTML that loads or links escaped, images and links dropped,
 * @mentions and closing keywords (`Fixes #12`) neutralised, secrets redacted.
 */
export function renderMarkdown(result: AnalysisResult): string {
  const out: string[] = [];
  out.push(`## ${STATUS_ICON[result.status]} Analysis: ${result.status}`, '');
  const inputs = inputList(result.inputs);
  if (inputs.summary)
    out.push(
      inputs.shown.length > 0 ? `${inputs.summary}. The inputs worth a look:` : `${inputs.summary}.`,
      '',
    );
  if (inputs.shown.length > 0) {
    out.push('| Input | Format | Lines | Notes |', '| --- | --- | ---: | --- |');
    for (const input of inputs.shown) {
      const notes = [
        input.partial ? 'partial' : '',
        input.tests ? `${input.tests.failed}/${input.tests.total} tests failed` : '',
        ...input.errors.slice(0, 2),
      ].filter(Boolean);
      out.push(
        // In a code span markup is text already; only a pipe could end the cell.
        `| ${tableCell(inlineCode(input.path))} | ${input.format} | ${input.lines} | ${cell(notes.join('; '))} |`,
      );
    }
  }
  if (inputs.hidden > 0)
    out.push('', `${inputs.hidden} more inputs not listed (\`--format json\` lists them all).`);
  if (result.failures.length > 0) {
    out.push('', `### Failures (${result.failures.length})`, '');
    for (const f of result.failures) out.push(...failureBlock(f));
  }
  if (result.flaky.length > 0) {
    out.push('', '### Flaky', '');
    for (const f of result.flaky) out.push(`- ${escapeHtml(f.test)} (${f.attempts} attempts)`);
  }
  if (result.excerpt.text) {
    out.push(
      '',
      `<details><summary>Excerpt of <code>${escapeHtml(result.excerpt.path ?? '')}</code> (${result.excerpt.tokens} tokens)</summary>`,
      '',
    );
    out.push(codeBlock(result.excerpt.text, ''), '', '</details>');
  }
  return sanitizeForComment(`${out.join('\n')}\n`, {
    allowedHosts: [],
    allowHtml: true,
    maxChars: Number.MAX_SAFE_INTEGER,
  });
}

function failureBlock(f: AnalyzedFailure): string[] {
  const title = f.test ?? `${f.kind} failure`;
  const where = f.location ? ` at ${inlineCode(`${f.location.file}:${f.location.line}`)}` : '';
  const lines = [
    `#### ${escapeHtml(title.replace(/\s+/g, ' '))}`,
    '',
    `- **Category:** ${f.category}${f.rule ? ` (rule \`${f.rule}\`)` : ''}${where}`,
    `- **Fingerprint:** \`${f.fingerprint}\``,
  ];
  if (f.mode) lines.push(`- **Failure mode:** ${f.mode}`);
  lines.push('', codeBlock(f.message.split('\n').slice(0, 20).join('\n'), ''), '');
  return lines;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table cell's text from a log: its markup shows as text, and it cannot end the cell or the row. */
function cell(text: string): string {
  return tableCell(escapeHtml(text));
}
