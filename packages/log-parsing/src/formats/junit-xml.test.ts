import { describe, expect, it } from 'vitest';
import { JUnitXmlParser } from './junit-xml';
import { LIMITS } from './limits';
import { byName, failed, parseText, readFixture, toLines } from './test-lines';

const parse = (text: string, path = 'report.xml') => parseText(new JUnitXmlParser({ path }), text);
const SERIAL = '/tmp/cnf-ere32/ptp-operator-conformance-test/test/conformance/serial/ptp.go';

describe('JUnitXmlParser — Ginkgo reports from the PTP nightlies', () => {
  it('reads a complete report: names as written, message proper from the Ginkgo block, location from In [It] at:', () => {
    const r = parse(readFixture('junit-ginkgo-oc-serial-complete.xml'));
    expect(r.partial).toBe(false);
    expect(r.errors).toEqual([]);
    expect(failed(r).map((t) => [t.name, t.location])).toEqual([
      [
        '[It] [oc-serial] PTP configuration verifications Should check that all nodes are running at least one replica of linuxptp-daemon [Serial]',
        { file: SERIAL, line: 136 },
      ],
      [
        '[It] [oc-serial] PTP configuration verifications Should check that operator is deployed [Serial]',
        { file: SERIAL, line: 159 },
      ],
      [
        '[It] [oc-serial] PTP configuration verifications Should re-acquire lease within 5 minutes after operator pod deletion [Serial]',
        { file: SERIAL, line: 175 },
      ],
    ]);
    const lease = failed(r)[2]!;
    expect(lease).toMatchObject({
      suite: 'PTP e2e integration tests',
      failureType: 'failed',
      message: 'no ptp-operator pods found\nExpected\n    <int>: 0\nto be >\n    <int>: 0',
      durationSec: 0.031074702,
      kind: 'test',
      line: 47,
    });
    expect(lease.output).toMatch(/< Exit \[ReportAfterEach\] TOP-LEVEL/);
    expect(byName(r, '[BeforeSuite]')).toMatchObject({ state: 'passed', kind: 'setup' });
    expect(r.tests.filter((t) => t.state === 'skipped')).toHaveLength(1);
    // Attribute counts are kept as the framework's summary only.
    expect(r.summary).toEqual({ total: 109, failed: 5, skipped: 41 });
  });

  it('keeps what was parsed from a truncated report and names file and line', () => {
    const text = readFixture('junit-ginkgo-oc-serial-truncated.xml');
    const r = parse(text, 'test_conformance_serial_test_results_oc.xml');
    expect(r.partial).toBe(true);
    expect(failed(r)).toHaveLength(3);
    expect(r.errors).toEqual([
      {
        path: 'test_conformance_serial_test_results_oc.xml',
        line: toLines(text).length,
        message: `test_conformance_serial_test_results_oc.xml line ${toLines(text).length}: truncated or malformed XML: unclosed tag: system-err`,
      },
    ]);
  });

  it('keeps a failure whose testcase was cut after its <failure> start tag', () => {
    const r = parse(readFixture('junit-ginkgo-bc-parallel-truncated.xml'));
    expect(r.partial).toBe(true);
    const sbs = failed(r);
    expect(sbs).toHaveLength(8);
    expect(new Set(sbs.map((t) => t.name))).toEqual(new Set(['[SynchronizedBeforeSuite]']));
    expect(sbs.every((t) => t.kind === 'setup')).toBe(true);
    expect(sbs[0]!.message).toMatch(
      /^Timed out after 300\.001s\.\nlinuxptp-daemon DaemonSet: expected 3 ready pods, found 0 pods total/,
    );
    // Colour codes whose ESC Go turned into U+FFFD are gone from the message.
    expect(sbs[1]!.message).toBe(
      'SynchronizedBeforeSuite failed on Ginkgo parallel process #1\n  The first SynchronizedBeforeSuite function running on Ginkgo parallel process\n  #1 failed.  This suite will now abort.',
    );
  });
});

describe('JUnitXmlParser — other producers', () => {
  it('reads Surefire flaky and rerun elements, errors, skips, nested suites and a testcase without a name', () => {
    const r = parse(readFixture('junit-surefire.xml'));
    expect(r.partial).toBe(false);
    expect(byName(r, 'publishesClockClassChange')).toMatchObject({ state: 'passed', attempts: 2 });
    expect(r.flaky).toEqual([{ test: 'publishesClockClassChange', attempts: 2 }]);
    expect(byName(r, 'subscribesToSyncState')).toMatchObject({
      state: 'failed',
      failureType: 'failed',
      attempts: 2,
      message: 'Subscription was not created within 30s',
      output: 'connecting to http://localhost:9043/api/ocloudNotifications/v2 \nretrying …',
    });
    expect(byName(r, 'returnsCurrentState')).toMatchObject({
      failureType: 'error',
      suite: 'com.redhat.cne.inner.RestApiTest',
      message: 'java.lang.NullPointerException',
    });
    expect(byName(r, 'healthCheck')).toMatchObject({ state: 'skipped', message: 'needs a running sidecar' });
    expect(byName(r, '(unnamed test case at line 29)')).toMatchObject({
      state: 'failed',
      message: 'assertion failed without a name',
    });
    expect(r.summary).toEqual({ total: 5, failed: 2, skipped: 1 });
  });

  it('reads a bare <testsuite> root with file/line attributes and decodes entities', () => {
    const r = parse(readFixture('junit-pytest-bare-testsuite.xml'));
    expect(failed(r)).toEqual([
      expect.objectContaining({
        name: 'test_renders_failures',
        suite: 'tests.test_j2html',
        message: "AssertionError: assert 'FAILED' in '<html></html>'",
        location: { file: 'tests/test_j2html.py', line: 17 },
      }),
    ]);
    expect(r.summary).toEqual({ total: 2, failed: 1, skipped: 0 });
  });

  it('uses the Ginkgo status attribute and recomputes nothing from count attributes', () => {
    const r = parse(
      '<testsuite name="s" tests="99" failures="0"><testcase name="[It] a" classname="s" status="timedout" time="1"><failure message="A suite timeout occurred" type="timedout">[TIMEDOUT] A suite timeout occurred\nIn [It] at: /x/a_test.go:12 @ 01/02/06 15:04:05.999</failure></testcase><testcase name="[It] b" status="pending"><skipped message="pending"/></testcase></testsuite>',
    );
    expect(r.tests.map((t) => [t.name, t.state, t.failureType, t.location?.line])).toEqual([
      ['[It] a', 'failed', 'timedout', 12],
      ['[It] b', 'pending', undefined, undefined],
    ]);
    expect(r.summary).toEqual({ total: 99, failed: 0 });
  });
});

describe('JUnitXmlParser — hostile input', () => {
  it('refuses a DTD with entities (billion laughs) before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
      ']>',
      '<testsuite><testcase name="&lol3;"><failure>boom</failure></testcase></testsuite>',
    ].join('\n');
    const r = parse(lol);
    expect(r.partial).toBe(true);
    expect(r.tests).toEqual([]);
    expect(r.errors).toEqual([
      {
        path: 'report.xml',
        line: 6,
        message: 'report.xml line 6: DOCTYPE declarations are not accepted (no DTDs or entity definitions)',
      },
    ]);
  });

  it('refuses an external entity (XXE)', () => {
    const r = parse(
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<testsuite><testcase name="&xxe;"/></testsuite>',
    );
    expect(r.partial).toBe(true);
    expect(r.tests).toEqual([]);
  });

  it('stops at the depth cap', () => {
    const depth = LIMITS.maxXmlDepth + 10;
    const r = parse(
      `<testsuites>${'<testsuite>'.repeat(depth)}<testcase name="deep"><failure/></testcase>${'</testsuite>'.repeat(depth)}</testsuites>`,
    );
    expect(r.partial).toBe(true);
    expect(r.errors[0]!.message).toMatch(/nested deeper than 64/);
  });

  it('stops at a start tag over the size cap (huge attribute), keeping earlier testcases', () => {
    const head =
      '<testsuite>\n<testcase name="before"><failure message="first"/></testcase>\n<testcase name="x" message="';
    const chunk = 'A'.repeat(64 * 1024);
    const lines = [head];
    for (let i = 0; i < LIMITS.maxXmlTagChars / chunk.length + 2; i++) lines.push(chunk);
    lines.push('"/></testsuite>');
    const r = parse(lines.join('\n'));
    expect(r.partial).toBe(true);
    expect(failed(r).map((t) => t.name)).toEqual(['before']);
    expect(r.errors[0]!.message).toMatch(/start tag longer than \d+ characters \(attribute too large\)/);
  });

  it('replaces characters XML forbids and goes on', () => {
    const r = parse(
      '<testsuite>\n<testcase name="ctl\x01\x1b[31mred"><failure message="bad\x07bell"/></testcase>\n</testsuite>',
    );
    expect(r.partial).toBe(false);
    expect(failed(r)[0]!.name).toBe('ctl\ufffd\ufffd[31mred');
    expect(failed(r)[0]!.message).toBe('bad\ufffdbell');
    expect(r.errors.map((e) => e.message)).toEqual([
      'report.xml line 2: characters not allowed in XML replaced with U+FFFD',
    ]);
  });

  it('reports mismatched tags, empty and non-XML input as partial with a line', () => {
    expect(parse('<testsuite><testcase name="a"></testsuite>').errors[0]!.message).toMatch(
      /^report\.xml line 1: truncated or malformed XML/,
    );
    const empty = parse('');
    expect(empty.partial).toBe(true);
    expect(empty.errors[0]!.line).toBe(1);
    expect(parse('not xml at all\nsecond line').partial).toBe(true);
  });

  it('keeps going past a line the reader cut, and says so', () => {
    const parser = new JUnitXmlParser({ path: 'cut.xml' });
    parser.push({
      no: 1,
      text: '<testsuite><testcase name="a"><system-out>AAAA …[nightshift: line cut, 5000000 more bytes]',
      truncated: true,
    });
    parser.push({ no: 2, text: '</system-out><failure message="m"/></testcase></testsuite>' });
    const r = parser.finish();
    expect(r.partial).toBe(false);
    expect(failed(r)[0]).toMatchObject({ name: 'a', message: 'm' });
    expect(r.errors[0]!.message).toBe(
      'cut.xml line 1: line cut by the reader (over its line cap, 1 MiB unless set); the XML after the cut is lost',
    );
  });
});
