import { ZipFile } from 'yazl';

/** Builds a zip in memory. Entries are written in the given order with a fixed mtime so bytes are stable. */
export function buildZip(
  entries: Record<string, string | Uint8Array>,
  mtime = new Date('2024-01-01T00:00:00Z'),
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(Buffer.from(content), name, { mtime });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
