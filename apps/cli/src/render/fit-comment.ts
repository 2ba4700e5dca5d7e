import { sanitizeForComment, sanitizeForCommentDetailed } from '@nightshift/log-parsing';

const OPTIONS = { allowedHosts: [], allowHtml: true } as const;

/**
 * Markdown sanitised like everything the actions post (see render-markdown.ts) and capped to fit
 * a GitHub comment: at sanitizeForComment's own cap, the one every posted comment and body goes
 * through (60,000 characters; GitHub rejects more than 65,536). Over it, whole lines are dropped
 * from the end, an open code block or `<details>` is closed, and a last line says what was cut;
 * the result goes through the sanitiser once, as a whole, like any report. Only when the first
 * line alone is too long does the cap cut inside a line (capText's marker).
 */
export function fitComment(markdown: string): string {
  const whole = sanitizeForCommentDetailed(markdown, OPTIONS);
  if (!whole.truncated) return whole.text;
  // capText fills the cap to the character (its marker says how much it dropped), so the capped
  // text's length is a budget that never exceeds the cap, without a copy of its value here.
  const budget = whole.text.length;
  const lines = markdown.replace(/\n$/, '').split('\n');
  // After line i: where it ends in `markdown` and which blocks are open.
  const ends: number[] = [];
  const open: OpenBlocks[] = [];
  let state: OpenBlocks = { fence: null, details: 0 };
  let end = 0;
  for (const line of lines) {
    end += line.length + 1;
    state = track(state, line);
    ends.push(end);
    open.push(state);
  }
  const endOf = (kept: number) => ends[kept - 1] ?? 0;
  const note = (kept: number) => closing(open[kept - 1]!, lines.length - kept, markdown.length - endOf(kept));
  const assemble = (kept: number) => markdown.slice(0, endOf(kept)) + note(kept);
  // First guess from the unsanitised lengths; sanitising changes them a little (escapes,
  // redaction markers), so each try that is still over drops lines worth the excess.
  let kept = 0;
  while (kept < lines.length && endOf(kept + 1) + note(kept + 1).length <= budget) kept++;
  while (kept > 0) {
    const text = assemble(kept);
    const fitted = sanitizeForCommentDetailed(text, OPTIONS);
    if (!fitted.truncated) return fitted.text;
    const excess =
      sanitizeForComment(text, { ...OPTIONS, maxChars: Number.MAX_SAFE_INTEGER }).length - budget;
    for (let dropped = 0; kept > 0 && dropped < excess; kept--) dropped += lines[kept - 1]!.length + 1;
  }
  return whole.text;
}

interface OpenBlocks {
  /** The fence of the code block the text is in, if any. */
  fence: string | null;
  /** `<details>` opened (outside code) and not closed. */
  details: number;
}

/** The blocks open after `line` (render-markdown.ts writes fences and `<details>` on lines of their own). */
function track(state: OpenBlocks, line: string): OpenBlocks {
  if (state.fence !== null) return line === state.fence ? { ...state, fence: null } : state;
  const fence = /^`{3,}/.exec(line)?.[0];
  if (fence) return { ...state, fence };
  if (line.startsWith('<details>')) return { ...state, details: state.details + 1 };
  if (line === '</details>' && state.details > 0) return { ...state, details: state.details - 1 };
  return state;
}

/** What ends a cut report: the open blocks closed, then a note of what was left out. */
function closing(state: OpenBlocks, lines: number, chars: number): string {
  const close = [
    ...(state.fence !== null ? [state.fence] : []),
    ...Array.from({ length: state.details }, () => '</details>'),
  ];
  const note =
    `_Report cut to fit a GitHub comment: its last ${lines} lines (${chars} characters) were left ` +
    'out; `--format json` has everything._';
  return `${[...close, '', note].join('\n')}\n`;
}
