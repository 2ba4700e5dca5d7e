import type { AnalysisResult } from '@nightshift/log-parsing';
import type { CiRun, FailureGroup } from '../types';
import { clip, codeBlock, details, inlineCode, link } from './markdown';
import { cleanCode, cleanLine, proseLine } from './sanitize';

export interface ReportSectionInput {
  run: CiRun;
  group: FailureGroup;
  analysis: Pick<AnalysisResult, 'excerpt'>;
}

export interface RenderedSection {
  text: string;
  /** What had to be cut to fit the budget (said in the text too). */
  trimmed: string[];
}

const MESSAGE_CHARS = 4000;
const MESSAGE_LINES = 40;
const TESTS_SHOWN = 50;
/** An excerpt shorter than this says too little to be worth its space. */
const MIN_EXCERPT_CHARS = 1000;

/**
 * The part of a failure issue that describes the latest run: failed tests, category, rule and
 * evidence, the failure message, the log excerpt (collapsed) and links. Fits `budget` characters:
 * the excerpt is trimmed first, then the message and the test list. With `fullDetailOnly`, only
 * the excerpt may shrink, and null says it does not fit (the caller frees room elsewhere first).
 */
export function renderReportSection(
  input: ReportSectionInput,
  budget: number,
  options: { fullDetailOnly?: boolean } = {},
): RenderedSection | null {
  const excerpt = cleanCode(input.analysis.excerpt.text);
  const message = limitLines(cleanCode(input.group.primary.message), MESSAGE_LINES, MESSAGE_CHARS);
  // Levels of detail, richest first; at each, the excerpt gets whatever room is left.
  const levels = [
    { messageChars: message.length, tests: TESTS_SHOWN },
    { messageChars: 800, tests: 20 },
    { messageChars: 200, tests: 5 },
  ];
  for (const level of options.fullDetailOnly ? levels.slice(0, 1) : levels) {
    const full = build(input, excerpt, message, { ...level, excerptChars: excerpt.length });
    if (full.text.length <= budget) return full;
    const without = build(input, excerpt, message, { ...level, excerptChars: 0 });
    // Room for the excerpt: what the section without it leaves, less the <details> wrapper.
    const room = budget - without.text.length - 300;
    if (room >= MIN_EXCERPT_CHARS) {
      const trimmed = build(input, excerpt, message, { ...level, excerptChars: room });
      if (trimmed.text.length <= budget) return trimmed;
    }
    if (without.text.length <= budget) return without;
  }
  if (options.fullDetailOnly) return null;
  // Nothing fits (a tiny budget): a fixed line rather than a cut that could leave a fence open.
  const text = clip(
    "_Details of this run were left out to stay under GitHub's size limit._",
    Math.max(0, budget),
  );
  return { text, trimmed: ['details'] };
}

function build(
  input: ReportSectionInput,
  excerpt: string,
  message: string,
  limits: { excerptChars: number; messageChars: number; tests: number },
): RenderedSection {
  const { run, group } = input;
  const primary = group.primary;
  const trimmed: string[] = [];
  const parts: string[] = [];

  if (group.tests.length > 0) {
    parts.push(`### Failed tests (${group.tests.length})`);
    const shown = group.tests.slice(0, limits.tests);
    const lines = shown.map((test) => {
      const where =
        test === primary.test && primary.location
          ? ` — ${inlineCode(cleanLine(`${primary.location.file}:${primary.location.line}`, 200))}`
          : '';
      return `- ${inlineCode(cleanLine(test, 400))}${where}`;
    });
    if (group.tests.length > shown.length) {
      lines.push(`- … and ${group.tests.length - shown.length} more`);
      if (limits.tests < TESTS_SHOWN) trimmed.push('tests');
    }
    parts.push(lines.join('\n'));
  }

  parts.push('### Failure');
  const facts = [
    `**Category:** ${inlineCode(cleanLine(primary.category, 60))}`,
    `**Rule:** ${primary.rule ? inlineCode(cleanLine(primary.rule, 100)) : 'none matched'}`,
    `**Kind:** ${cleanLine(primary.kind, 20)}`,
  ];
  if (primary.mode) facts.push(`**Mode:** ${inlineCode(cleanLine(primary.mode, 200))}`);
  parts.push(facts.join(' · '));
  if (limits.messageChars > 0 && message.length > 0) {
    const shown = clip(message, limits.messageChars);
    if (shown.length < message.length) trimmed.push('message');
    parts.push(codeBlock(shown));
  }
  if (primary.evidence.length > 0) {
    const lines = primary.evidence.map(
      (e) => `${cleanLine(e.path, 200)}:${e.line}: ${cleanLine(e.text, 500)}`,
    );
    parts.push(`**Evidence**\n\n${codeBlock(lines.join('\n'))}`);
  }

  if (excerpt.length > 0) {
    if (limits.excerptChars > 0) {
      const shown = limits.excerptChars < excerpt.length ? keepTail(excerpt, limits.excerptChars) : excerpt;
      if (shown.length < excerpt.length) trimmed.push('excerpt');
      const from = input.analysis.excerpt.path
        ? ` from ${inlineCode(cleanLine(input.analysis.excerpt.path, 200))}`
        : '';
      const note = shown.length < excerpt.length ? ', trimmed to fit' : '';
      parts.push(
        details(`Log excerpt${from} (${input.analysis.excerpt.tokens} tokens${note})`, codeBlock(shown)),
      );
    } else {
      trimmed.push('excerpt');
      parts.push("_The log excerpt was left out to keep this issue under GitHub's size limit._");
    }
  }

  parts.push('### Links');
  const attempt = run.attempt > 1 ? ` (attempt ${run.attempt})` : '';
  const where = [
    run.branch && `branch ${inlineCode(cleanLine(run.branch, 100))}`,
    run.version && `version ${inlineCode(cleanLine(run.version, 40))}`,
  ]
    .filter(Boolean)
    .join(', ');
  parts.push(`- ${link(`Run ${proseLine(run.id, 40)}${attempt}`, run.url)}${where ? ` on ${where}` : ''}`);
  // The note lives inside the section, so an update that keeps the section keeps the note too.
  if (trimmed.length > 0) parts.push(`_Trimmed to stay under GitHub's size limit: ${trimmed.join(', ')}._`);
  return { text: parts.join('\n\n'), trimmed };
}

/** Excerpts end where the failure is: keep the last lines, starting on a line boundary. */
function keepTail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const newline = cut.indexOf('\n');
  return `… [earlier excerpt lines trimmed]\n${newline === -1 ? cut : cut.slice(newline + 1)}`;
}

function limitLines(text: string, maxLines: number, maxChars: number): string {
  const lines = text.split('\n');
  const kept =
    lines.length > maxLines
      ? [...lines.slice(0, maxLines), `… [${lines.length - maxLines} more lines]`]
      : lines;
  return clip(kept.join('\n'), maxChars);
}
