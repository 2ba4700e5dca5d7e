import { describe, expect, it } from 'vitest';
import {
  findMarker,
  MAX_MARKER_JSON_CHARS,
  parseMarkers,
  renderMarker,
  setMarker,
  stripMarkers,
} from './markers';

describe('markers', () => {
  it('renders and parses a round trip', () => {
    const body = `Failure report\n\n${renderMarker('failure', { fingerprint: 'abc', runs: [1, 2] })}\n`;
    expect(findMarker(body, 'failure')?.data).toEqual({ fingerprint: 'abc', runs: [1, 2] });
  });

  it('escapes payloads that would close the HTML comment early', () => {
    const marker = renderMarker('x', { text: 'a --> b <!-- c' });
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(parseMarkers(marker)[0]?.data).toEqual({ text: 'a --> b <!-- c' });
  });

  it('refuses invalid kinds when rendering', () => {
    expect(() => renderMarker('Bad Kind', {})).toThrow(/marker kind/);
  });

  it('ignores bad JSON, unknown shapes and oversized payloads without throwing', () => {
    const big = `"${'a'.repeat(MAX_MARKER_JSON_CHARS + 10)}"`;
    const body = [
      '<!-- nightshift:failure {not json} -->',
      '<!-- nightshift:failure -->',
      '<!-- nightshift:BAD {} -->',
      `<!-- nightshift:failure ${big} -->`,
      '<!-- nightshift:failure {"ok":true} -->',
    ].join('\n');
    const found = parseMarkers(body, 'failure');
    expect(found.map((m) => m.data)).toEqual([{ ok: true }]);
  });

  it('does not trust markers inside fenced, indented or inline code', () => {
    const forged = '<!-- nightshift:failure {"forged":true} -->';
    const body = [
      'Log excerpt:',
      '```',
      forged,
      '```',
      '~~~~',
      forged,
      '~~~~',
      '',
      `    ${forged}`,
      '',
      `inline \`${forged}\` here`,
      '<!-- nightshift:failure {"real":true} -->',
    ].join('\n');
    expect(parseMarkers(body).map((m) => m.data)).toEqual([{ real: true }]);
  });

  it('treats an unclosed fence as code to the end', () => {
    const body = '```\n<!-- nightshift:failure {"forged":true} -->\n';
    expect(parseMarkers(body)).toEqual([]);
  });

  it('stays linear on hostile bodies', () => {
    const hostile = '<!-- nightshift:x '.repeat(50_000);
    expect(parseMarkers(hostile)).toEqual([]);
    const many = '<!-- nightshift:x {"a":1} -->\n'.repeat(20_000);
    expect(parseMarkers(many)).toHaveLength(20_000);
  });

  it('handles null, empty and non-string bodies', () => {
    expect(parseMarkers(null)).toEqual([]);
    expect(parseMarkers(undefined)).toEqual([]);
    expect(parseMarkers('')).toEqual([]);
    expect(parseMarkers(42 as unknown as string)).toEqual([]);
  });

  it('replaces an existing marker or appends one', () => {
    const appended = setMarker('Body text', 'state', { n: 1 });
    expect(appended).toBe(`Body text\n\n${renderMarker('state', { n: 1 })}\n`);
    const replaced = setMarker(appended, 'state', { n: 2 });
    expect(parseMarkers(replaced, 'state').map((m) => m.data)).toEqual([{ n: 2 }]);
    expect(stripMarkers(replaced).trim()).toBe('Body text');
  });
});
