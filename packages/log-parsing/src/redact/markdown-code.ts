/**
 * Just enough CommonMark to tell code from prose: closed fenced code blocks and inline code
 * spans (backtick runs paired within a blank-line-delimited block, honouring backslash
 * escapes outside code). Used only where getting it wrong is cosmetic — escaping raw HTML in
 * prose but not in quoted code. HTML comments use a stricter reading built on `splitSpans`
 * (literal-code.ts), where a mistake in the other direction would leave a live comment.
 */

interface Segment {
  text: string;
  code: boolean;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Split into fenced-code and other regions, line by line. Unclosed fences count as prose. */
function splitFences(text: string): Segment[] {
  // Keep each line's '\n' so joining the segments gives back the text exactly.
  const lines = text.split(/(?<=\n)/);
  const bare = (k: number) => lines[k]!.replace(/\n$/, '');
  const segs: Segment[] = [];
  let prose = '';
  let i = 0;
  while (i < lines.length) {
    const m = FENCE_OPEN.exec(bare(i));
    const fence = m?.[1];
    if (fence && !(fence[0] === '`' && m[2]!.includes('`'))) {
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(bare(j))) j++;
      if (j < lines.length) {
        if (prose) segs.push({ text: prose, code: false });
        prose = '';
        segs.push({ text: lines.slice(i, j + 1).join(''), code: true });
        i = j + 1;
        continue;
      }
    }
    prose += lines[i]!;
    i++;
  }
  if (prose) segs.push({ text: prose, code: false });
  return segs;
}

/** Inline code spans inside one prose region. */
export function splitSpans(text: string): Segment[] {
  const segs: Segment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      plain += c;
      i++;
      continue;
    }
    let n = 1;
    while (text[i + n] === '`') n++;
    const close = findRun(text, i + n, n);
    if (close === -1) {
      plain += text.slice(i, i + n);
      i += n;
      continue;
    }
    if (plain) segs.push({ text: plain, code: false });
    plain = '';
    segs.push({ text: text.slice(i, close + n), code: true });
    i = close + n;
  }
  if (plain) segs.push({ text: plain, code: false });
  return segs;
}

/** Next backtick run of exactly length n from `from`, not crossing a blank line. */
function findRun(text: string, from: number, n: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 64))) return -1;
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let k = 1;
    while (text[i + k] === '`') k++;
    if (k === n) return i;
    i += k;
  }
  return -1;
}

/** Apply `fn` to the prose parts of markdown `text`, leaving code untouched. */
export function mapProse(text: string, fn: (prose: string) => string): string {
  return splitFences(text)
    .flatMap((s) => (s.code ? [s] : splitSpans(s.text)))
    .map((s) => (s.code ? s.text : fn(s.text)))
    .join('');
}
