import {
  gunzip,
  InputError,
  isGzip,
  isZip,
  looksBinary,
  readZipEntries,
  type ZipCaps,
  type ZipEntry,
} from '@nightshift/log-parsing';
import type { RunInputItem } from '../types';
import { errorInput, messageOf } from './input-items';

/** Bytes sniffed for NUL (binary) and magic numbers, like git and grep. */
const SNIFF_BYTES = 8192;

export interface ArtifactEntryOptions {
  caps?: ZipCaps;
  /** Entries analysed per archive at most (default 500); the rest are reported as one error item. */
  maxEntries?: number;
}

/**
 * The files of an artifact zip (already in memory) as analysis inputs, in archive order, through
 * log-parsing's zip reader (bomb, traversal and size caps). gzip entries are inflated; binaries and
 * nested zips become error items. A corrupt or truncated archive ends with an error item naming it;
 * entries read before the damage are still analysed.
 *
 * Each yielded input must be read before the next one is asked for (the archive streams).
 */
export async function* artifactEntryInputs(
  zip: Uint8Array,
  displayPath: string,
  options: ArtifactEntryOptions = {},
): AsyncGenerator<RunInputItem> {
  const maxEntries = options.maxEntries ?? 500;
  const entries = readZipEntries(zip, { ...options.caps, displayPath });
  const reported = new Set<Error>();
  function* drain(): Generator<RunInputItem> {
    for (const error of entries.errors) {
      if (reported.has(error)) continue;
      reported.add(error);
      yield { path: error.path, error };
    }
  }
  let taken = 0;
  let skipped = 0;
  try {
    for await (const entry of entries) {
      yield* drain();
      if (taken >= maxEntries) {
        skipped++;
        continue;
      }
      taken++;
      yield await entryInput(entry);
    }
  } catch (error) {
    yield* drain();
    yield errorInput(displayPath, `${messageOf(error)}; the rest of the archive was not analysed`, error);
    return;
  }
  yield* drain();
  if (skipped > 0) {
    yield errorInput(
      displayPath,
      `${displayPath}: ${skipped} more entries not analysed (cap of ${maxEntries} per artifact)`,
    );
  }
}

async function entryInput(entry: ZipEntry): Promise<RunInputItem> {
  const raw = () => entryChunks(entry);
  let head: Buffer;
  try {
    head = await readPrefix(raw());
  } catch (error) {
    return { path: entry.path, error: asError(error) };
  }
  if (isZip(head))
    return errorInput(entry.path, `${entry.path}: a zip inside a zip is not expanded; skipped`);
  let open: () => AsyncIterable<Uint8Array> = raw;
  if (isGzip(head)) {
    open = () => gunzip(raw(), { path: entry.path });
    try {
      head = await readPrefix(open());
    } catch (error) {
      return { path: entry.path, error: asError(error) };
    }
  }
  if (looksBinary(head))
    return errorInput(entry.path, `${entry.path}: looks binary (NUL byte in the first 8 KiB); skipped`);
  return { path: entry.path, open };
}

async function* entryChunks(entry: ZipEntry): AsyncGenerator<Uint8Array> {
  // for-await destroys the entry stream when the consumer stops early.
  for await (const chunk of await entry.open()) yield chunk as Uint8Array;
}

async function readPrefix(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

function asError(error: unknown): Error {
  return InputError.isInstance(error) || error instanceof Error ? error : new Error(String(error));
}
