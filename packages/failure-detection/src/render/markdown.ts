/** Small Markdown builders. Inputs are expected to be cleaned already (see sanitize.ts). */

/** Cut to `max` characters, keeping the start. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? '…'.slice(0, max) : `${text.slice(0, max - 1)}…`;
}

/** Cut to `max` characters, keeping the end (the specific part of long test names). */
export function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? '…'.slice(0, max) : `…${text.slice(text.length - (max - 1))}`;
}

// Code spans, code blocks and table cells that content cannot break out of: shared with the CLI's
// markdown report.
export { codeBlock, inlineCode, tableCell as cell } from '@nightshift/log-parsing';

export function details(summary: string, content: string): string {
  return `<details><summary>${summary}</summary>\n\n${content}\n\n</details>`;
}

/** `[label](url)` for http(s) URLs only; anything else is shown as plain text. */
export function link(label: string, url: string): string {
  const safeLabel = label.replace(/[[\]]/g, '');
  return /^https?:\/\/[^\s()<>]+$/.test(url) ? `[${safeLabel}](${url})` : safeLabel;
}

/** `2024-05-01T12:00:00Z` → `2024-05-01 12:00 UTC`; unparsable input is returned as is. */
export function formatDate(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
