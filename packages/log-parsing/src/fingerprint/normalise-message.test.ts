import { describe, expect, it } from 'vitest';
import { normaliseMessage } from './normalise-message';

describe('normaliseMessage', () => {
  it.each([
    ['Timed out after 300.528s.', 'Timed out after <dur>.'],
    ['failed after 2h26m33s (failed containers: test)', 'failed after <dur> (failed containers: test)'],
    ['• [FAILED] [1.234 seconds]', '• [FAILED] [<dur>]'],
    ['--- FAIL: TestX (0.12s)', '--- FAIL: TestX (<dur>)'],
    ['timer expired after 2 seconds', 'timer expired after <dur>'],
    ['<*errors.errorString | 0xc000a2eeb0>:', '<*errors.errorString | <hex>>:'],
    ['stack: [0x14d0406, 0x14fd78f]', 'stack: [<hex>, <hex>]'],
    ['request 123e4567-e89b-12d3-a456-426614174000 failed', 'request <uuid> failed'],
    ['dial tcp 10.8.34.117:6443: connect: connection refused', 'dial tcp <ip>: connect: connection refused'],
    ['listen on [fe80::1ff:fe23:4567:890a]:8080', 'listen on <ip>'],
    ['peer 2001:db8::1 unreachable', 'peer <ip> unreachable'],
    ['at 2026-06-04T08:57:25Z', 'at <ts>'],
    ['"start": "2026-06-05 22:42:44.179159"', '"start": "<ts>"'],
    ['In [It] at: ptp.go:136 @ 07/06/26 15:41:30.455', 'In [It] at: ptp.go:<n> @ <ts>'],
    [
      'E0604 08:58:12.949179      49 memcache.go:265] "Unhandled Error"',
      '<glog> memcache.go:<n>] "Unhandled Error"',
    ],
    ['INFO   [Jul  6 15:23:35.293][ptp.go: 1103] phc2sys log', 'INFO [<ts>][ptp.go: <n>] phc2sys log'],
    ['openshift-ptp/linuxptp-daemon-bxx22 container=x', 'openshift-ptp/linuxptp-daemon-<id> container=x'],
    ['pod ptp-operator-7dff4cdf56-k44jf is stuck', 'pod ptp-operator-<id>-<id> is stuck'],
    ['the pod ci-op-h7f93jyz/e2e-telco5g-ptp-tests', 'the pod ci-op-<id>/e2e-telco5g-ptp-tests'],
    ['node=cnfdf31.telco5gran.eng.rdu2.redhat.com, label', 'node=<host>, label'],
    [
      'slaveIfs=[ens2f3np3 ens2f0np0 enp175s0fx eno1 eth0 ens7fx]',
      'slaveIfs=[<if> <if> <if> <if> <if> <if>]',
    ],
    ['/home/runner/work/ptp-operator/ptp-operator/test/ptp.go:12', '<src>/test/ptp.go:<n>'],
    [
      'at: /tmp/cnf-QMXe2/ptp-operator-conformance-test/test/x.go',
      'at: <tmp>/ptp-operator-conformance-test/test/x.go',
    ],
    ['goroutine 161 [running]:', 'goroutine <n> [running]:'],
    ['Expected\n    <int>: 248\nto equal\n    <int>: 6', 'Expected\n<int>: <n>\nto equal\n<int>: <n>'],
    ['\x1b[38;5;9m[FAILED]\x1b[0m boom', '[FAILED] boom'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseMessage(input)).toBe(expected);
  });

  it('leaves words and stable names alone', () => {
    for (const text of [
      'container=cloud-event-proxy',
      'daemonsets.apps "linuxptp-daemon" not found',
      'ptpoperatorconfigs.ptp.openshift.io "default" not found',
      'registry.ci.openshift.org/ocp/builder',
      'ptp4l and phc2sys and ts2phc',
      'test-slave1 test-bc-master1',
      'ensure the entire environment is enabled',
    ]) {
      expect(normaliseMessage(text)).toBe(text);
    }
    expect(normaliseMessage('/var/run/ptp4l.0.config')).toBe('/var/run/ptp4l.<n>.config');
  });

  it('keeps numbers when asked (modes: a clock class of 6 vs 7 matters)', () => {
    expect(
      normaliseMessage('clock class 6 on linuxptp-daemon-bxx22 after 300.5s', { keepNumbers: true }),
    ).toBe('clock class 6 on linuxptp-daemon-<id> after <dur>');
  });

  it('maps run-to-run variants of one message to the same text', () => {
    const a =
      'PTP event was not generated in the pod linuxptp-daemon-hm8td, err=could not find regex in log stream for openshift-ptp/linuxptp-daemon-hm8td container=cloud-event-proxy';
    const b =
      'PTP event was not generated in the pod linuxptp-daemon-q6n7s, err=could not find regex in log stream for openshift-ptp/linuxptp-daemon-q6n7s container=cloud-event-proxy';
    expect(normaliseMessage(a)).toBe(normaliseMessage(b));
  });
});

describe('normaliseMessage on hostile input', () => {
  // Linear expressions finish these in milliseconds; a quadratic one would not finish at all.
  it.each([
    ['dotted labels without a TLD', 'a1.'.repeat(200_000)],
    ['hyphenated labels', 'a1-'.repeat(200_000)],
    ['colon groups', 'ab:'.repeat(200_000)],
    ['an unpadded base64-like run', 'Ab0+/'.repeat(120_000)],
    ['a digit run ending in a letter', `${'7'.repeat(500_000)}x`],
  ])('stays linear on %s', (_name, text) => {
    expect(typeof normaliseMessage(text)).toBe('string');
  });

  it('survives lone surrogates and control characters', () => {
    expect(normaliseMessage('bad \ud800 pair \u0000 and \u001b[0m done 42')).toBe(
      'bad \ud800 pair \u0000 and done <n>',
    );
  });
});
