import {
  type AnalysisResult,
  type AnalyzedFailure,
  codeBlock,
  inlineCode,
  tableCell,
} from '@nightshift/log-parsing';
import { clip } from './clip';
import { fitComment } from './fit-comment';
import { inputList } from './input-list';

const STATUS_ICON = { failed: '❌', passed: '✅', unknown: '❔' } as const;

/** Longest test name, path or note shown in full; longer ones end in `…`. */
const MAX_NAME = 300;
/** Longest message line shown in full (the excerpt cuts its lines at 500 too). */
const MAX_MESSAGE_LINE = 500;

/**
 * Markdown for people (a PR comment, an issue body, a job summary). Test names, paths and messages
 * come from logs anyone can write, so the document goes through the same outbound sanitising as
 * everything the actions post: raw HTML that loads or links escaped, images and links dropped,
 * @mentions and closing keywords (`Fixes #12`) neutralised, secrets redacted, and the size capped
 * like a comment (fit-comment.ts). Names, paths and message lines from logs are cut to a readable
 * length first, so one huge test name does not crowd out the rest; `--format json` has them whole.
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
        `| ${tableCell(inlineCode(clip(input.path, MAX_NAME)))} | ${input.format} | ${input.lines} | ${cell(clip(notes.join('; '), MAX_NAME))} |`,
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
    for (const f of result.flaky)
      out.push(`- ${escapeHtml(clip(f.test, MAX_NAME))} (${f.attempts} attempts)`);
  }
  if (result.excerpt.text) {
    out.push(
      '',
      `<details><summary>Excerpt of <code>${escapeHtml(clip(result.excerpt.path ?? '', MAX_NAME))}</code> (${result.excerpt.tokens} tokens)</summary>`,
      '',
    );
    out.push(codeBlock(result.excerpt.text, ''), '', '</details>');
  }
  return fitComment(`${out.join('\n')}\n`);
}

function failureBlock(f: AnalyzedFailure): string[] {
  const title = f.test ?? `${f.kind} failure`;
  const where = f.location
    ? ` at ${inlineCode(clip(`${f.location.file}:${f.location.line}`, MAX_NAME))}`
    : '';
  const lines = [
    `#### ${escapeHtml(clip(title.replace(/\s+/g, ' '), MAX_NAME))}`,
    '',
    `- **Category:** ${f.category}${f.rule ? ` (rule \`${f.rule}\`)` : ''}${where}`,
    `- **Fingerprint:** \`${f.fingerprint}\``,
  ];
  if (f.mode) lines.push(`- **Failure mode:** ${f.mode}`);
  const message = f.message
    .split('\n')
    .slice(0, 20)
    .map((line) => clip(line, MAX_MESSAGE_LINE));
  lines.push('', codeBlock(message.join('\n'), ''), '');
  return lines;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table cell's text from a log: its markup shows as text, and it cannot end the cell or the row. */
function cell(text: string): string {
  return tableCell(escapeHtml(text));
}
