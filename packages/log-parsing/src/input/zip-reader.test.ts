import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, patchEntryName, patchUncompressedSizes } from './__fixtures__/build-zip';
import { toArray } from './__fixtures__/to-array';
import { InputError } from './input-error';
import { isZip, readZipEntries, type ZipReadOptions } from './zip-reader';

async function text(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Reads every entry; returns contents by name, the skipped-entry errors and a final error, if any. */
async function readAll(file: string | Buffer, options?: ZipReadOptions) {
  const archive = readZipEntries(file, options);
  const contents: Record<string, string> = {};
  let error: InputError | undefined;
  try {
    for await (const entry of archive) contents[entry.name] = await text(await entry.open());
  } catch (e) {
    if (!InputError.isInstance(e)) throw e;
    error = e;
  }
  return { contents, errors: archive.errors, error };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nightshift-zip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readZipEntries', () => {
  it('lists files in nested folders, skips directory entries, and streams contents', async () => {
    const zip = await buildZip([
      { name: 'build', directory: true },
      { name: '0_build.txt', data: 'job log\n' },
      { name: 'build/1_Set up job.txt', data: 'step one\n', compress: false },
      { name: 'build/deep/er/junit.xml', data: '<testsuite/>' },
    ]);
    expect(isZip(zip)).toBe(true);
    const path = join(dir, 'run.zip');
    await writeFile(path, zip);
    const archive = readZipEntries(path);
    const seen: { name: string; path: string; size: number }[] = [];
    for await (const entry of archive) {
      seen.push({ name: entry.name, path: entry.path, size: entry.uncompressedSize });
    }
    expect(seen).toEqual([
      { name: '0_build.txt', path: `${path}!/0_build.txt`, size: 8 },
      { name: 'build/1_Set up job.txt', path: `${path}!/build/1_Set up job.txt`, size: 9 },
      { name: 'build/deep/er/junit.xml', path: `${path}!/build/deep/er/junit.xml`, size: 12 },
    ]);
    expect(archive.errors).toEqual([]);
    expect((await readAll(zip)).contents).toEqual({
      '0_build.txt': 'job log\n',
      'build/1_Set up job.txt': 'step one\n',
      'build/deep/er/junit.xml': '<testsuite/>',
    });
  });

  it('refuses traversal, absolute, drive-letter, backslash and NUL names but reads the rest', async () => {
    let zip = await buildZip([
      { name: 'ok-before.txt', data: 'before' },
      { name: 'aa/evil.txt', data: 'x' },
      { name: 'abs.txt', data: 'x' },
      { name: 'dv/c.txt', data: 'x' },
      { name: 'back_slash', data: 'x' },
      { name: 'nul_x', data: 'x' },
      { name: 'ok-after.txt', data: 'after' },
    ]);
    zip = patchEntryName(zip, 'aa/evil.txt', '../evil.txt');
    zip = patchEntryName(zip, 'abs.txt', '/ab.txt');
    zip = patchEntryName(zip, 'dv/c.txt', 'C:/c.txt');
    zip = patchEntryName(zip, 'back_slash', 'back\\slash');
    zip = patchEntryName(zip, 'nul_x', 'nul\0x');
    const { contents, errors, error } = await readAll(zip, { displayPath: 'artifact.zip' });
    expect(error).toBeUndefined();
    expect(contents).toEqual({ 'ok-before.txt': 'before', 'ok-after.txt': 'after' });
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      [
        'zip-entry-refused',
        "artifact.zip!/../evil.txt: entry name refused: has a '..' segment; entry skipped",
      ],
      ['zip-entry-refused', 'artifact.zip!//ab.txt: entry name refused: absolute path; entry skipped'],
      [
        'zip-entry-refused',
        'artifact.zip!/C:/c.txt: entry name refused: starts with a drive letter; entry skipped',
      ],
      [
        'zip-entry-refused',
        'artifact.zip!/back\\slash: entry name refused: contains a backslash; entry skipped',
      ],
      [
        'zip-entry-refused',
        'artifact.zip!/nul\\x00x: entry name refused: contains a NUL byte; entry skipped',
      ],
    ]);
  });

  it('skips encrypted entries and unknown compression methods with an error, and reads the rest', async () => {
    const zip = await buildZip([
      { name: 'secret.txt', data: 'hidden' },
      { name: 'lzma.txt', data: 'squeezed' },
      { name: 'plain.txt', data: 'visible' },
    ]);
    // Central directory records: flags at +8 (bit 0 = encrypted), compression method at +10.
    const patched = Buffer.from(zip);
    const records: number[] = [];
    for (
      let at = patched.indexOf('PK\x01\x02', 0, 'latin1');
      at !== -1;
      at = patched.indexOf('PK\x01\x02', at + 4, 'latin1')
    ) {
      records.push(at);
    }
    expect(records).toHaveLength(3);
    patched.writeUInt16LE(patched.readUInt16LE(records[0]! + 8) | 1, records[0]! + 8);
    patched.writeUInt16LE(14, records[1]! + 10);
    const { contents, errors, error } = await readAll(patched, { displayPath: 'p.zip' });
    expect(error).toBeUndefined();
    expect(contents).toEqual({ 'plain.txt': 'visible' });
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['unsupported', 'p.zip!/secret.txt: entry is encrypted; entry skipped'],
      ['unsupported', 'p.zip!/lzma.txt: compression method 14 is not supported; entry skipped'],
    ]);
  });

  it('stops an archive with more entries than the cap before reading any', async () => {
    const zip = await buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const { contents, error } = await readAll(zip, { maxEntries: 5, displayPath: 'many.zip' });
    expect(contents).toEqual({});
    expect(error?.code).toBe('zip-bomb');
    expect(error?.message).toBe('many.zip: has 6 entries, more than the cap of 5');
  });

  it('stops at an entry whose header declares more than the entry cap', async () => {
    const zip = await buildZip([
      { name: 'small.txt', data: 'fine' },
      { name: 'big.txt', data: 'y'.repeat(5000) },
      { name: 'later.txt', data: 'never reached' },
    ]);
    const { contents, error } = await readAll(zip, { maxEntryUncompressedBytes: 4096, displayPath: 'a.zip' });
    expect(contents).toEqual({ 'small.txt': 'fine' });
    expect(error?.code).toBe('zip-bomb');
    expect(error?.message).toBe(
      'a.zip!/big.txt: entry inflates to more than the cap of 4096 bytes, per its header',
    );
  });

  it('stops when the entries together pass the total cap', async () => {
    const zip = await buildZip([
      { name: 'one.txt', data: 'a'.repeat(600) },
      { name: 'two.txt', data: 'b'.repeat(600) },
    ]);
    const { contents, error } = await readAll(zip, { maxTotalUncompressedBytes: 1000, displayPath: 'a.zip' });
    expect(Object.keys(contents)).toEqual(['one.txt']);
    expect(error?.code).toBe('zip-bomb');
    expect(error?.path).toBe('a.zip!/two.txt');
  });

  it('stops at a compression ratio over the cap, for entries past the ratio threshold', async () => {
    const zip = await buildZip([
      { name: 'tiny-but-squashy.txt', data: Buffer.alloc(2000) },
      { name: 'bomb.bin', data: Buffer.alloc(300_000) },
    ]);
    const { contents, error } = await readAll(zip, { ratioMinBytes: 100_000, maxCompressionRatio: 50 });
    expect(Object.keys(contents)).toEqual(['tiny-but-squashy.txt']);
    expect(error?.code).toBe('zip-bomb');
    expect(error?.message).toMatch(/bomb\.bin: entry compression ratio exceeds the cap of 50/);
  });

  it('counts inflated bytes instead of trusting headers that under-declare', async () => {
    // Headers claim 10 bytes; the entry really inflates to 200,000.
    const zip = patchUncompressedSizes(
      await buildZip([
        { name: 'liar.txt', data: 'z'.repeat(200_000) },
        { name: 'next.txt', data: 'n' },
      ]),
      10,
    );
    const archive = readZipEntries(zip, { displayPath: 'liar.zip' });
    const names: string[] = [];
    let streamError: unknown;
    let archiveError: unknown;
    try {
      for await (const entry of archive) {
        names.push(entry.name);
        expect(entry.uncompressedSize).toBe(10);
        streamError ??= await text(await entry.open()).catch((e: unknown) => e);
      }
    } catch (e) {
      archiveError = e;
    }
    expect(InputError.isInstance(streamError) && streamError.code).toBe('zip-bomb');
    expect(String(streamError)).toMatch(
      /liar\.zip!\/liar\.txt: entry inflates to more than its header declares/,
    );
    // The bomb stops the archive: the next entry is never listed.
    expect(archiveError).toBe(streamError);
    expect(names).toEqual(['liar.txt']);
  });

  it('enforces the entry cap on the bytes streamed, not only on headers', async () => {
    const zip = await buildZip([{ name: 'x.txt', data: 'q'.repeat(50_000) }]);
    const archive = readZipEntries(zip, {
      maxEntryUncompressedBytes: 60_000,
      maxTotalUncompressedBytes: 70_000,
    });
    const entries = [];
    for await (const entry of archive) {
      entries.push(entry);
      // Reading the same entry twice inflates 100,000 bytes: over the total cap.
      expect(await text(await entry.open())).toHaveLength(50_000);
      const second = await text(await entry.open()).catch((e: unknown) => e);
      expect(InputError.isInstance(second) && second.code).toBe('zip-bomb');
      await expect(entry.open()).rejects.toBe(second);
      break;
    }
    expect(entries).toHaveLength(1);
  });

  it('reports a truncated archive as zip-invalid, naming it', async () => {
    const zip = await buildZip([{ name: 'a.txt', data: 'hello' }]);
    const { error } = await readAll(zip.subarray(0, zip.length - 30), { displayPath: 'cut.zip' });
    expect(error?.code).toBe('zip-invalid');
    expect(error?.message).toMatch(/^cut\.zip: not a valid zip archive, or truncated \(/);
  });

  it('reports corrupt entry data as zip-invalid, naming the entry', async () => {
    const zip = await buildZip([{ name: 'a.txt', data: 'hello world, this compresses a bit\n'.repeat(40) }]);
    const broken = Buffer.from(zip);
    broken.fill(0xff, 40, 70); // inside the deflate stream of the only entry
    const { error } = await readAll(broken, { displayPath: 'bad.zip' });
    expect(error?.code).toBe('zip-invalid');
    expect(error?.path).toBe('bad.zip!/a.txt');
  });

  it('reports a missing file as not-found and a non-zip as zip-invalid', async () => {
    const missing = await readAll(join(dir, 'nope.zip'));
    expect(missing.error?.code).toBe('not-found');
    const notZip = join(dir, 'not.zip');
    await writeFile(notZip, 'just text, not an archive');
    expect((await readAll(notZip)).error?.code).toBe('zip-invalid');
  });

  it('refuses to open an entry after the archive was closed, with a clear error', async () => {
    const zip = await buildZip([{ name: 'a.txt', data: 'x' }]);
    const entries = await toArray(readZipEntries(zip, { displayPath: 'done.zip' }));
    const error = await entries[0]!.open().catch((e: unknown) => e);
    expect(InputError.isInstance(error) && error.message).toBe(
      'done.zip!/a.txt: the archive is already closed: open entries while the archive is being iterated',
    );
  });

  it('can be iterated only once, and rejects bad caps', async () => {
    const archive = readZipEntries(await buildZip([{ name: 'a.txt', data: 'x' }]));
    await toArray(archive);
    expect(() => archive[Symbol.asyncIterator]()).toThrow(/iterated only once/);
    expect(() => readZipEntries('x.zip', { maxEntries: -1 })).toThrow(
      'zip cap maxEntries must be a non-negative number',
    );
  });
});
