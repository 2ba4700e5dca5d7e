import { ZipFile } from 'yazl';

export interface ZipSpec {
  name: string;
  data?: Buffer | string;
  /** Deflate (default) or store. */
  compress?: boolean;
  directory?: boolean;
}

/** Builds a real zip archive in memory with yazl. */
export async function buildZip(entries: ZipSpec[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.directory) zip.addEmptyDirectory(entry.name);
    else zip.addBuffer(Buffer.from(entry.data ?? ''), entry.name, { compress: entry.compress ?? true });
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * Renames an entry by rewriting its name bytes in place (local header and central directory).
 * yazl refuses to write hostile names such as `../x`, so tests build a zip with a harmless name
 * of the same byte length and patch it. Throws if the name is not found exactly twice.
 */
export function patchEntryName(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patchEntryName: names must have the same byte length');
  const out = Buffer.from(zip);
  let hits = 0;
  for (let at = out.indexOf(a); at !== -1; at = out.indexOf(a, at + a.length)) {
    b.copy(out, at);
    hits += 1;
  }
  if (hits !== 2) throw new Error(`patchEntryName: expected 2 copies of ${from}, found ${hits}`);
  return out;
}

/**
 * Rewrites the uncompressed size of every entry (local headers and central directory) to `size`,
 * making headers lie about how much an entry inflates to.
 */
export function patchUncompressedSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) out.writeUInt32LE(size, at + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}
