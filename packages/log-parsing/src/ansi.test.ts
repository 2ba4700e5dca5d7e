import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from './ansi';

describe('stripAnsi', () => {
  it('removes 256-colour SGR codes as Ginkgo prints them', () => {
    expect(stripAnsi('\x1b[38;5;9m\x1b[1m[FAILED]\x1b[0m Timed out')).toBe('[FAILED] Timed out');
  });

  it('removes OSC hyperlinks and titles, C1 CSI and two-character escapes', () => {
    expect(stripAnsi('\x1b]8;;https://x.test\x07link\x1b]8;;\x07 \x9b31mred\x1bM')).toBe('link red');
  });

  it('removes colour codes whose ESC Go replaced with U+FFFD in JUnit XML', () => {
    expect(stripAnsi('\ufffd[36mINFO   \ufffd[0m[Jun  7 14:53:16.065]')).toBe('INFO   [Jun  7 14:53:16.065]');
  });

  it('removes an 8-bit CSI even on a line without ESC', () => {
    expect(stripAnsi('\x9b1mbold\x9b0m text')).toBe('bold text');
  });

  it('returns text without escapes unchanged', () => {
    const text = 'plain [It] text with [brackets] and � alone';
    expect(stripAnsi(text)).toBe(text);
  });

  it('strips exactly what the escape regex strips, whatever the text (fast CSI path included)', () => {
    const pattern =
      /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|(?:\x1b\[|\x9b|\ufffd\[)[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;
    const unit = fc.constantFrom(
      '\x1b',
      '\x1b[',
      '\x1b[0m',
      '\x1b[38;5;9m',
      '\x1b[!',
      '\x1b[1;',
      '\x1b]',
      '[',
      ']',
      '0',
      '9',
      ';',
      '?',
      ' ',
      '/',
      'm',
      'A',
      '~',
      '\x07',
      '\\',
      '\x9b',
      '\ufffd',
      'x',
      '•',
      '\x7f',
      '@',
      '!',
      '\x1f',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(stripAnsi(text)).toBe(text.replace(pattern, ''));
      }),
      { numRuns: 5000 },
    );
  });
});
