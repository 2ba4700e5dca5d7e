/**
 * Markdown pieces that their content cannot break out of: code that whatever backticks a log line
 * holds cannot end (so it is never read as markup, links or mentions), and table cells that a line
 * break or a pipe cannot end. Shared by `nightshift analyze --format markdown` and the detector's
 * issue bodies.
 */

/** A fenced block whose fence is longer than any backtick run inside, so content cannot close it. */
export function codeBlock(text: string, lang = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** Inline code that survives backticks inside (CommonMark: a longer delimiter run, padded). */
export function inlineCode(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  if (flat === '') return '` `';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A table cell: one line, pipes escaped (GitHub splits cells on `|` even inside code spans). */
export function tableCell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
