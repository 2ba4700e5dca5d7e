import { describe, expect, it } from 'vitest';
import { GoTestTextParser } from './go-test-text';
import { byName, failed, parseText, readFixture } from './test-lines';

const parse = (text: string) => parseText(new GoTestTextParser({ path: 'go-test.txt' }), text);
const PKG = 'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg';

describe('GoTestTextParser — go test -v', () => {
  const report = parse(readFixture('go-test-verbose.txt'));

  it('attaches t.Error lines to the subtest that printed them and names subtests TestX/sub', () => {
    expect(byName(report, 'TestParseConfig/missing_interface')).toMatchObject({
      suite: `${PKG}/daemon`,
      state: 'failed',
      failureType: 'failed',
      message:
        'config_test.go:42: unexpected error: interface "ens1f0" not found\n    in profile "test-slave1"',
      location: { file: 'config_test.go', line: 42 },
      durationSec: 0,
      line: 15,
    });
    expect(byName(report, 'TestParseConfig')).toMatchObject({
      state: 'failed',
      message: null,
      durationSec: 0.01,
    });
    expect(byName(report, 'TestParseConfig/empty')).toMatchObject({
      state: 'skipped',
      message: 'config_test.go:50: no config given',
    });
    expect(byName(report, 'TestParseConfig/valid').state).toBe('passed');
  });

  it('attaches a panic and its trace to the test that panicked', () => {
    const test = byName(report, 'TestApplyNodePtpProfile');
    expect(test.failureType).toBe('panicked');
    expect(test.suite).toBe(`${PKG}/daemon/profile`);
    expect(test.message).toMatch(
      /^panic: runtime error: invalid memory address or nil pointer dereference \[recovered\]/,
    );
    expect(test.message).toMatch(/goroutine 23 \[running\]:/);
    expect(test.location).toEqual({
      file: '/home/runner/work/linuxptp-daemon/linuxptp-daemon/pkg/daemon/profile/daemon.go',
      line: 210,
    });
  });

  it('turns a test timeout panic into a timedout failure of the running test', () => {
    const test = byName(report, 'TestEventSocketReconnect');
    expect(test).toMatchObject({ state: 'failed', failureType: 'timedout', suite: `${PKG}/event` });
    expect(test.message).toMatch(
      /^event_test\.go:77: waiting for the event socket\npanic: test timed out after 10m0s/,
    );
    expect(test.location).toEqual({ file: 'event_test.go', line: 77 });
  });

  it('reports compiler errors and [build failed] as one build failure', () => {
    expect(report.jobFailures).toEqual([
      {
        kind: 'build',
        line: 1,
        message: [
          `# ${PKG}/dpll [${PKG}/dpll.test]`,
          'pkg/dpll/dpll_test.go:31:9: undefined: NewDpllConfig',
          'pkg/dpll/dpll_test.go:44:2: too many arguments in call to d.Start',
          '\thave (context.Context, int)',
          '\twant (context.Context)',
          `FAIL\t${PKG}/dpll [build failed]`,
        ].join('\n'),
      },
    ]);
    expect(failed(report).map((t) => t.name)).toEqual([
      'TestParseConfig',
      'TestParseConfig/missing_interface',
      'TestApplyNodePtpProfile',
      'TestEventSocketReconnect',
    ]);
  });
});

describe('GoTestTextParser — go test without -v', () => {
  it('reads output printed after the --- FAIL line, nested by indentation', () => {
    const r = parse(readFixture('go-test-plain.txt'));
    expect(failed(r).map((t) => [t.name, t.message, t.location?.line])).toEqual([
      ['TestOffsetParser', null, undefined],
      ['TestOffsetParser/negative_offset', 'parser_test.go:57: offset = 98, want -98', 57],
      [
        'TestOffsetParser/huge_offset',
        'parser_test.go:57: offset = 0, want 99999999999\nparser_test.go:61: state = s2, want s0',
        57,
      ],
      ['TestRoleParser', 'parser_test.go:102: role mismatch (expected=SLAVE, got=LISTENING)', 102],
    ]);
    expect(new Set(r.tests.map((t) => t.suite))).toEqual(new Set([`${PKG}/parser`]));
  });

  it('reports a build failure without compiler output and a panic outside any test', () => {
    const r = parse(
      [
        'FAIL\tm/pkg [setup failed]',
        'panic: init failed',
        '',
        'goroutine 1 [running]:',
        'exit status 2',
        'FAIL\tm/other\t0.01s',
      ].join('\n'),
    );
    expect(r.jobFailures).toEqual([
      { kind: 'build', message: 'FAIL\tm/pkg [setup failed]', line: 1 },
      {
        kind: 'job',
        message: 'panic: init failed\n\ngoroutine 1 [running]:\nexit status 2\n(in package m/other)',
        line: 2,
      },
    ]);
  });

  it('does not take a shell comment for a build error', () => {
    const r = parse(['# install dependencies', 'go mod download', 'ok  \tm/pkg\t0.1s'].join('\n'));
    expect(r.jobFailures).toEqual([]);
  });
});
