import { BINARY_SNIFF_BYTES, looksBinary, readPrefix } from './byte-peek';
import { gunzip, isGzip } from './gzip';
import { asInputError, InputError } from './input-error';
import { type ExpandInputsOptions, failure, type InputItem } from './input-source';
import { isZip, readZipEntries, type ZipEntry } from './zip-reader';

export function binaryError(path: string, head?: Uint8Array): InputError {
  // UTF-16 text (PowerShell 5's `>`, some .NET reporters) has NUL bytes too: say what it is.
  const utf16 =
    head !== undefined &&
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  return new InputError({
    code: 'binary',
    path,
    problem: utf16
      ? 'UTF-16 text (it starts with a UTF-16 byte-order mark); only UTF-8 is read: convert it first (iconv -f UTF-16 -t UTF-8); skipped'
      : 'looks binary (NUL byte in the first 8 KiB); skipped',
  });
}

/**
 * A gzip input as a source, after checking that it inflates (its first 8 KiB) to text.
 * `openCompressed` must be callable more than once (a file or a zip entry).
 */
export async function gzipSource(
  path: string,
  openCompressed: () => AsyncIterable<Uint8Array>,
  options: ExpandInputsOptions,
): Promise<InputItem> {
  const open = () => gunzip(openCompressed(), { path, maxDecompressedBytes: options.maxGunzipBytes });
  try {
    const head = await readPrefix(open(), BINARY_SNIFF_BYTES);
    if (looksBinary(head)) return failure(binaryError(path, head));
  } catch (error) {
    return failure(asInputError(path, error));
  }
  return { kind: 'source', path, bytes: null, open };
}

/**
 * Each file entry of a zip archive as a source (gzip entries inflated too), with an error item for
 * every skipped entry, in archive order. An archive that stops (bomb, corruption) ends with an
 * error item; each error is reported once even when both an entry and the archive raise it.
 */
export async function* expandZip(path: string, options: ExpandInputsOptions): AsyncGenerator<InputItem> {
  const archive = readZipEntries(path, { ...options.zip, displayPath: path });
  const reported = new Set<InputError>();
  function* report(error: InputError): Generator<InputItem> {
    if (reported.has(error)) return;
    reported.add(error);
    yield failure(error);
  }
  function* drain(): Generator<InputItem> {
    for (const error of archive.errors) yield* report(error);
  }
  try {
    for await (const entry of archive) {
      yield* drain();
      const item = await zipEntrySource(entry, options);
      if (item.kind === 'error') yield* report(item.error);
      else yield item;
    }
    yield* drain();
  } catch (error) {
    yield* drain();
    yield* report(asInputError(path, error));
  }
}

async function zipEntrySource(entry: ZipEntry, options: ExpandInputsOptions): Promise<InputItem> {
  const open = () => entryChunks(entry);
  let head: Buffer;
  try {
    head = await readPrefix(open(), BINARY_SNIFF_BYTES);
  } catch (error) {
    return failure(asInputError(entry.path, error));
  }
  if (isZip(head)) {
    return failure(
      new InputError({
        code: 'unsupported',
        path: entry.path,
        problem: 'zip inside a zip is not expanded; skipped',
      }),
    );
  }
  if (isGzip(head)) return gzipSource(entry.path, open, options);
  if (looksBinary(head)) return failure(binaryError(entry.path, head));
  return { kind: 'source', path: entry.path, bytes: entry.uncompressedSize, open };
}

async function* entryChunks(entry: ZipEntry): AsyncGenerator<Uint8Array> {
  // for-await destroys the stream when the consumer stops early.
  for await (const chunk of await entry.open()) yield chunk as Uint8Array;
}
