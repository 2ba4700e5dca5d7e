import { InputError } from './input-error';

/** Limits that stop a zip bomb. Every cap can be overridden; defaults suit GitHub run-log zips. */
export interface ZipCaps {
  /** Most entries (directories included) an archive may hold. Default 10,000. */
  maxEntries?: number;
  /** Most bytes all entries together may inflate to. Default 4 GiB. */
  maxTotalUncompressedBytes?: number;
  /** Most bytes one entry may inflate to. Default 2 GiB. */
  maxEntryUncompressedBytes?: number;
  /** Highest uncompressed/compressed ratio, checked once an entry passes `ratioMinBytes`. Default 200. */
  maxCompressionRatio?: number;
  /** Entries up to this size are exempt from the ratio check (tiny files compress absurdly well). Default 1 MiB. */
  ratioMinBytes?: number;
}

export const DEFAULT_ZIP_CAPS: Required<ZipCaps> = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 4 * 1024 ** 3,
  maxEntryUncompressedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioMinBytes: 1024 ** 2,
};

export function resolveZipCaps(caps: ZipCaps = {}): Required<ZipCaps> {
  const resolved = { ...DEFAULT_ZIP_CAPS };
  for (const key of Object.keys(DEFAULT_ZIP_CAPS) as (keyof ZipCaps)[]) {
    const value = caps[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(`zip cap ${key} must be a non-negative number, got ${String(value)}`);
    }
    resolved[key] = value;
  }
  return resolved;
}

/**
 * Checks one entry's size against the caps: first with the sizes its header declares (cheap, before
 * any inflating), then again with the bytes actually inflated, since headers can lie.
 * Returns the problem, or null.
 */
export function entryCapProblem(
  caps: Required<ZipCaps>,
  uncompressed: number,
  compressed: number,
): string | null {
  if (uncompressed > caps.maxEntryUncompressedBytes) {
    return `entry inflates to more than the cap of ${caps.maxEntryUncompressedBytes} bytes`;
  }
  if (
    uncompressed > caps.ratioMinBytes &&
    uncompressed / Math.max(compressed, 1) > caps.maxCompressionRatio
  ) {
    return `entry compression ratio exceeds the cap of ${caps.maxCompressionRatio} (${uncompressed} bytes from ${compressed})`;
  }
  return null;
}

export function totalCapProblem(caps: Required<ZipCaps>, total: number): string | null {
  return total > caps.maxTotalUncompressedBytes
    ? `entries inflate to more than the archive cap of ${caps.maxTotalUncompressedBytes} bytes in total`
    : null;
}

export function zipBomb(path: string, problem: string): InputError {
  return new InputError({ code: 'zip-bomb', path, problem });
}
