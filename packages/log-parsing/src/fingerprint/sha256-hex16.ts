import type * as Crypto from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The first 16 hex digits of a text's SHA-256 (of its UTF-8 bytes), as signatures and
 * fingerprints use them.
 *
 * Two implementations, one digest. Loading `node:crypto` loads 18 of Node's modules, ~13 ms of
 * CPU, in every run that finds a failure; most runs hash a handful of texts, and @noble/hashes
 * (bundled) costs ~4 ms to load and ~20 µs a hash. A run that hashes many (`nightshift group`,
 * twice per record; ~4 µs a hash natively) moves to `node:crypto` after NATIVE_AFTER hashes.
 * sha256-hex16.test.ts checks both against `node:crypto` on arbitrary text.
 */
export function sha256Hex16(text: string): string {
  if (native === undefined && ++hashed <= NATIVE_AFTER) return jsSha256Hex16(text);
  native ??= loadNativeSha256Hex16();
  return native(text);
}

/** Hashes done in JavaScript before `node:crypto` pays for its loading (~64 × 16 µs more). */
export const NATIVE_AFTER = 64;
let hashed = 0;
let native: ((text: string) => string) | undefined;

/** The @noble/hashes path of sha256Hex16. */
export function jsSha256Hex16(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)).subarray(0, 8));
}

function loadNativeSha256Hex16(): (text: string) => string {
  const crypto = process.getBuiltinModule('node:crypto') as typeof Crypto;
  // The one-shot `hash` (Node 20.12+) is ~2x faster than createHash on these short texts.
  if (typeof crypto.hash === 'function') return (text) => crypto.hash('sha256', text, 'hex').slice(0, 16);
  return (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
