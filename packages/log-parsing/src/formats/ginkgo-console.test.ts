import { describe, expect, it } from 'vitest';
import { GinkgoConsoleParser } from './ginkgo-console';
import { LIMITS } from './limits';
import { byName, failed, parseText, readFixture } from './test-lines';

const parse = (text: string) => parseText(new GinkgoConsoleParser({ path: 'console.txt' }), text);
const SERIAL = '/tmp/cnf-h67Qj/ptp-operator-conformance-test/test/conformance/serial/ptp.go';

describe('GinkgoConsoleParser — Ginkgo v2', () => {
  const report = parse(readFixture('ginkgo-v2-console.txt'));

  it('reads a [FAILED] block: JUnit-style name with labels at the end, message proper, location, duration', () => {
    const test = byName(
      report,
      '[It] [dualnicbc-serial] PTP e2e tests Running with event enabled Should recover clockClass via event API after cloud-event-proxy crash [Serial]',
    );
    expect(test).toMatchObject({
      suite: 'PTP e2e integration tests',
      state: 'failed',
      failureType: 'failed',
      message:
        'Timed out after 300.528s.\nExpected ptp4l clock class to eventually be 6 for GM\nExpected\n    <bool>: false\nto be true',
      location: { file: SERIAL, line: 3633 },
      durationSec: 300.528,
      kind: 'test',
      line: 8,
    });
  });

  it('reads a [PANICKED] block in an AfterEach: panic value in the message, first non-runtime frame as location', () => {
    const test = byName(
      report,
      '[It] [dualnicbc-serial] PTP e2e tests PTP Outage recovery Should restart phc2sys with no socket errors after SIGTERM [Serial]',
    );
    expect(test.failureType).toBe('panicked');
    expect(test.message).toBe(
      'Test Panicked\nruntime error: invalid memory address or nil pointer dereference',
    );
    expect(test.location).toEqual({
      file: '/tmp/cnf-h67Qj/ptp-operator-conformance-test/test/pkg/ptptesthelper/ptptesthelper.go',
      line: 530,
    });
  });

  it('reports each failure once although the summary repeats it, and records the flaky spec', () => {
    expect(failed(report)).toHaveLength(2);
    expect(report.flaky).toEqual([
      {
        test: '[It] [dualnicbc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
        attempts: 2,
      },
    ]);
    expect(report.summary).toEqual({ ran: 4, total: 7, passed: 2, failed: 2, flaked: 1, skipped: 2 });
    expect(report.errors).toEqual([]);
    expect(report.partial).toBe(false);
  });

  it('reads a SynchronizedBeforeSuite failure as setup, keeping the message of the first block', () => {
    const r = parse(readFixture('ginkgo-v2-synchronized-before-suite.txt'));
    expect(failed(r)).toHaveLength(1);
    expect(failed(r)[0]).toMatchObject({
      name: '[SynchronizedBeforeSuite]',
      suite: 'PTP e2e tests : Parallel',
      kind: 'setup',
      location: {
        file: '/tmp/cnf-QMXe2/ptp-operator-conformance-test/test/conformance/parallel/parallel_suite_test.go',
        line: 71,
      },
    });
    expect(failed(r)[0]!.message).toMatch(
      /^Could not create a ptp config\nExpected\n {4}<\*errors\.errorString/,
    );
    expect(failed(r)[0]!.message).toMatch(/no T-BC solution found for TBC/);
  });

  it('adds a failure from the summary when its block is missing', () => {
    const text = [
      'Summarizing 1 Failure:',
      '  [TIMEDOUT] [tgm-serial] PTP e2e tests WPC GM [It] Testing WPC T-GM holdover through connection loss [Serial]',
      '  /tmp/ptp.go:3950',
      '',
      'Ran 1 of 1 Specs in 900.000 seconds',
    ].join('\n');
    const r = parse(text);
    expect(r.tests).toEqual([
      {
        name: '[It] [tgm-serial] PTP e2e tests WPC GM Testing WPC T-GM holdover through connection loss [Serial]',
        suite: null,
        state: 'failed',
        failureType: 'timedout',
        message: null,
        location: { file: '/tmp/ptp.go', line: 3950 },
        durationSec: null,
        kind: 'test',
        line: 2,
      },
    ]);
  });

  it('reads the ptp-operator headline rewrite (▶ START / ■ DONE) without delimiters', () => {
    const r = parse(readFixture('ginkgo-v2-headline-rewrite.txt'));
    expect(r.tests.map((t) => [t.name, t.state])).toEqual([
      ['Should check that all nodes are running at least one replica of linuxptp-daemon [Serial]', 'passed'],
      ['[It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]', 'failed'],
      ['Can provide a profile with higher priority [Serial]', 'failed'],
      ['Downstream slave can sync to BC master [Serial]', 'skipped'],
    ]);
    expect(
      byName(r, '[It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]').message,
    ).toBe(
      'Timed out after 203.289s.\nTimeout to get foreign clock ID for ptpconfig test-slave1\nExpected\n    <bool>: false\nto be true',
    );
  });

  it('caps a huge failure message and keeps memory per failure bounded', () => {
    const lines = [
      '------------------------------',
      '• [FAILED] [1.000 seconds]',
      'Huge [It] dump',
      '/x/a_test.go:1',
      '',
      '  [FAILED] start',
    ];
    for (let i = 0; i < 50_000; i++) lines.push(`  line ${i}`);
    lines.push('  In [It] at: /x/a_test.go:9 @ 01/02/06 15:04:05.999', '------------------------------');
    const [test] = failed(parse(lines.join('\n')));
    expect(test!.name).toBe('[It] Huge dump');
    expect(test!.location).toEqual({ file: '/x/a_test.go', line: 9 });
    expect(test!.message!.split('\n').length).toBeLessThanOrEqual(LIMITS.maxMessageLines + 1);
    expect(test!.message).toMatch(/message cut, \d+ more lines\]$/);
  });
});

describe('GinkgoConsoleParser — Ginkgo v1', () => {
  it('reads • Failure and •! Panic blocks and the [Fail]/[Panic!] summary', () => {
    const r = parse(readFixture('ginkgo-v1-console.txt'));
    expect(failed(r).map((t) => [t.name, t.failureType, t.location?.line])).toEqual([
      [
        'ptp PTP e2e tests PTP Interfaces discovery The interfaces support ptp can be discovered correctly',
        'failed',
        131,
      ],
      ['ptp PTP e2e tests Slave can sync to master', 'panicked', 150],
    ]);
    expect(failed(r)[0]!.message).toBe('Timed out after 180.000s.\nExpected\n    <bool>: false\nto be true');
    expect(failed(r)[1]!.message).toBe('Test Panicked\nruntime error: index out of range [1] with length 1');
    expect(r.summary).toEqual({ ran: 4, total: 4, passed: 2, failed: 2, skipped: 0 });
  });

  it('reads v1 failures in spec setup and v2 interrupted/aborted headers', () => {
    const r = parse(
      [
        '------------------------------',
        '• Failure in Spec Setup (BeforeEach) [0.512 seconds]',
        'ptp',
        '/go/src/x/ptp.go:41',
        '  discovers interfaces [It]',
        '  /go/src/x/ptp.go:113',
        '',
        '  no PTP capable interface found',
        '',
        '  /go/src/x/ptp.go:60',
        '------------------------------',
        '•! [INTERRUPTED] [30.000 seconds]',
        '[tgm-serial] PTP e2e tests [It] waits for GNSS',
        '/tmp/ptp.go:3900',
        '',
        '  [INTERRUPTED] Interrupted by User',
        '  In [It] at: /tmp/ptp.go:3911 @ 07/10/26 06:30:11.296',
        '------------------------------',
      ].join('\n'),
    );
    expect(r.tests.map((t) => [t.name, t.failureType, t.message, t.location?.line])).toEqual([
      ['ptp discovers interfaces', 'failed', 'no PTP capable interface found', 60],
      ['[It] [tgm-serial] PTP e2e tests waits for GNSS', 'interrupted', 'Interrupted by User', 3911],
    ]);
  });

  it('reads a v1 BeforeSuite failure as setup', () => {
    const r = parse(readFixture('ginkgo-v1-before-suite.txt'));
    expect(failed(r)).toHaveLength(1);
    expect(failed(r)[0]).toMatchObject({
      name: 'BeforeSuite',
      kind: 'setup',
      suite: 'cloud native event e2e integration tests',
      location: {
        file: '/go/src/github.com/redhat-cne/cloud-event-proxy/test/cne/cne_suite_test.go',
        line: 35,
      },
    });
    expect(failed(r)[0]!.message).toMatch(/^Could not find the cloud event proxy namespace/);
  });

  it('reads the counts of a real v1 run summary (openshift/linuxptp-daemon#50)', () => {
    const r = parse(readFixture('ginkgo-v1-linuxptp-daemon-50.txt'));
    expect(r.summary).toEqual({ ran: 9, total: 138, passed: 7, failed: 2, skipped: 129 });
    expect(r.errors).toEqual([]);
  });

  it('finds no failure in a real v1 run that only shows slow passing specs (openshift/ptp-operator#43)', () => {
    const r = parse(readFixture('ginkgo-v1-ptp-operator-43.txt'));
    expect(r.tests).toEqual([]);
    expect(r.errors).toEqual([]);
  });
});
