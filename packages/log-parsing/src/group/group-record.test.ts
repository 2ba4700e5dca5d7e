import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../classify/builtin-rules';
import { createClassifier } from '../classify/classifier';
import { loadRulesFile } from '../classify/load-rules';
import { groupRecord } from './group-record';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));

/** One failure as two different runs print it: durations, addresses, names and times all vary. */
function followerNotLocked(run: {
  secs: string;
  ptr: string;
  node: string;
  ifs: [string, string];
  pod: string;
  ts: string;
}) {
  return [
    `Timed out after ${run.secs}s.`,
    'Timeout to detect metrics for ptpconfig test-slave1',
    'Expected',
    `    <*errors.errorString | ${run.ptr}>: `,
    `    no Follower port in expected LOCKED state for ptpconfig test-slave1 (node=${run.node}, label="ptp/clock-under-test", slaveIfs=[${run.ifs.join(' ')}]). Per-interface results:`,
    `      ${run.ifs[0]}: role mismatch (expected=SLAVE, got=LISTENING)`,
    `      ${run.ifs[1]}: clock state metric error: metric: openshift_ptp_clock_state, nodeName: ${run.node}, aIf: ${run.ifs[1]} not found`,
    '    {',
    `        s: "no Follower port in expected LOCKED state … pod ${run.pod} at ${run.ts}",`,
    '    }',
    'to be nil',
  ].join('\n');
}

describe('groupRecord', async () => {
  const ptp = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);
  const generic = createClassifier(builtinRules);
  const test = '[It] [dualfollower-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]';
  const runA = followerNotLocked({
    secs: '600.001',
    ptr: '0xc000a2eeb0',
    node: 'cnfdf31.telco5gran.eng.rdu2.redhat.com',
    ifs: ['ens2f3np3', 'ens2f0np0'],
    pod: 'linuxptp-daemon-bxx22',
    ts: '2026-07-08T00:12:01Z',
  });
  const runB = followerNotLocked({
    secs: '600.105',
    ptr: '0xc000d024e0',
    node: 'worker-2.lab2.example.com',
    ifs: ['enp175s0fx', 'eno1'],
    pod: 'linuxptp-daemon-q6n7s',
    ts: '2026-08-03T06:40:59.123Z',
  });

  it('same test + same failure mode ⇒ same fingerprint across runs (profile and built-in rules alone)', () => {
    for (const classifier of [ptp, generic]) {
      const a = groupRecord({ test, message: runA }, classifier);
      const b = groupRecord({ test, message: runB }, classifier);
      expect(b).toEqual(a);
      expect(a.fingerprint).toMatch(/^v1:[0-9a-f]{16}$/);
      expect(a.signature).toMatch(/^v1:[0-9a-f]{16}$/);
    }
    expect(groupRecord({ test, message: runA }, ptp).category).toBe('config');
  });

  it('same mode in another test ⇒ same signature, different fingerprint', () => {
    const a = groupRecord({ test, message: runA }, ptp);
    const other = groupRecord(
      {
        test: test.replace('Slave can sync to master', 'Can provide a profile with higher priority'),
        message: runB,
      },
      ptp,
    );
    expect(other.signature).toBe(a.signature);
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });

  it('different failure mode in the same test ⇒ different signature and fingerprint', () => {
    const a = groupRecord({ test, message: runA }, ptp);
    const modes = [
      runA.replace('no Follower port in expected LOCKED state', 'ptpConfig is nil'),
      'Timed out after 300.528s.\nExpected ptp4l clock class to eventually be 6 for GM\nExpected\n    <bool>: false\nto be true',
      'Timed out after 300.528s.\nExpected ptp4l clock class to eventually be 7 for GM\nExpected\n    <bool>: false\nto be true',
      'OS Clock was never LOCKED and test timed out',
      'result: error',
      '',
    ];
    const seen = new Set([a.fingerprint]);
    for (const message of modes) {
      const g = groupRecord({ test, message }, ptp);
      expect(seen.has(g.fingerprint), message.slice(0, 60)).toBe(false);
      seen.add(g.fingerprint);
    }
  });

  it('groups the two shapes of one Gomega assertion (Eventually vs Expect) by the rule mode', () => {
    const eventually =
      'Timed out after 180.000s.\nExpected phc2sys process status to be 1 for GM\nExpected\n    <string>: 0\nto equal\n    <string>: 1';
    const expectOnce = 'Expected phc2sys to be  1 for GM\nExpected\n    <bool>: false\nto be true';
    expect(groupRecord({ test, message: eventually }, ptp).signature).toBe(
      groupRecord({ test, message: expectOnce }, ptp).signature,
    );
  });

  it('gives records without a message a stable key, category unknown', () => {
    const a = groupRecord({ test, message: null }, ptp);
    expect(groupRecord({ test }, ptp)).toEqual(a);
    expect(a.category).toBe('unknown');
    expect(groupRecord({ test: 'other', message: null }, ptp).signature).toBe(a.signature);
  });
});
