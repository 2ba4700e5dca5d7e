export { decisiveLines, MAX_DECISIVE_CHARS, MAX_PLAIN_LINES } from './decisive-lines';
export { type NormaliseOptions, normaliseMessage } from './normalise-message';
export {
  FINGERPRINT_VERSION,
  type FingerprintInput,
  fingerprint,
  normaliseTestIdentity,
  type SignatureInput,
  signature,
  signatureBasis,
} from './signature';
