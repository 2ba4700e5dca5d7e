import type { InputError } from './input-error';
import type { ZipCaps } from './zip-caps';

/**
 * One readable input: a file, a decompressed `.gz`, a zip entry, or stdin.
 * `path` is for display (`logs/run.zip!/0_build.txt`), `bytes` the expected size when known
 * (file size; a zip entry's declared size; null for gzip and stdin).
 */
export interface InputSource {
  kind: 'source';
  path: string;
  bytes: number | null;
  /**
   * The input's bytes, decompressed. Errors while reading are thrown as `InputError`s from the
   * iterator. Files may be opened again; stdin only once; a zip entry only while `expandInputs` has
   * not moved past its archive (read each source before asking for the next item).
   */
  open(): AsyncIterable<Uint8Array>;
}

/** An input that was skipped, with the reason (missing, binary, refused zip entry, zip bomb, ...). */
export interface InputFailure {
  kind: 'error';
  path: string;
  error: InputError;
}

/** What `expandInputs` yields: switch on `kind`. */
export type InputItem = InputSource | InputFailure;

export interface ExpandInputsOptions {
  /** The stream read for the path `-`. There is no process access inside this package. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Caps for every zip archive met. */
  zip?: ZipCaps;
  /** Cap on the decompressed size of each gzip stream. Default 8 GiB. */
  maxGunzipBytes?: number;
  /** Read size for files. Default 64 KiB: big enough to amortise per-chunk work, small enough that
   * a retained line does not pin much memory (lines are slices of their chunk). */
  chunkBytes?: number;
  /**
   * Files (not archives, not gzip, not stdin) are read into two reused buffers: each chunk of a
   * source's `open()` is then valid only until the next is asked for. For a consumer that decodes
   * every chunk at once, like analyze; it saves ~0.5 CPU s per GB. Default false.
   */
  reuseChunkBuffers?: boolean;
}

export function failure(error: InputError): InputFailure {
  return { kind: 'error', path: error.path, error };
}
