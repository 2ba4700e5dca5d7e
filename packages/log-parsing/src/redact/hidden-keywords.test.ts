/**
 * `hidesKeyword` (one line) must agree with `withHiddenKeywords` (a whole text), which
 * redactLines uses: analyze's byte scan asks the first, the other paths the second, and the
 * differential test expects the same redactions from both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hidesKeyword, withHiddenKeywords } from './hidden-keywords';

/** Pieces that make escapes after word characters, keywords and their splits likely. */
const piece = fc.constantFrom(
  'pass',
  'word',
  'password=',
  'secret:',
  'token',
  'x',
  '-',
  '_',
  ' ',
  '[',
  '0m',
  '\x1b',
  '\x1b[0m',
  '\x1b[1;31m',
  '\x9b',
  '\x9b0m',
  '\ufffd',
  '\ufffd[0m',
  '•',
  'é',
  'hunter2',
  'Authorization: ',
);
const line = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join('').replace(/\n/g, ' '));

describe('hidesKeyword', () => {
  it('agrees with withHiddenKeywords on any one line', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(hidesKeyword(text)).toBe(withHiddenKeywords(text, []).length === 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('needs the escape right after a word character', () => {
    expect(hidesKeyword('pass\x1b[0mword=hunter2')).toBe(true);
    expect(hidesKeyword('pass\x9b0mword=hunter2')).toBe(true);
    expect(hidesKeyword('pass\ufffd[0mword=hunter2')).toBe(true);
    // After a space, or at the start, the raw line shows the keyword whole already.
    expect(hidesKeyword('\x1b[0mpassword=hunter2')).toBe(false);
    expect(hidesKeyword('x \x1b[0mpassword=hunter2')).toBe(false);
    // A lone U+FFFD is no introducer.
    expect(hidesKeyword('pass\ufffdword=hunter2')).toBe(false);
    expect(hidesKeyword('plain text\x1b[0m')).toBe(false);
  });
});
