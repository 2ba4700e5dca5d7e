import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { capMessage, dedentBlock, MessageBuffer, TailText } from './message-buffer';

describe('MessageBuffer', () => {
  it('keeps lines and trims surrounding blank lines', () => {
    const b = new MessageBuffer();
    for (const l of ['', 'Expected', '    <bool>: false', 'to be true', '']) b.push(l);
    expect(b.text()).toBe('Expected\n    <bool>: false\nto be true');
  });

  it('caps lines and says how many were cut', () => {
    const b = new MessageBuffer(3, 1000);
    for (let i = 0; i < 10; i++) b.push(`line ${i}`);
    expect(b.text()).toBe('line 0\nline 1\nline 2\n…[nightshift: message cut, 7 more lines]');
    expect(b.lineCount).toBe(10);
  });

  it('caps characters, cutting the line that crosses the cap', () => {
    const b = new MessageBuffer(100, 10);
    b.push('abcdef');
    b.push('ghijklmnop');
    expect(b.text()).toBe('abcdef\nghi\n…[nightshift: message cut, 1 more lines]');
  });

  it('returns null when only blank lines were pushed', () => {
    const b = new MessageBuffer();
    b.push('  ');
    expect(b.text()).toBeNull();
  });
});

describe('capMessage', () => {
  it('leaves a message within the caps alone and cuts one over them', () => {
    expect(capMessage('a\nb')).toBe('a\nb');
    const long = Array.from({ length: LIMITS.maxMessageLines + 5 }, (_, i) => `l${i}`).join('\n');
    const capped = capMessage(long);
    expect(capped.split('\n')).toHaveLength(LIMITS.maxMessageLines + 1);
    expect(capped).toMatch(/message cut, 5 more lines\]$/);
  });
});

describe('TailText', () => {
  it('keeps the end of the output and marks the cut', () => {
    const t = new TailText(8);
    t.append('0123456789');
    t.append('ab');
    expect(t.value()).toBe('…[nightshift: 4 earlier characters cut]\n456789ab');
  });
});

describe('dedentBlock', () => {
  it('removes shared indentation only', () => {
    expect(dedentBlock('    a_test.go:1: x\n        more\n')).toBe('a_test.go:1: x\n    more\n');
  });
});
