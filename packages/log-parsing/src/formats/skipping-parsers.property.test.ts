import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../ansi';
import { logLines } from './__fixtures__/skipping-lines';
import { createParser, isSkippingLineParser } from './create-parser';

/**
 * The contract analyze relies on to skip lines (`SkippingLineParser`): pushing every line and
 * skipping the lines `ignores` (escape-free lines) or `ignoresEscaped` (the others) accepts give
 * the same report. The lines are drawn from fragments of every framing the parsers react to
 * (Ginkgo blocks and summaries, go test results, panics, build errors, `##[error]` entries, runner
 * timestamps of every shape), some coloured, so that the parsers pass through all their states.
 */
const FORMATS = ['github-actions-log', 'plain'] as const;

describe.each(FORMATS)('%s: skipping ignored lines changes nothing', (format) => {
  it('gives the same report as pushing every line', () => {
    fc.assert(
      fc.property(logLines, (texts) => {
        const all = createParser(format, { path: 'x.log' });
        const skipping = createParser(format, { path: 'x.log' });
        if (!isSkippingLineParser(skipping)) throw new Error(`${format} does not skip lines`);
        texts.forEach((text, i) => {
          const line = { no: i + 1, text };
          all.push(line);
          const escaped = /[\x1b\x9b\ufffd]/.test(text);
          if (escaped ? skipping.ignoresEscaped(text, stripAnsi(text)) : skipping.ignores(text)) {
            skipping.skip(line.no);
          } else skipping.push(line);
        });
        expect(skipping.finish()).toEqual(all.finish());
      }),
      { numRuns: 3000 },
    );
  });

  it('skips the ordinary lines of a long log', () => {
    const parser = createParser(format, { path: 'x.log' });
    if (!isSkippingLineParser(parser)) throw new Error(`${format} does not skip lines`);
    const ts = format === 'github-actions-log' ? '2026-07-08T00:00:00.0240001Z ' : '';
    expect(parser.ignores(`${ts}ptp4l[1783468800.024]: master offset 33 s2 freq -651`)).toBe(true);
    expect(parser.ignores(`${ts}I0708 00:18:12.345678  2731 daemon.go:118] port state SLAVE`)).toBe(true);
    expect(parser.ignores(`${ts}  STEP: Checking metrics for ens2f0`)).toBe(true);
    expect(parser.ignores(`${ts}panic: runtime error`)).toBe(false);
    expect(parser.ignores(`${ts}--- FAIL: TestX (0.00s)`)).toBe(false);
    expect(parser.ignores(`${ts}[FAILED] [12.3 seconds]`)).toBe(false);
  });

  it.runIf(format === 'github-actions-log')('measures timestamps it cannot rule out', () => {
    const parser = createParser(format, { path: 'x.log' });
    if (!isSkippingLineParser(parser)) throw new Error(`${format} does not skip lines`);
    // 'Z ' at 27 and 28, but the timestamp is 21 characters: the message is a go build header.
    expect(parser.ignores('2026-07-08T00:00:00Z # pkgxZ ptp4l[1]: offset 3')).toBe(false);
    // A 3-digit fraction: measured, and the message after it starts a go test.
    expect(parser.ignores('2026-07-08T00:00:00.024Z === RUN   TestPtp')).toBe(false);
    expect(parser.ignores('2026-07-08T00:00:00.024Z ptp4l[1]: offset 3')).toBe(true);
  });
});
