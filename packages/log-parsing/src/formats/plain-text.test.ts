import { describe, expect, it } from 'vitest';
import { PlainTextParser } from './plain-text';
import { failed, parseText, readFixture } from './test-lines';

describe('PlainTextParser', () => {
  it('finds Ginkgo failures that start long after the first lines (a Prow build-log.txt)', () => {
    const noise = Array.from({ length: 500 }, (_, i) => `+ oc get pods -n openshift-ptp # attempt ${i}`);
    const text = [...noise, readFixture('ginkgo-v2-synchronized-before-suite.txt')].join('\n');
    const r = parseText(new PlainTextParser({ path: 'build-log.txt' }), text);
    expect(r.format).toBe('plain');
    expect(failed(r).map((t) => [t.name, t.kind, t.line])).toEqual([
      ['[SynchronizedBeforeSuite]', 'setup', 508],
    ]);
  });

  it('finds nothing in text without test output', () => {
    const r = parseText(new PlainTextParser({ path: 'x.txt' }), '+ set -o errexit\nall good\n');
    expect(r).toEqual({ format: 'plain', tests: [], flaky: [], jobFailures: [], partial: false, errors: [] });
  });
});
