import { stripAnsi } from '../ansi';
import { decisiveLines } from './decisive-lines';
import { normaliseMessage } from './normalise-message';
import { sha256Hex16 } from './sha256-hex16';

/**
 * Version of the signature/fingerprint algorithm, part of every id (`v1:…`). Bump it whenever a
 * change to normalisation, decisive lines or hashing would move a failure to another group: old
 * and new ids then differ visibly instead of history silently regrouping (LUCI's approach).
 */
export const FINGERPRINT_VERSION = 1;
const PREFIX = `v${FINGERPRINT_VERSION}:`;

export interface SignatureInput {
  /** The failure message (may be multi-line, null when none was recorded). */
  message?: string | null;
  /** Id of the classification rule that won, if any. */
  rule?: string | null;
  /** The winning rule's filled mode, if it has one. */
  mode?: string | null;
}

export interface FingerprintInput {
  /** Test name as the framework reports it; null/empty for job-level failures. */
  test?: string | null;
  /** Suite, when known. Pass it consistently: it is part of the test's identity. */
  suite?: string | null;
  signature: string;
}

/**
 * The text a signature hashes, exposed so a grouping can be explained. A rule mode, when there
 * is one, IS the failure mode (numbers kept, varying names masked); otherwise the rule id plus the
 * normalised decisive lines of the message. A missing message still gets a stable basis.
 */
export function signatureBasis(input: SignatureInput): string {
  if (input.mode) return `mode\n${normaliseMessage(input.mode, { keepNumbers: true })}`;
  const lines = decisiveLines(input.message ?? '');
  const head = input.rule ? `rule ${input.rule}\n` : 'rule -\n';
  return head + (lines.length > 0 ? lines.join('\n') : '<no message>');
}

/** `v1:` + 16 hex of SHA-256 of the failure mode: equal for the same failure in any test. */
export function signature(input: SignatureInput): string {
  return PREFIX + sha256Hex16(signatureBasis(input));
}

/** `v1:` + 16 hex of SHA-256 of test identity + signature: one issue per (test, failure mode). */
export function fingerprint(input: FingerprintInput): string {
  const suite = input.suite ? normaliseTestIdentity(input.suite) : '';
  const test = input.test ? normaliseTestIdentity(input.test) : '';
  return PREFIX + sha256Hex16(`suite ${suite}\ntest ${test}\n${input.signature}`);
}

/**
 * Test names are stable by nature; only what can never be part of an identity is masked
 * (escapes, spacing, pointers, UUIDs, timestamps). Numbers stay: `case 1` and `case 2` differ.
 */
export function normaliseTestIdentity(name: string): string {
  return stripAnsi(name)
    .replace(/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<uuid>')
    .replace(/\b0x[0-9a-fA-F]+\b/g, '<hex>')
    .replace(/\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<ts>')
    .replace(/\s+/g, ' ')
    .trim();
}
