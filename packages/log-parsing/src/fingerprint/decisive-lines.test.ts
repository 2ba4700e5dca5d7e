import { describe, expect, it } from 'vitest';
import { decisiveLines } from './decisive-lines';

describe('decisiveLines', () => {
  it('keeps the Gomega description, matcher and value heads; drops the timeout wrapper', () => {
    const msg =
      'Timed out after 300.001s.\nExpected PMC clock class 6 for /var/run/ptp4l.1.config\nExpected\n    <int>: 248\nto equal\n    <int>: 6';
    expect(decisiveLines(msg)).toEqual([
      'Expected PMC clock class <n> for /var/run/ptp4l.<n>.config',
      'Expected',
      '<int>: <n>',
      'to equal',
      '<int>: <n>',
    ]);
  });

  it('takes an error value from the line after its type and drops the struct dump', () => {
    const msg = [
      'Timed out after 203.289s.',
      'Timeout to get foreign clock ID for ptpconfig temp',
      'Expected',
      '    <*errors.errorString | 0xc0001126b0>: ',
      '    parentPortIdentity.clockIdentity not found in pmc output for /var/run/ptp4l.0.config: bad command: GET',
      '    bad command: PARENT_DATA_SET',
      '    ',
      '    {',
      '        s: "parentPortIdentity.clockIdentity not found in pmc output",',
      '    }',
      'to be nil',
    ].join('\n');
    expect(decisiveLines(msg)).toEqual([
      'Timeout to get foreign clock ID for ptpconfig temp',
      'Expected',
      '<*errors.errorString>: parentPortIdentity.clockIdentity not found in pmc output for /var/run/ptp4l.<n>.config: bad command: GET',
      'to be nil',
    ]);
  });

  it('handles Unexpected error … occurred and nested Go structs', () => {
    const msg = [
      'getCurrentState did not return SyncStateChange',
      'Unexpected error:',
      '    <*errors.StatusError | 0xc000706780>: ',
      '    ptpoperatorconfigs.ptp.openshift.io "default" not found',
      '    {',
      '        ErrStatus: {',
      '            TypeMeta: {Kind: "", APIVersion: ""},',
      '        },',
      '    }',
      'occurred',
    ].join('\n');
    expect(decisiveLines(msg)).toEqual([
      'getCurrentState did not return SyncStateChange',
      'Unexpected error:',
      '<*errors.StatusError>: ptpoperatorconfigs.ptp.openshift.io "default" not found',
      'occurred',
    ]);
  });

  it('drops Ginkgo locations, timelines, separators and colour codes', () => {
    const msg = [
      'mance/serial/ptp.go:313 \x1b[38;5;243m@ 07/10/26 06:09:09.534\x1b[0m',
      '  \x1b[38;5;243m<< Timeline\x1b[0m',
      '',
      '  \x1b[38;5;9m[FAILED] no ptp-operator pods found',
      '  In \x1b[1m[It]\x1b[0m at: /tmp/cnf-QMXe2/test/conformance/serial/ptp.go:313 @ 07/10/26 06:09:09.534',
      '\x1b[38;5;243m------------------------------\x1b[0m',
    ].join('\n');
    expect(decisiveLines(msg)).toEqual(['no ptp-operator pods found']);
  });

  it('keeps a short plain message whole', () => {
    expect(decisiveLines('OS Clock was never LOCKED and test timed out')).toEqual([
      'OS Clock was never LOCKED and test timed out',
    ]);
    expect(decisiveLines('result: error')).toEqual(['result: error']);
    expect(decisiveLines('')).toEqual([]);
  });

  it('keeps the last distinct error lines of a long log tail, ignoring shell trace lines', () => {
    const lines = [
      'Running must-gather...',
      '+ mkdir -p /logs/artifacts/must-gather',
      ...Array.from(
        { length: 6 },
        (_, i) =>
          `E0604 08:58:1${i}.949179      49 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Unauthorized"`,
      ),
      'error: creating temp namespace: Unauthorized',
      '{"component":"entrypoint","error":"wrapped process failed: exit status 1","level":"error"}',
      'error: failed to execute wrapped command: exit status 1',
    ];
    expect(decisiveLines(lines.join('\n'))).toEqual([
      'error: creating temp namespace: Unauthorized',
      '{"component":"entrypoint","error":"wrapped process failed: exit status <n>","level":"error"}',
      'error: failed to execute wrapped command: exit status <n>',
    ]);
  });

  it('cuts each line after normalising, so the cut never lands inside a varying name', () => {
    const long = (pod: string) => `${'x '.repeat(95)}linuxptp-daemon-${pod} tail`;
    expect(decisiveLines(long('bxx22'))).toEqual(decisiveLines(long('q6n7s')));
    expect(decisiveLines(long('bxx22'))[0]!.length).toBe(200);
  });

  it('drops Go stack traces', () => {
    const msg = [
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1198e56]',
      '',
      'goroutine 122 [running]:',
      'github.com/openshift/linuxptp-daemon/pkg/daemon.(*Daemon).addProfileConfig(0xc0002f8080)',
      '\t/go/src/github.com/openshift/linuxptp-daemon/pkg/daemon/daemon.go:210 +0x146',
    ].join('\n');
    expect(decisiveLines(msg)).toEqual([
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=<hex> addr=<hex> pc=<hex>]',
    ]);
  });
});
