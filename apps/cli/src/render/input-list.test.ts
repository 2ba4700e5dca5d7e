import type { AnalyzedInput } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { inputList } from './input-list';

const input = (path: string, extra: Partial<AnalyzedInput> = {}): AnalyzedInput => ({
  path,
  format: 'plain',
  bytes: 10,
  lines: 1,
  partial: false,
  errors: [],
  ...extra,
});

describe('inputList', () => {
  it('lists every input when there are few', () => {
    const inputs = [input('a.log'), input('b.log')];
    expect(inputList(inputs, 2)).toEqual({ shown: inputs, hidden: 0, summary: null });
  });

  it('summarises many inputs by format and lists only those worth a look', () => {
    const failed = input('junit.xml', {
      format: 'junit-xml',
      tests: { total: 3, failed: 1, passed: 2, skipped: 0 },
    });
    const cut = input('cut.xml', {
      format: 'junit-xml',
      partial: true,
      errors: ['cut.xml line 9: truncated'],
    });
    const png = input('x.png', { format: 'skipped', lines: 0, errors: ['x.png: looks binary; skipped'] });
    const passing = input('ok.xml', {
      format: 'junit-xml',
      tests: { total: 2, failed: 0, passed: 2, skipped: 0 },
    });
    const list = inputList([input('a.log'), failed, input('b.log'), cut, passing, png, input('c.log')], 4);
    expect(list.summary).toBe('7 inputs: 3 plain, 3 junit-xml, 1 skipped; 1 partial');
    expect(list.shown.map((i) => i.path)).toEqual(['junit.xml', 'cut.xml', 'x.png']);
    expect(list.hidden).toBe(4);
  });

  it('lists inputs with failed tests first, then unreadable ones, then the rest', () => {
    const cut = (n: number) => input(`cut-${n}.xml`, { partial: true, errors: ['truncated'] });
    const gone = input('gone.log', {
      format: 'unreadable',
      partial: true,
      errors: ['gone.log: no such file'],
    });
    const failed = input('failed.xml', { tests: { total: 1, failed: 1, passed: 0, skipped: 0 } });
    const list = inputList([cut(1), cut(2), gone, cut(3), failed, input('quiet.log')], 3);
    expect(list.shown.map((i) => i.path)).toEqual(['failed.xml', 'gone.log', 'cut-1.xml']);
    expect(list.hidden).toBe(3);
  });

  it('caps the notable ones too', () => {
    const many = Array.from({ length: 30 }, (_, n) => input(`${n}.log`, { errors: ['e'] }));
    const list = inputList(many, 20);
    expect(list.shown).toHaveLength(20);
    expect(list.hidden).toBe(10);
  });
});
