/**
 * Remove HTML comments, which GitHub renders as nothing: a reader never sees them, a model
 * does. Follows the HTML parser: `<!-->` and `<!--->` are complete comments, `--!>` also
 * closes one, and an unterminated comment hides everything after it (so it is all removed).
 * A comment whose removal would splice a new `<!--` together (`<!<!-- x -->-- y -->`) is
 * removed too. Linear time: no regex backtracking over long runs of dashes.
 */

const OPENER = '<!--';
const CLOSER = /--!?>/g;

function commentEnd(text: string, bodyFrom: number): number {
  if (text.startsWith('>', bodyFrom)) return bodyFrom + 1;
  if (text.startsWith('->', bodyFrom)) return bodyFrom + 2;
  CLOSER.lastIndex = bodyFrom;
  const m = CLOSER.exec(text);
  return m ? m.index + m[0].length : text.length;
}

export function stripHtmlCommentsDetailed(text: string): { text: string; removed: number } {
  if (!text.includes('<!')) return { text, removed: 0 };
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
      out = out.slice(0, out.length - straddle);
      bodyFrom = pos + (OPENER.length - straddle);
    } else {
      const start = text.indexOf(OPENER, pos);
      if (start === -1) break;
      out += text.slice(pos, start);
      bodyFrom = start + OPENER.length;
    }
    pos = commentEnd(text, bodyFrom);
    removed++;
  }
  if (pos < text.length) out += text.slice(pos);
  return { text: out, removed };
}

export function stripHtmlComments(text: string): string {
  return stripHtmlCommentsDetailed(text).text;
}
