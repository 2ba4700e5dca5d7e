/**
 * Outbound: stop `@user` and `@org/team` from notifying anyone when Nightshift posts text.
 *
 * Choice: the mention goes into a code span — `` `@user` `` — which GitHub never links and
 * which still reads naturally. Where a code span cannot be trusted to form (next to a backtick,
 * or in a block of raw HTML), it becomes `@ user`. Invisible characters are not an option: they
 * are exactly what the inbound sanitiser strips. HTML-encoded (`&#64;`, `&commat;`) and
 * full-width (`＠`) at-signs are treated like `@`. Email addresses (`a@b.c`) are left alone.
 */
import { canWrapInCode, freeBacktickRun, mapBlocks } from './markdown-blocks';

// URLs are matched first and left alone: an `@` inside a live link (npm scopes, `/@user` pages)
// is link text, which GitHub never turns into a mention. Defanged URLs (`hxxps://`) are not
// links, so mentions in them are neutralised.
const MENTION =
  /(https?:\/\/[^\s<>"'`]+)|(?<![A-Za-z0-9_])(?:@|\uFF20|\uFE6B|&#0*64;|&#x0*40;|&commat;)([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/gi;
const HAS_MENTION = /(?<![A-Za-z0-9_])(?:@|\uFF20|\uFE6B|&#0*64;|&#x0*40;|&commat;)[A-Za-z0-9]/i;

export function neutralizeMentions(text: string): string {
  if (!/[@\uFF20\uFE6B&]/.test(text)) return text;
  return mapBlocks(text, (block) => {
    if (!HAS_MENTION.test(block)) return block;
    const fence = freeBacktickRun(block);
    return block.replace(MENTION, (m, url: string | undefined, name: string, offset: number) => {
      if (url) return m;
      return canWrapInCode(block, offset, offset + m.length) ? `${fence}@${name}${fence}` : `@ ${name}`;
    });
  });
}
