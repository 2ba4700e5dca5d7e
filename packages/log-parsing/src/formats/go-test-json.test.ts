import { describe, expect, it } from 'vitest';
import { GoTestJsonParser } from './go-test-json';
import { byName, failed, parseText, readFixture } from './test-lines';

const parse = (text: string) => parseText(new GoTestJsonParser({ path: 'go-test.jsonl' }), text);
const PKG = 'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg';

describe('GoTestJsonParser', () => {
  const report = parse(readFixture('go-test.jsonl'));

  it('reads test results with their output, dropping the framing lines', () => {
    expect(byName(report, 'TestOffsetParser/negative_offset')).toMatchObject({
      suite: `${PKG}/parser`,
      state: 'failed',
      failureType: 'failed',
      message: 'parser_test.go:57: offset = 98, want -98',
      location: { file: 'parser_test.go', line: 57 },
      durationSec: 0,
    });
    expect(byName(report, 'TestNeedsHardware')).toMatchObject({
      state: 'skipped',
      message: 'parser_test.go:80: needs an E810 NIC',
    });
    expect(byName(report, 'TestRoleParser')).toMatchObject({ state: 'passed', message: null });
  });

  it('joins output that test2json split at 1 KiB back into one line', () => {
    const message = byName(report, 'TestOffsetParser/huge_dump').message!;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^parser_test\.go:70: unexpected summary: x{1500} END$/);
  });

  it('reads a panic inside a test and a timeout that killed the package', () => {
    expect(byName(report, 'TestApplyNodePtpProfile')).toMatchObject({
      failureType: 'panicked',
      location: {
        file: '/home/runner/work/linuxptp-daemon/linuxptp-daemon/pkg/daemon/profile/daemon.go',
        line: 210,
      },
    });
    expect(byName(report, 'TestEventSocketReconnect')).toMatchObject({
      state: 'failed',
      failureType: 'timedout',
      suite: `${PKG}/event`,
      location: { file: 'event_test.go', line: 77 },
    });
    expect(byName(report, 'TestEventSocketReconnect').message).toMatch(/panic: test timed out after 10m0s/);
  });

  it('reports build-output/build-fail once, not again for the FailedBuild package event', () => {
    expect(report.jobFailures).toEqual([
      {
        kind: 'build',
        line: 3,
        message: `# ${PKG}/dpll [${PKG}/dpll.test]\npkg/dpll/dpll_test.go:31:9: undefined: NewDpllConfig`,
      },
    ]);
    expect(failed(report)).toHaveLength(5);
  });

  it('passes non-JSON lines (compiler errors on stderr) to the text parser and reports invalid events', () => {
    const r = parse(
      [
        '# m/pkg',
        './x.go:3:11: undefined: y',
        'FAIL\tm/pkg [build failed]',
        '{"Action":"run","Package":"m/a","Test":"TestA"',
        '{"Action":"fail","Package":"m/a"}',
      ].join('\n'),
    );
    expect(r.jobFailures.map((f) => [f.kind, f.line])).toEqual([
      ['job', 5],
      ['build', 1],
    ]);
    expect(r.errors).toEqual([
      {
        path: 'go-test.jsonl',
        line: 4,
        message: 'go-test.jsonl line 4: not a valid test2json event (invalid JSON)',
      },
    ]);
  });
});
