import { describe, expect, it } from 'vitest';
import { looksLikeGinkgoFailure, parseGinkgoFailureText } from './ginkgo-failure-text';

describe('parseGinkgoFailureText', () => {
  it('splits a JUnit failure body into message and In [Node] at: location', () => {
    const body =
      '[FAILED] Could not create a ptp config, err=no solution found for BC configuration in Local GM mode\n' +
      'In [BeforeEach] at: /tmp/cnf-pwDao/ptp-operator-conformance-test/test/conformance/serial/ptp.go:367 @ 07/30/26 10:03:04.268\n';
    expect(parseGinkgoFailureText(body)).toEqual({
      message: 'Could not create a ptp config, err=no solution found for BC configuration in Local GM mode',
      location: {
        file: '/tmp/cnf-pwDao/ptp-operator-conformance-test/test/conformance/serial/ptp.go',
        line: 367,
      },
      nodeType: 'BeforeEach',
      failureType: 'failed',
    });
  });

  it('takes the first failure of a text quoting several (real excerpt)', () => {
    const text = [
      '[FAILED] Unexpected error:',
      'ptpoperatorconfigs.ptp.openshift.io "default" not found',
      'In [It] at: ptp.go:136 @ 07/06/26 15:41:30.455',
      '[FAILED] no ptp-operator pods found',
      'In [It] at: ptp.go:175 @ 07/06/26 15:41:30.489',
    ].join('\n');
    const parsed = parseGinkgoFailureText(text);
    expect(parsed.message).toBe('Unexpected error:\nptpoperatorconfigs.ptp.openshift.io "default" not found');
    expect(parsed.location).toEqual({ file: 'ptp.go', line: 136 });
  });

  it('falls back to the last file:line line (old Ginkgo v2 JUnit: location + stack)', () => {
    const parsed = parseGinkgoFailureText(
      '/go/src/x/ptp_test.go:88\ngithub.com/x.glob..func1()\n\t/go/src/x/ptp_test.go:90 +0x1d\n',
    );
    expect(parsed.location).toEqual({ file: '/go/src/x/ptp_test.go', line: 90 });
    expect(parsed.nodeType).toBeNull();
  });

  it('recognises Ginkgo bodies and not arbitrary text', () => {
    expect(looksLikeGinkgoFailure('[TIMEDOUT] A suite timeout occurred')).toBe(true);
    expect(looksLikeGinkgoFailure('java.lang.NullPointerException\n\tat x(X.java:1)')).toBe(false);
  });
});
