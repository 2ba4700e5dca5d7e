/**
 * Markdown code that its content cannot end: whatever backticks a log line holds, it stays code
 * (and so is never read as markup, links or mentions by a renderer). Shared by the reports of
 * `nightshift analyze --format markdown` and the detector's issue bodies.
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
