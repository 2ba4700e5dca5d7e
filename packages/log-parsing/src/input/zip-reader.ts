import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { errnoOf, fsInputError, InputError } from './input-error';
import { entryCapProblem, resolveZipCaps, totalCapProblem, type ZipCaps, zipBomb } from './zip-caps';
import { printableEntryName, refuseEntryName } from './zip-entry-name';

export interface ZipReadOptions extends ZipCaps {
  /** Name of the archive in errors and entry paths. Default: the file path, or `<zip buffer>`. */
  displayPath?: string;
}

export interface ZipEntry {
  /** Entry name as stored in the archive (already checked: no traversal, no backslash, no NUL). */
  name: string;
  /** Display path `<archive>!/<name>`, control characters escaped. */
  path: string;
  /** As declared by the entry's header; the real count is enforced while inflating. */
  uncompressedSize: number;
  compressedSize: number;
  /**
   * Opens the entry's inflated bytes. Call it while the archive is still being iterated: once the
   * iteration ends (or is broken off) the archive is closed and this rejects. Caps are enforced
   * on the bytes as they stream; a bomb errors the stream and stops the archive.
   */
  open(): Promise<Readable>;
}

export interface ZipEntries extends AsyncIterable<ZipEntry> {
  /**
   * One error per entry skipped so far (refused names, encryption, unknown compression); the rest of
   * the archive is still read. Fills during iteration: read it during or after the loop.
   */
  readonly errors: InputError[];
}

/** True when `head` starts like a zip archive (`PK\3\4`, or `PK\5\6` for an empty one). */
export function isZip(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false;
  return (head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6);
}

/** Shared by an archive's iteration and the streams of its entries. */
interface ArchiveState {
  /** Set when a cap is exceeded: the archive stops and every later call throws this. */
  failure: InputError | null;
  /** Bytes inflated so far across every opened entry stream (re-reads count: the cap bounds work). */
  inflated: number;
}

/**
 * Lists the files of a zip archive lazily (one central-directory record at a time), over `yauzl`.
 * Directory entries are skipped. An archive that exceeds a cap stops with a `zip-bomb` error naming
 * the archive and entry; a corrupt archive with `zip-invalid`. Iterate once.
 */
export function readZipEntries(file: string | Uint8Array, options: ZipReadOptions = {}): ZipEntries {
  const { displayPath, ...capOptions } = options;
  const caps = resolveZipCaps(capOptions);
  const display = displayPath ?? (typeof file === 'string' ? file : '<zip buffer>');
  const errors: InputError[] = [];
  let iterated = false;
  return {
    errors,
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error(`readZipEntries(${display}): the entries can be iterated only once`);
      iterated = true;
      return iterateEntries(file, display, caps, errors);
    },
  };
}

async function* iterateEntries(
  file: string | Uint8Array,
  display: string,
  caps: Required<ZipCaps>,
  errors: InputError[],
): AsyncGenerator<ZipEntry> {
  const yauzl = await loadYauzl();
  const zip = await openArchive(yauzl, file, display);
  const state: ArchiveState = { failure: null, inflated: 0 };
  try {
    if (zip.entryCount > caps.maxEntries) {
      throw zipBomb(display, `has ${zip.entryCount} entries, more than the cap of ${caps.maxEntries}`);
    }
    const records = zip.eachEntry();
    let declaredTotal = 0;
    while (true) {
      let next: IteratorResult<Entry>;
      try {
        next = await records.next();
      } catch (error) {
        throw invalidArchive(display, error);
      }
      if (next.done) return;
      const entry = next.value;
      // strictFileNames keeps backslashes so they can be refused rather than silently rewritten.
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        true,
      );
      const path = `${display}!/${printableEntryName(name)}`;
      const skip = skipReason(name, entry);
      if (skip) {
        errors.push(new InputError({ code: skip.code, path, problem: `${skip.problem}; entry skipped` }));
        continue;
      }
      if (name.endsWith('/')) continue;
      const headerProblem = entryCapProblem(caps, entry.uncompressedSize, entry.compressedSize);
      if (headerProblem) throw zipBomb(path, `${headerProblem}, per its header`);
      declaredTotal += entry.uncompressedSize;
      const totalProblem = totalCapProblem(caps, declaredTotal);
      if (totalProblem) throw zipBomb(path, `${totalProblem}, per the headers`);
      yield {
        name,
        path,
        uncompressedSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        open: () => openEntry(zip, entry, path, caps, state),
      };
      if (state.failure) throw state.failure;
    }
  } finally {
    zip.close();
  }
}

function skipReason(name: string, entry: Entry): { code: InputError['code']; problem: string } | null {
  const refused = refuseEntryName(name);
  if (refused) return { code: 'zip-entry-refused', problem: `entry name refused: ${refused}` };
  if (entry.isEncrypted()) return { code: 'unsupported', problem: 'entry is encrypted' };
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return { code: 'unsupported', problem: `compression method ${entry.compressionMethod} is not supported` };
  }
  return null;
}

type Yauzl = typeof import('yauzl');

/**
 * yauzl is loaded on the first archive, not with this module: every `nightshift analyze` imports
 * the input layer, and most inputs are plain logs (the module cost ~2 ms of start-up).
 */
let yauzlModule: Promise<Yauzl> | undefined;
function loadYauzl(): Promise<Yauzl> {
  yauzlModule ??= import('yauzl').then((m) => m.default);
  return yauzlModule;
}

async function openArchive(yauzl: Yauzl, file: string | Uint8Array, display: string): Promise<ZipFile> {
  // decodeStrings: false, so a bad name refuses one entry instead of failing the whole archive
  // (yauzl rejects the archive on the first bad name). validateEntrySizes: inflated byte counts
  // must match the headers exactly.
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true };
  try {
    if (typeof file === 'string') return guardDestroyedReads(await yauzl.openPromise(file, options));
    const buffer = Buffer.isBuffer(file) ? file : Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    return await yauzl.fromBufferPromise(buffer, options);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'EISDIR') {
      throw new InputError({ code: 'not-a-file', path: display, problem: 'is a directory, not a zip file' });
    }
    if (errno) throw fsInputError(display, error);
    throw invalidArchive(display, error);
  }
}

/**
 * yauzl 3.4's fd-slicer queues each read of an entry stream behind the one in flight (one at a
 * time per file) and runs it even if the stream was destroyed meanwhile, when its context is
 * null: stopping early after an entry's head (every entry is sniffed, a `.gz` one twice) crashed
 * the process with a TypeError thrown from the queue, past any handler of ours. Such a read is
 * dropped instead (it was never issued, and nothing waits for its stream any more).
 */
function guardDestroyedReads(zip: ZipFile): ZipFile {
  type Task = (done: () => void) => void;
  const pend = (zip as unknown as { reader?: { pend?: { go(task: Task): void } } }).reader?.pend;
  if (pend && typeof pend.go === 'function') {
    const go = pend.go.bind(pend);
    pend.go = (task: Task) =>
      go((done) => {
        try {
          task(done);
        } catch (error) {
          if (!(error instanceof TypeError)) throw error;
          done();
        }
      });
  }
  return zip;
}

function invalidArchive(display: string, error: unknown): InputError {
  if (InputError.isInstance(error)) return error;
  return new InputError({
    code: 'zip-invalid',
    path: display,
    problem: `not a valid zip archive, or truncated (${messageOf(error)})`,
    cause: error,
  });
}

async function openEntry(
  zip: ZipFile,
  entry: Entry,
  path: string,
  caps: Required<ZipCaps>,
  state: ArchiveState,
): Promise<Readable> {
  if (state.failure) throw state.failure;
  let raw: Readable;
  try {
    raw = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw entryError(path, error, state);
  }
  // node:stream is loaded on the first zip entry (see gzip.ts).
  return process
    .getBuiltinModule('node:stream')
    .Readable.from(countInflated(raw, entry.compressedSize, path, caps, state), { objectMode: false });
}

async function* countInflated(
  raw: Readable,
  compressed: number,
  path: string,
  caps: Required<ZipCaps>,
  state: ArchiveState,
): AsyncGenerator<Buffer> {
  let inflated = 0;
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      state.inflated += chunk.length;
      const problem = entryCapProblem(caps, inflated, compressed) ?? totalCapProblem(caps, state.inflated);
      if (problem) {
        state.failure = zipBomb(path, problem);
        throw state.failure;
      }
      yield chunk;
    }
  } catch (error) {
    throw entryError(path, error, state);
  } finally {
    raw.destroy();
  }
}

function entryError(path: string, error: unknown, state: ArchiveState): InputError {
  if (InputError.isInstance(error)) return error;
  const message = messageOf(error);
  if (message === 'closed') {
    return new InputError({
      code: 'unreadable',
      path,
      problem: 'the archive is already closed: open entries while the archive is being iterated',
      cause: error,
    });
  }
  // yauzl's validateEntrySizes: the entry inflates past the size its header declares, the
  // classic way to slip a bomb past header checks. That stops the archive like any other cap.
  if (message.startsWith('too many bytes in the stream')) {
    state.failure = zipBomb(path, `entry inflates to more than its header declares (${message})`);
    return state.failure;
  }
  return new InputError({
    code: 'zip-invalid',
    path,
    problem: `corrupt entry data (${message})`,
    cause: error,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
