import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, patchEntryName } from './__fixtures__/build-zip';
import { toArray } from './__fixtures__/to-array';
import { InputError } from './input-error';
import type { ExpandInputsOptions } from './input-source';
import { readLines } from './line-reader';
import { expandInputs } from './open-inputs';

type Seen =
  | { path: string; bytes: number | null; text: string }
  | { path: string; code: string; message: string };

/**
 * Expands and reads every source as it comes, the way a consumer must (zip entries stay openable).
 * An error thrown while reading a source is recorded with its code prefixed by `read:`.
 */
async function expand(paths: string[], options?: ExpandInputsOptions): Promise<Seen[]> {
  const seen: Seen[] = [];
  for await (const item of expandInputs(paths, options)) {
    if (item.kind === 'error') {
      seen.push({ path: item.path, code: item.error.code, message: item.error.message });
      continue;
    }
    const lines: string[] = [];
    try {
      for await (const line of readLines(item.open())) lines.push(line.text);
    } catch (error) {
      if (!InputError.isInstance(error)) throw error;
      seen.push({ path: item.path, code: `read:${error.code}`, message: error.message });
      continue;
    }
    seen.push({ path: item.path, bytes: item.bytes, text: lines.join('|') });
  }
  return seen;
}

/** `root` holds the fixture tree walked whole; tests that add files put them under `scratch`. */
/** Deterministic incompressible bytes (xorshift). */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

let scratch: string;
let root: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'nightshift-inputs-'));
  root = join(scratch, 'tree');
  await mkdir(root);
  await writeFile(join(root, 'a.log'), 'alpha\r\nbeta\n');
  await mkdir(join(root, 'b', 'deeper'), { recursive: true });
  await writeFile(join(root, 'b', 'c.txt.gz'), gzipSync('from gzip\n'));
  await writeFile(join(root, 'b', 'd.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
  await writeFile(join(root, 'b', 'deeper', 'e.log'), 'deep');
  await mkdir(join(root, '.hidden'));
  await writeFile(join(root, '.hidden', 'secret.log'), 'never read');
  await symlink(join(root, 'a.log'), join(root, 'link.log'));
  let zip = await buildZip([
    { name: '0_build.txt', data: 'job line 1\njob line 2\n' },
    { name: 'build', directory: true },
    { name: 'build/1_step.txt', data: '\uFEFFstep\n' },
    { name: 'aa/evil.txt', data: 'escape' },
    { name: 'reports/junit.xml.gz', data: gzipSync('<testsuite name="s"/>\n'), compress: false },
    { name: 'image.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) },
    { name: 'inner.zip', data: await buildZip([{ name: 'x.txt', data: 'x' }]) },
  ]);
  zip = patchEntryName(zip, 'aa/evil.txt', '../evil.txt');
  await writeFile(join(root, 'run.zip'), zip);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('expandInputs', () => {
  it('walks a directory in sorted order, expanding archives and reporting what it skips', async () => {
    const zip = join(root, 'run.zip');
    expect(await expand([root])).toEqual([
      { path: join(root, 'a.log'), bytes: 12, text: 'alpha|beta' },
      { path: join(root, 'b', 'c.txt.gz'), bytes: null, text: 'from gzip' },
      {
        path: join(root, 'b', 'd.bin'),
        code: 'binary',
        message: `${join(root, 'b', 'd.bin')}: looks binary (NUL byte in the first 8 KiB); skipped`,
      },
      { path: join(root, 'b', 'deeper', 'e.log'), bytes: 4, text: 'deep' },
      {
        path: join(root, 'link.log'),
        code: 'symlink',
        message: `${join(root, 'link.log')}: symbolic link not followed`,
      },
      { path: `${zip}!/0_build.txt`, bytes: 22, text: 'job line 1|job line 2' },
      { path: `${zip}!/build/1_step.txt`, bytes: 8, text: 'step' },
      {
        path: `${zip}!/../evil.txt`,
        code: 'zip-entry-refused',
        message: `${zip}!/../evil.txt: entry name refused: has a '..' segment; entry skipped`,
      },
      { path: `${zip}!/reports/junit.xml.gz`, bytes: null, text: '<testsuite name="s"/>' },
      {
        path: `${zip}!/image.png`,
        code: 'binary',
        message: `${zip}!/image.png: looks binary (NUL byte in the first 8 KiB); skipped`,
      },
      {
        path: `${zip}!/inner.zip`,
        code: 'unsupported',
        message: `${zip}!/inner.zip: zip inside a zip is not expanded; skipped`,
      },
    ]);
  });

  it('walks a folder and reads a file head without waiting for the thread pool', async () => {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    // A stat, a listing, an lstat and two head reads: through the thread pool, any of them would
    // have let the immediate run. (A gzip file would: inflating is asynchronous.)
    const seen: string[] = [];
    for await (const item of expandInputs([join(root, 'b', 'deeper'), join(root, 'a.log')])) {
      expect(item.kind).toBe('source');
      seen.push(item.path.slice(root.length + 1));
    }
    expect(seen).toEqual([join('b', 'deeper', 'e.log'), 'a.log']);
    expect(turned).toBe(false);
  });

  it('follows a symlink named explicitly, and reports missing paths without throwing', async () => {
    const missing = join(root, 'missing.log');
    expect(await expand([missing, join(root, 'link.log')])).toEqual([
      { path: missing, code: 'not-found', message: `${missing}: no such file or directory` },
      { path: join(root, 'link.log'), bytes: 12, text: 'alpha|beta' },
    ]);
  });

  it('names UTF-16 text for what it is when it skips it', async () => {
    const path = join(scratch, 'windows.log');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('=== RUN TestA\n', 'utf16le')]),
    );
    expect(await expand([path])).toEqual([
      { path, code: 'binary', message: expect.stringContaining(`${path}: UTF-16 text`) },
    ]);
  });

  it('refuses a socket named on its own, and leaves special files in a folder unread', async () => {
    const dir = join(scratch, 'special');
    await mkdir(dir);
    const socket = join(dir, 'agent.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(await expand([socket])).toEqual([
        { path: socket, code: 'not-a-file', message: `${socket}: not a regular file or directory` },
      ]);
      expect(await expand([dir])).toEqual([
        {
          path: socket,
          code: 'special-file',
          message: `${socket}: not a regular file (a FIFO, socket or device): not read inside a folder`,
        },
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.skipIf(process.platform === 'win32')(
    'reads a named pipe given on its own as a stream, gzip and all',
    async () => {
      const fifo = join(scratch, 'job.pipe');
      execFileSync('mkfifo', [fifo]);
      const writer = writeFile(fifo, gzipSync('one\ntwo\n'));
      expect(await expand([fifo])).toEqual([{ path: fifo, bytes: null, text: 'one|two' }]);
      await writer;
    },
  );

  it('detects gzip and zip by magic bytes, not by extension', async () => {
    const dir = join(scratch, 'no-ext');
    await mkdir(dir);
    await writeFile(join(dir, 'logs'), await buildZip([{ name: 'j.txt', data: 'zipped' }]));
    await writeFile(join(dir, 'plain.gz'), 'not actually gzip');
    await writeFile(join(dir, 'z'), gzipSync('gzipped'));
    expect(await expand([dir])).toEqual([
      { path: `${join(dir, 'logs')}!/j.txt`, bytes: 6, text: 'zipped' },
      { path: join(dir, 'plain.gz'), bytes: 17, text: 'not actually gzip' },
      { path: join(dir, 'z'), bytes: null, text: 'gzipped' },
    ]);
  });

  it('ends a zip bomb with one error item and carries on with the next input', async () => {
    const dir = join(scratch, 'bombs');
    await mkdir(dir);
    await writeFile(
      join(dir, 'bomb.zip'),
      await buildZip([
        { name: 'ok.txt', data: 'fine' },
        { name: 'boom.txt', data: Buffer.alloc(200_000, 0x41) },
        { name: 'after.txt', data: 'not reached' },
      ]),
    );
    await writeFile(join(dir, 'broken.zip'), (await buildZip([{ name: 'a', data: 'a' }])).subarray(0, 40));
    // Larger than one 128 KiB piece of inflated output, so the bomb passes the head sniff.
    await writeFile(join(dir, 'gz-bomb.gz'), gzipSync(Buffer.alloc(1_000_000, 0x42)));
    await writeFile(join(dir, 'z-last.log'), 'still read');
    const seen = await expand([dir], {
      zip: { maxEntryUncompressedBytes: 100_000 },
      maxGunzipBytes: 500_000,
    });
    expect(seen.map((s) => [s.path.slice(dir.length + 1), 'code' in s ? s.code : s.text])).toEqual([
      ['bomb.zip!/ok.txt', 'fine'],
      ['bomb.zip!/boom.txt', 'zip-bomb'],
      ['broken.zip', 'zip-invalid'],
      // A gzip stream's size is only known by inflating it: the cap trips while reading.
      ['gz-bomb.gz', 'read:gzip-bomb'],
      ['z-last.log', 'still read'],
    ]);
  });

  it('stops a gzip bomb inside a zip with the gzip cap', async () => {
    const path = join(scratch, 'gz-in-zip.zip');
    await writeFile(
      path,
      await buildZip([{ name: 'big.log.gz', data: gzipSync(Buffer.alloc(300_000, 0x43)) }]),
    );
    const seen = await expand([path], { maxGunzipBytes: 200_000 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: `${path}!/big.log.gz`, code: 'read:gzip-bomb' });
    expect('message' in seen[0]! && seen[0].message).toBe(
      `${path}!/big.log.gz: decompresses to more than the cap of 200000 bytes`,
    );
  });

  it('throws a cap error from the source iterator, naming the input', async () => {
    const path = join(scratch, 'late-bomb.gz');
    // The first 8 KiB are fine text, so the item is a source; reading it all passes the cap (the
    // cap lies past the first 128 KiB piece of inflated output, which the head sniff reads).
    await writeFile(path, gzipSync(Buffer.alloc(1_000_000, 0x44)));
    const items = expandInputs([path], { maxGunzipBytes: 600_000 });
    const first = (await items.next()).value;
    if (first?.kind !== 'source') throw new Error('expected a source');
    await expect(toArray(first.open())).rejects.toMatchObject({
      code: 'gzip-bomb',
      path,
    });
  });
});

describe('expandInputs with stdin', () => {
  const stdinOf = (...chunks: (string | Buffer)[]) => Readable.from(chunks);

  it('reads "-" from the stream passed in, once', async () => {
    expect(await expand(['-'], { stdin: stdinOf('one\n', Buffer.from('two')) })).toEqual([
      { path: '<stdin>', bytes: null, text: 'one|two' },
    ]);
    const items = expandInputs(['-'], { stdin: stdinOf('x') });
    const item = (await items.next()).value;
    if (item?.kind !== 'source') throw new Error('expected a source');
    expect((await toArray(item.open())).length).toBe(1);
    await expect(toArray(item.open())).rejects.toThrow('<stdin>: stdin can be read only once');
  });

  it('inflates gzip from stdin and refuses zip and binary', async () => {
    const gz = gzipSync('compressed\nstdin\n');
    expect(await expand(['-'], { stdin: stdinOf(gz.subarray(0, 3), gz.subarray(3)) })).toEqual([
      { path: '<stdin>', bytes: null, text: 'compressed|stdin' },
    ]);
    const zip = await buildZip([{ name: 'a.txt', data: 'a' }]);
    expect(await expand(['-'], { stdin: stdinOf(zip) })).toMatchObject([{ code: 'unsupported' }]);
    expect(await expand(['-'], { stdin: stdinOf(Buffer.from([0x41, 0x00])) })).toMatchObject([
      { code: 'binary' },
    ]);
  });

  it('releases the stdin stream when it refuses what it read', async () => {
    let released = 0;
    async function* stdin(...chunks: Buffer[]) {
      try {
        yield* chunks;
      } finally {
        released += 1;
      }
    }
    // Chunks over 8 KiB, so the sniff stops before the stream ends.
    const binary = Buffer.alloc(9000, 0x41).fill(0, 10, 11);
    expect(await expand(['-'], { stdin: stdin(binary, Buffer.alloc(9000, 0x42)) })).toMatchObject([
      { code: 'binary' },
    ]);
    // Incompressible bytes keep the gzip stream long, so it too is still open after the sniff.
    const gz = gzipSync(Buffer.concat([binary, noise(400_000)]));
    const pieces = Array.from({ length: Math.ceil(gz.length / 4096) }, (_, i) =>
      gz.subarray(i * 4096, (i + 1) * 4096),
    );
    expect(await expand(['-'], { stdin: stdin(...pieces) })).toMatchObject([{ code: 'binary' }]);
    expect(released).toBe(2);
  });

  it('reports "-" without a stdin stream, or given twice, as unreadable', async () => {
    expect(await expand(['-'])).toEqual([
      {
        path: '<stdin>',
        code: 'unreadable',
        message: "<stdin>: '-' names stdin, but no stdin stream was provided",
      },
    ]);
    const twice = await expand(['-', '-'], { stdin: stdinOf('once') });
    expect(twice[0]).toEqual({ path: '<stdin>', bytes: null, text: 'once' });
    expect(twice[1]).toMatchObject({
      code: 'unreadable',
      message: "<stdin>: '-' was given twice, and stdin can be read only once",
    });
  });
});
