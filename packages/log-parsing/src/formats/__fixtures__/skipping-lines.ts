import fc from 'fast-check';

/** Runner timestamps of every shape `githubTimestampLength` must tell apart (and some it rejects). */
const timestamps = [
  '',
  '2026-07-08T00:00:00.0240001Z ',
  '2026-07-08T00:00:00.024Z ',
  '2026-07-08T00:00:00Z ',
  '2026-07-08T00:00:00Z 2345678Z ',
  // 'Z ' at 27 but a 21-character timestamp: the message is '# pkgxZ …', a go build header.
  '2026-07-08T00:00:00Z # pkgxZ ',
  '2026-07-08T00:00:00.02x0001Z ',
  '\ufeff2026-07-08T00:00:00.0240001Z ',
  'XXXX-XX-XXTXX:XX:XX.XXXXXXXZ ',
];

/** Messages from every framing the Ginkgo, go test and GitHub parsers react to, and plain ones. */
const messages = [
  'ptp4l[1783468800.024]: [ptp4l.0.config:6] master offset 33 s2 freq -651',
  'I0708 00:18:12.345678  2731 daemon.go:118] ens2f0 port state SLAVE',
  '  STEP: Checking metrics for ens2f0 @ 07/08/26 00:12:10.10',
  '  [FAILED] in [It] - /tmp/ptp_test.go:120 @ 07/08/26 00:12:10.10',
  '  Expected <bool>: false to be true',
  '  /go/src/ptp/test/ptp_test.go:120',
  '• [FAILED] [91.612 seconds]',
  // Bullets: passed specs of a verbose run (ignored), and every header form (not).
  '• [91.612 seconds] [It] PTP e2e tests should sync [Serial]',
  '•\x1b[0m [12.3 seconds] [It] coloured after the bullet',
  '•\x1b[0m [FAILED] [1.0 seconds]',
  '•! [PANICKED] [1.0 seconds]',
  '•! [INTERRUPTED] [1.0 seconds]',
  '• [TIMEDOUT] [1.0 seconds]',
  '• [ABORTED] [1.0 seconds]',
  '• Failure [1.005 seconds]',
  '• Failure in Spec Setup (BeforeEach) [0.5 seconds]',
  '•! Panic [1.0 seconds]',
  '•... Timeout [600.0 seconds]',
  '•',
  '• ',
  '•!',
  '• [',
  '•...',
  '↺ [FLAKEY TEST - TOOK 2 ATTEMPTS TO PASS] [3.0 seconds]',
  '[SynchronizedBeforeSuite] [FAILED] [1.0 seconds]',
  '[FAIL] PTP e2e tests [It] should sync',
  '------------------------------',
  'Summarizing 1 Failure:',
  '  [FAIL] PTP e2e tests [It] should sync',
  'Ran 3 of 10 Specs in 120.0 seconds',
  'FAIL! -- 2 Passed | 1 Failed | 0 Pending | 7 Skipped',
  'SUCCESS! -- 3 Passed | 0 Failed',
  'Running Suite: PTP e2e - /go/src/ptp',
  '▶ START spec one',
  '■ DONE spec one FAILED',
  '=== RUN   TestPtp',
  '=== RUN   TestPtp/sub',
  '--- FAIL: TestPtp (1.00s)',
  '    --- FAIL: TestPtp/sub (0.50s)',
  '    ptp_test.go:12: offset too big',
  '--- PASS: TestOther (0.00s)',
  'panic: runtime error: invalid memory address or nil pointer dereference',
  'panic: test timed out after 10m0s',
  'goroutine 7 [running]:',
  '\tptp_test.go:40 +0x1d',
  'FAIL\tgithub.com/k8snetworkplumbingwg/ptp-operator/test\t12.3s',
  'FAIL\tgithub.com/x/y [build failed]',
  'ok  \tgithub.com/x/z\t0.1s',
  '?   \tgithub.com/x/w\t[no test files]',
  '# github.com/x/y',
  './y.go:3:2: undefined: foo',
  'FAIL',
  '##[group]Run make test',
  '##[endgroup]',
  '##[error]Process completed with exit code 1.',
  '##[error]The action has timed out.',
  '##[section]Starting: tests',
  '{"Time":"2026-07-08T00:00:00Z","Action":"fail","Test":"TestX"}',
  '{"not":"a test event"}',
  'pan',
  'o',
  'R',
  '',
  '   ',
  '\t',
];

/** Some lines carry colour codes (the skipping path never sees those: they are always pushed). */
const colours = ['\x1b[1m', '\x1b[38;5;9m', '\x1b[0m'];

const line = (ts: fc.Arbitrary<string>) =>
  fc
    .tuple(
      ts,
      fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...colours) }),
      fc.constantFrom(...messages),
      fc.constantFrom('', '', '', ' trailing', '\x1b[0m'),
    )
    .map(([t, colour, message, tail]) => `${t}${colour}${message}${tail}`);

/**
 * A log: most lines share one timestamp style, as a real log does (so the parsers' framings
 * line up and reach their deeper states), a few have another.
 */
export const logLines: fc.Arbitrary<string[]> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom('', timestamps[1]!) },
    { weight: 1, arbitrary: fc.constantFrom(...timestamps) },
  )
  .chain((usual) =>
    fc.array(
      line(fc.oneof({ weight: 8, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...timestamps) })),
      { maxLength: 150 },
    ),
  );
