import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_VERSION,
  fingerprint,
  normaliseTestIdentity,
  signature,
  signatureBasis,
} from './signature';

const ID = /^v1:[0-9a-f]{16}$/;

describe('signature', () => {
  it('is versioned: v1 + 16 hex digits', () => {
    expect(FINGERPRINT_VERSION).toBe(1);
    expect(signature({ message: 'boom' })).toMatch(ID);
    expect(fingerprint({ test: 't', signature: signature({ message: 'boom' }) })).toMatch(ID);
  });

  it('keys on the mode when the rule has one: the message wording no longer matters', () => {
    const a = signature({
      message: 'Timed out after 180.000s.\nExpected phc2sys process status to be 1 for GM',
      rule: 'r1',
      mode: 'phc2sys process status not 1 for GM',
    });
    const b = signature({
      message: 'Expected phc2sys to be  1 for GM\nExpected\n <bool>: false\nto be true',
      rule: 'r2',
      mode: 'phc2sys process status not 1 for GM',
    });
    expect(a).toBe(b);
    expect(signature({ message: 'x', mode: 'phc2sys process status not 0 for GM' })).not.toBe(a);
  });

  it('masks varying names inside a mode but keeps its numbers', () => {
    expect(
      signatureBasis({ mode: 'port role LISTENING on ens2f3np3 for linuxptp-daemon-bxx22, class 6' }),
    ).toBe('mode\nport role LISTENING on <if> for linuxptp-daemon-<id>, class 6');
  });

  it('keys on rule + normalised decisive lines when there is no mode', () => {
    const msg = (d: string, p: string) =>
      `Timed out after ${d}s.\nTimeout to detect metrics for ptpconfig test-slave1\nExpected\n    <*errors.errorString | ${p}>: \n    boom\nto be nil`;
    const a = signature({ message: msg('600.001', '0xc000a2eeb0'), rule: 'gomega-eventually-timeout' });
    expect(signature({ message: msg('600.105', '0xc000d024e0'), rule: 'gomega-eventually-timeout' })).toBe(a);
    expect(signature({ message: msg('600.001', '0xc000a2eeb0'), rule: 'other-rule' })).not.toBe(a);
    expect(
      signature({
        message: msg('600.001', '0xc000a2eeb0').replace('boom', 'bang'),
        rule: 'gomega-eventually-timeout',
      }),
    ).not.toBe(a);
  });

  it('gives records without a message one stable signature', () => {
    const none = signature({ message: null });
    expect(none).toMatch(ID);
    expect(signature({})).toBe(none);
    expect(signature({ message: '' })).toBe(none);
    expect(signature({ message: '\n  \n' })).toBe(none);
    expect(signatureBasis({})).toBe('rule -\n<no message>');
    expect(signature({ message: 'result: error' })).toBe(signature({ message: 'result: error' }));
    expect(signature({ message: 'result: error' })).not.toBe(none);
  });
});

describe('fingerprint', () => {
  const sig = signature({ mode: 'OS clock never LOCKED' });

  it('combines test identity and signature', () => {
    const f = fingerprint({
      test: '[It] [oc-parallel] Event based tests PTP Slave Clock Sync',
      signature: sig,
    });
    expect(
      fingerprint({ test: '[It]  [oc-parallel] Event based tests PTP Slave Clock Sync ', signature: sig }),
    ).toBe(f);
    expect(
      fingerprint({ test: '[It] [bc-parallel] Event based tests PTP Slave Clock Sync', signature: sig }),
    ).not.toBe(f);
    expect(
      fingerprint({
        test: '[It] [oc-parallel] Event based tests PTP Slave Clock Sync',
        signature: signature({ mode: 'other' }),
      }),
    ).not.toBe(f);
    expect(
      fingerprint({
        test: '[It] [oc-parallel] Event based tests PTP Slave Clock Sync',
        suite: 'PTP e2e tests : Parallel',
        signature: sig,
      }),
    ).not.toBe(f);
  });

  it('treats a missing test as the job-level identity', () => {
    expect(fingerprint({ test: null, signature: sig })).toBe(
      fingerprint({ test: '', suite: '', signature: sig }),
    );
  });

  it('masks only what can never belong to a test identity', () => {
    expect(
      normaliseTestIdentity(
        '\x1b[1mTestX\x1b[0m  case 1 @ 0xc000a2eeb0 run 123e4567-e89b-12d3-a456-426614174000',
      ),
    ).toBe('TestX case 1 @ <hex> run <uuid>');
    expect(normaliseTestIdentity('case 1')).not.toBe(normaliseTestIdentity('case 2'));
  });
});

describe('v1 values', () => {
  // Pinned: issues are keyed on these. A change to normalisation, decisive lines or hashing that
  // moves any of them must bump the version instead (FINGERPRINT_VERSION), never regroup silently.
  const test = '[It] [oc-serial] PTP ClockSync Slave can sync to master [Serial]';
  it.each([
    [
      {
        message:
          'Timed out after 300.001s.\nlinuxptp-daemon DaemonSet: expected 3 ready pods, found 0 pods total',
        rule: 'ptp-daemonset-not-found',
        mode: 'linuxptp-daemon DaemonSet never created (operator not running)',
      },
      'v1:9ca695c7e8f046f4',
      'v1:314272e50c7a509b',
    ],
    [
      {
        message:
          'panic: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0xc000a2eeb0]',
        rule: 'go-nil-pointer',
        mode: null,
      },
      'v1:0ee8032e5827fff4',
      'v1:d11441c45dc3cf83',
    ],
    [
      { message: 'Expected\n    <int>: 0\nto be >\n    <int>: 0', rule: null, mode: null },
      'v1:cd140e741c04e9c9',
      'v1:d11dc506d05b5f75',
    ],
  ])('%#: signature and fingerprint stay the same', (input, sig, fp) => {
    expect(signature(input)).toBe(sig);
    expect(fingerprint({ test, suite: null, signature: sig })).toBe(fp);
  });
});
