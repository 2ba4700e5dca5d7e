import { describe, expect, it } from 'vitest';
import { GitHubActionsLogParser } from './github-actions-log';
import { failed, parseText, readFixture } from './test-lines';

const parse = (text: string) => parseText(new GitHubActionsLogParser({ path: 'job.log' }), text);

describe('GitHubActionsLogParser', () => {
  const report = parse(readFixture('github-actions-job.log'));

  it('finds failed tests printed inside the job: go test and Ginkgo (colours, timestamps and all)', () => {
    expect(failed(report).map((t) => [t.name, t.suite, t.location?.line])).toEqual([
      [
        '[It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
        'PTP e2e integration tests',
        412,
      ],
      ['TestRoleParser', 'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/parser', 102],
    ]);
    expect(failed(report)[0]!.message).toBe(
      'Timed out after 203.289s.\nTimeout to get foreign clock ID for ptpconfig test-slave1\nExpected\n    <bool>: false\nto be true',
    );
    expect(report.summary).toEqual({ ran: 2, total: 2, passed: 1, failed: 1, skipped: 0 });
  });

  it('drops the go test wrapper (TestTest) that only failed because the Ginkgo suite did', () => {
    expect(report.tests.some((t) => t.name === 'TestTest')).toBe(false);
  });

  it('records ##[error] entries with continuation lines and their step; timeouts as infra', () => {
    expect(report.jobFailures).toEqual([
      {
        kind: 'job',
        message: 'go mod tidy/vendor produced changes:\n go.mod | 2 +-\n go.sum | 4 ++--',
        line: 22,
        step: 'Run ./hack/check-go-mod-vendor.sh',
      },
      {
        kind: 'infra',
        message:
          "The action 'Run scripts/run-tests.sh --kind serial --mode oc' has timed out after 90 minutes.",
        line: 64,
        step: 'Run scripts/run-tests.sh --kind serial --mode oc',
      },
    ]);
    expect(report.errors).toEqual([]);
  });

  it('keeps "Process completed with exit code" only when nothing else explains the failure', () => {
    const r = parse(
      [
        '\ufeff2026-07-10T06:00:00.0000000Z ##[group]Run make lint',
        '2026-07-10T06:00:00.1000000Z make lint',
        '2026-07-10T06:00:00.2000000Z ##[endgroup]',
        '2026-07-10T06:00:09.0000000Z ##[error]Process completed with exit code 2.',
      ].join('\n'),
    );
    expect(r.jobFailures).toEqual([
      { kind: 'job', message: 'Process completed with exit code 2.', line: 4, step: 'Run make lint' },
    ]);
  });

  it('drops "Process completed with exit code" when a build failure in the job explains it', () => {
    const r = parse(
      [
        '2024-05-01T10:00:00.0000000Z ##[group]Run go test ./...',
        '2024-05-01T10:00:00.0000000Z ##[endgroup]',
        '2024-05-01T10:00:00.0000000Z # example.com/pkg [example.com/pkg.test]',
        '2024-05-01T10:00:00.0000000Z pkg/main.go:3:11: undefined: y',
        '2024-05-01T10:00:00.0000000Z FAIL\texample.com/pkg [build failed]',
        '2024-05-01T10:00:00.0000000Z FAIL',
        '2024-05-01T10:00:00.0000000Z ##[error]Process completed with exit code 1.',
      ].join('\n'),
    );
    expect(r.jobFailures.map((f) => f.kind)).toEqual(['build']);
  });

  it('reads cancellation and runner loss', () => {
    const r = parse(
      [
        '2026-07-10T06:00:00.0000000Z ##[error]The operation was canceled.',
        '2026-07-10T06:00:01.0000000Z ##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped.',
      ].join('\n'),
    );
    expect(r.jobFailures.map((f) => f.kind)).toEqual(['job', 'infra']);
  });
});
