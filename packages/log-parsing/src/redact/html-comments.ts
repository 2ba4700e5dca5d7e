/**
 * HTML comments in markdown, which GitHub renders as nothing: a reader never sees them, a model
 * does. Outside code, a comment is removed as the HTML parser reads it (`<!-->` and `<!--->` are
 * complete comments, `--!>` also closes one; a comment whose removal would splice a new `<!--`
 * together, `<!<!-- x -->-- y -->`, is removed too). Inside fenced code and inline code spans
 * (literal-code.ts) a comment is literal text and stays. An unterminated `<!--` outside code is
 * escaped to `&lt;!--` (shown as text) rather than taking the rest of the text with it: one
 * HTML error page quoted in a failure message used to hide every later failure of a report.
 * Linear time: no regex backtracking over long runs of dashes.
 */
import { literalCodeRanges } from './literal-code';

const OPENER = '<!--';
const CLOSER = /--!?>/g;

/** End of the comment whose body starts at `bodyFrom`, or -1 if it never ends. */
function commentEnd(text: string, bodyFrom: number): number {
  if (text.startsWith('>', bodyFrom)) return bodyFrom + 1;
  if (text.startsWith('->', bodyFrom)) return bodyFrom + 2;
  CLOSER.lastIndex = bodyFrom;
  const m = CLOSER.exec(text);
  return m ? m.index + m[0].length : -1;
}

/** Removes the terminated comments of one prose piece; an unterminated opener stays as it is. */
function stripTerminated(text: string): { text: string; removed: number } {
  let out = '';
  let pos = 0;
  let removed = 0;
  while (pos < text.length) {
    // Does an opener straddle what we already emitted and what follows the last removal?
    let straddle = 0;
    for (let j = 3; j >= 1; j--) {
      if (out.endsWith(OPENER.slice(0, j)) && text.startsWith(OPENER.slice(j), pos)) {
        straddle = j;
        break;
      }
    }
    let bodyFrom: number;
    if (straddle > 0) {
      bodyFrom = pos + (OPENER.length - straddle);
    } else {
      const start = text.indexOf(OPENER, pos);
      if (start === -1) break;
      out += text.slice(pos, start);
      pos = start;
      bodyFrom = start + OPENER.length;
    }
    const end = commentEnd(text, bodyFrom);
    if (end === -1) break;
    if (straddle > 0) out = out.slice(0, out.length - straddle);
    pos = end;
    removed++;
  }
  return { text: out + text.slice(pos), removed };
}

/** Applies `fn` to the parts of `text` outside literal code. */
function mapOutsideCode(text: string, fn: (prose: string) => string): string {
  const ranges = literalCodeRanges(text);
  if (ranges.length === 0) return fn(text);
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += fn(text.slice(last, start)) + text.slice(start, end);
    last = end;
  }
  return out + fn(text.slice(last));
}

/**
 * Every `<!--` outside literal code → `&lt;!--`. Run last on outbound markdown: it leaves no live
 * comment even where earlier steps changed which parts are code. Stable: the code reading does
 * not depend on `<!--`, so a second run changes nothing.
 */
export function escapeHtmlCommentOpeners(text: string): { text: string; escaped: number } {
  if (!text.includes(OPENER)) return { text, escaped: 0 };
  let escaped = 0;
  const out = mapOutsideCode(text, (prose) =>
    prose.replaceAll(OPENER, () => {
      escaped++;
      return '&lt;!--';
    }),
  );
  return { text: out, escaped };
}

/** `removed` counts comments removed and unterminated openers escaped. */
export function stripHtmlCommentsDetailed(text: string): { text: string; removed: number } {
  if (!text.includes('<!')) return { text, removed: 0 };
  let removed = 0;
  const stripped = mapOutsideCode(text, (prose) => {
    if (!prose.includes('<!')) return prose;
    const r = stripTerminated(prose);
    removed += r.removed;
    return r.text;
  });
  // Removal can change which parts are code (a comment holding a backtick), so the openers left
  // are found on the result.
  const escaped = escapeHtmlCommentOpeners(stripped);
  return { text: escaped.text, removed: removed + escaped.escaped };
}

export function stripHtmlComments(text: string): string {
  return stripHtmlCommentsDetailed(text).text;
}
