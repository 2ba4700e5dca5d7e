/**
 * Where an HTML comment in markdown is certainly shown as literal text on GitHub: inside a fenced
 * code block or an inline code span. html-comments.ts leaves comments there alone and neutralises
 * every other one, so a mistake here must only ever go one way: calling code prose costs a
 * quoted comment (the old behaviour), calling prose code would leave a live, hidden comment.
 *
 * So this is CommonMark's code detection (as markdown-code.ts reads it) with every case where
 * GitHub could read the text differently treated as prose:
 *  - A fence counts only when its opener starts the line (no indentation: an indented fence may
 *    belong to a list item, which a later unindented line ends, so the two readings of where
 *    its code stops can differ) and is closed; a text with an indented or distrusted opener
 *    trusts no later code at all, since its fence structure may differ from GitHub's from there.
 *  - Nothing inside or right after raw HTML counts: a fence or span on a line of an HTML block
 *    (a line starting with a tag, to the next blank line; `<pre>`/`<script>`/`<style>`/
 *    `<textarea>`, `<?`, `<!X`, `<![CDATA[` to their end marker) is raw HTML to GitHub.
 *  - A code span counts only on one line (a line starting with `<!--` inside a multi-line span
 *    is an HTML block), without `|` (GitHub splits table cells on it even inside spans), and
 *    with no `<` tag or autolink before it in its paragraph (a tag that starts first wins).
 * `<!--` itself triggers none of these, so escaping comments in prose never changes the answer.
 */
import { splitSpans } from './markdown-code';

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** A line that starts an HTML block of some type (a comment excepted). */
const HTML_LINE = /^ {0,3}<(?:[A-Za-z/?]|!(?!--))/;
/** `<` opening a tag, autolink, declaration or processing instruction; not a comment. */
const RAW_HTML = /<(?:[A-Za-z/?]|!(?!--))/;

/** End marker of an HTML block that may span blank lines (CommonMark types 1, 3, 4, 5). */
function longBlockEnd(line: string): RegExp | null {
  const m = /^ {0,3}<(?:(pre|script|style|textarea)(?=[\s>]|$)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/i.exec(line);
  if (!m) return null;
  const end = m[1] ? new RegExp(`</${m[1]}>`, 'i') : m[2] ? /\?>/ : m[3] ? /\]\]>/ : />/;
  return end.test(line.slice(m[0].length)) ? null : end;
}

/** Half-open [start, end) ranges of `text` that GitHub certainly renders as code, ascending. */
export function literalCodeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let fence: { close: RegExp; start: number; trusted: boolean } | null = null;
  let poisoned = false;
  let tagBlock = false;
  let longEnd: RegExp | null = null;
  // Prose since the last blank line or fence: where inline spans are looked for.
  let para = -1;
  let paraHtml = false;
  const flush = (end: number) => {
    if (para !== -1 && !poisoned && !paraHtml) spanRanges(text, para, end, ranges);
    para = -1;
    paraHtml = false;
  };
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length + 1 : nl + 1;
    const line = text.slice(start, end);
    // The line holding a long block's end marker is still part of the block.
    const inLong = longEnd !== null;
    if (longEnd?.test(line)) longEnd = null;
    if (fence) {
      if (fence.close.test(line)) {
        if (fence.trusted) ranges.push([fence.start, Math.min(next, text.length)]);
        fence = null;
      }
      start = next;
      continue;
    }
    const m = FENCE.exec(line);
    if (m && !(m[2]![0] === '`' && m[3]!.includes('`'))) {
      flush(start);
      const trusted = !poisoned && m[1] === '' && !tagBlock && !inLong;
      if (!trusted) poisoned = true;
      const close = new RegExp(`^ {0,3}${m[2]![0] === '`' ? '`' : '~'}{${m[2]!.length},}[ \\t]*$`);
      fence = { close, start, trusted };
      start = next;
      continue;
    }
    if (/^[ \t]*$/.test(line)) {
      flush(start);
      tagBlock = false;
    } else {
      if (para === -1) para = start;
      const long = longBlockEnd(line);
      if (long) longEnd = long;
      if (HTML_LINE.test(line)) tagBlock = true;
      if (tagBlock || inLong || longEnd !== null) paraHtml = true;
    }
    start = next;
  }
  flush(text.length);
  // An unclosed fence is prose here (GitHub shows it as code to the end: only cosmetic).
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Trusted inline code spans of the paragraph text[from, to). */
function spanRanges(text: string, from: number, to: number, out: Array<[number, number]>): void {
  const para = text.slice(from, to);
  if (!para.includes('`')) return;
  let at = from;
  let rawHtmlBefore = false;
  for (const seg of splitSpans(para)) {
    if (!seg.code) {
      if (RAW_HTML.test(seg.text)) rawHtmlBefore = true;
    } else if (!rawHtmlBefore && !seg.text.includes('\n') && !seg.text.includes('|')) {
      out.push([at, at + seg.text.length]);
    }
    at += seg.text.length;
  }
}
