import { describe, expect, it } from 'vitest';
import { GinkgoJsonParser } from './ginkgo-json';
import { byName, failed, parseText, readFixture } from './test-lines';

const parse = (text: string, maxChars?: number) =>
  parseText(new GinkgoJsonParser({ path: 'report.json', ...(maxChars ? { maxChars } : {}) }), text);

describe('GinkgoJsonParser', () => {
  const report = parse(readFixture('ginkgo-report.json'));

  it('names specs like the JUnit reporter ([LeafNodeType] texts [labels]) and reads failures', () => {
    expect(
      byName(
        report,
        '[It] [dualnicbc-serial] PTP e2e tests Running with event enabled Should recover clockClass via event API after cloud-event-proxy crash [Serial]',
      ),
    ).toMatchObject({
      state: 'failed',
      failureType: 'failed',
      suite: 'PTP e2e integration tests',
      message:
        'Timed out after 300.528s.\nExpected ptp4l clock class to eventually be 6 for GM\nExpected\n    <bool>: false\nto be true',
      location: {
        file: '/tmp/cnf-h67Qj/ptp-operator-conformance-test/test/conformance/serial/ptp.go',
        line: 3633,
      },
      durationSec: 300.528,
      output: 'INFO   [Jul  8 01:12:40.101][ptp.go: 3610] killing cloud-event-proxy\n',
    });
  });

  it('adds the forwarded panic to a panicked spec', () => {
    const test = byName(
      report,
      '[It] [dualnicbc-serial] PTP e2e tests PTP Outage recovery Should restart phc2sys with no socket errors after SIGTERM [Serial]',
    );
    expect(test.failureType).toBe('panicked');
    expect(test.message).toBe(
      'Test Panicked\nruntime error: invalid memory address or nil pointer dereference',
    );
  });

  it('marks suite setup nodes as setup, passed-after-retry specs as flaky, and counts states', () => {
    expect(byName(report, '[SynchronizedBeforeSuite]')).toMatchObject({ kind: 'setup', state: 'failed' });
    expect(byName(report, '[BeforeSuite]')).toMatchObject({ kind: 'setup', state: 'passed' });
    expect(report.flaky).toEqual([
      {
        test: '[It] [dualnicbc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
        attempts: 2,
      },
    ]);
    expect(byName(report, '[It] [dualnicbc-serial] PTP e2e tests Pending work [Serial]').state).toBe(
      'pending',
    );
    expect(failed(report)).toHaveLength(3);
    expect(report.summary).toEqual({ total: 13, ran: 4, passed: 2, failed: 2, skipped: 3, flaked: 1 });
    expect(report.partial).toBe(false);
  });

  it('reports a truncated report as partial with the file and the line of the syntax error', () => {
    const text = readFixture('ginkgo-report.json');
    const cut = text.slice(0, text.indexOf('"SpecReports"'));
    const r = parse(cut);
    expect(r.partial).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toBe('report.json');
    expect(r.errors[0]!.line).toBe(cut.split('\n').length);
    expect(r.errors[0]!.message).toMatch(/^report\.json line \d+: invalid Ginkgo JSON report/);
  });

  it('names the line of a syntax error in the middle of the document', () => {
    const r = parse('[\n  {"SuiteDescription": "x",\n   "SpecReports": [ }\n]');
    expect(r.errors[0]!.line).toBe(3);
  });

  it('refuses a report over the size cap without buffering the rest', () => {
    const r = parse(readFixture('ginkgo-report.json'), 1000);
    expect(r.partial).toBe(true);
    expect(r.tests).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/larger than 1000 characters/);
  });

  it('reports entries of an unexpected shape instead of crashing', () => {
    const r = parse(
      '[{"SuiteDescription":"s","SpecReports":[{"State":42},{"State":"failed","LeafNodeText":"x"}]}, 7]',
    );
    expect(r.partial).toBe(true);
    expect(r.errors.map((e) => e.message)).toEqual([
      'report.json: SpecReports[0] of suite "s" has an unexpected shape',
      'report.json: report #1 is not a Ginkgo suite report',
    ]);
    expect(failed(r).map((t) => t.name)).toEqual(['[It] x']);
  });
});
