/**
 * Outbound: stop "fixes #12", "closes org/repo#3", "resolves https://github.com/o/r/issues/4"
 * from linking (and later auto-closing) an issue when the text lands in a PR body or commit.
 *
 * Choice: the keyword and its reference go into a code span (`` `fixes #12` ``), which GitHub
 * does not parse. Where a code span cannot be trusted (see markdown-blocks.ts) the word
 * "issue" is inserted instead ("fixes issue #12"): GitHub only links a keyword immediately
 * followed by the reference.
 */
import { canWrapInCode, freeBacktickRun, mapBlocks } from './markdown-blocks';

const REFERENCE =
  '(?:[A-Za-z0-9_.-]+\\/[A-Za-z0-9_.-]+)?(?:#|&#0*35;|&#x0*23;|&num;)\\d+|GH-\\d+|https?:\\/\\/github\\.com\\/[A-Za-z0-9_.-]+\\/[A-Za-z0-9_.-]+\\/(?:issues|pull)\\/\\d+';
const CLOSING = new RegExp(
  `(?<![A-Za-z0-9_])(close[sd]?|fix(?:e[sd])?|resolve[sd]?)([ \\t]*(?::[ \\t]*)?)(${REFERENCE})`,
  'gi',
);

export function neutralizeClosingKeywords(text: string): string {
  return mapBlocks(text, (block) => {
    CLOSING.lastIndex = 0;
    if (!CLOSING.test(block)) return block;
    const fence = freeBacktickRun(block);
    return block.replace(CLOSING, (m, keyword: string, sep: string, ref: string, offset: number) =>
      canWrapInCode(block, offset, offset + m.length)
        ? `${fence}${m}${fence}`
        : `${keyword}${sep.trim() ? sep : ' '}issue ${ref}`,
    );
  });
}
