import { describe, expect, it } from 'vitest';
import { failure, group } from './__fixtures__/groups';
import { renderTitle, TITLE_MAX } from './render-title';

describe('renderTitle', () => {
  it('is `[source] test: short failure`', () => {
    expect(renderTitle('nightly 5.0', group())).toBe(
      '[nightly 5.0] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]: Timed out after 300.001s.',
    );
  });

  it('prefers the rule mode as the short failure, and names a spread by its test count', () => {
    const primary = failure({ mode: 'ptp4l offset above threshold on <iface>' });
    const tests = Array.from({ length: 20 }, (_, i) => `test ${i}`);
    expect(renderTitle('e2e', group({ primary, tests }))).toBe(
      '[e2e] 20 tests: ptp4l offset above threshold on <iface>',
    );
  });

  it('names the job of a job-level failure', () => {
    const primary = failure({
      test: null,
      kind: 'build',
      message: 'error: cannot find package',
      evidence: [{ path: 'build (attempt 1)', line: 3, text: 'x' }],
    });
    expect(renderTitle('ci', group({ primary, tests: [] }))).toBe(
      '[ci] build (attempt 1) (build failure): cannot find package',
    );
  });

  it('stays within TITLE_MAX, keeping the specific end of long spec names and some of the failure', () => {
    const primary = failure({
      test: `${'Describe container '.repeat(20)}the specific case`,
      message: `${'word '.repeat(100)}`,
    });
    const title = renderTitle('a source with a rather long name indeed', group({ primary }));
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title).toContain('the specific case: ');
    expect(title).toMatch(/: word word .*…$/);
  });

  it('strips control characters, escapes and newlines', () => {
    const primary = failure({
      test: 'bad\u001b[31m name\u202e\nsecond line',
      message: '\n\n[FAILED] real\u200b reason',
    });
    const title = renderTitle('src', group({ primary }));
    expect(title).toBe('[src] bad name second line: real reason');
  });
});
