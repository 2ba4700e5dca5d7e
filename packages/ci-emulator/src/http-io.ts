import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorResponse } from './context';

/** Requests bigger than this are refused (413) instead of being buffered. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The whole request body, or undefined when it exceeds the cap (the rest is drained, not kept). */
export function readRequestBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(
  res: ServerResponse,
  response: EmulatorResponse,
  head: boolean,
  truncate: boolean,
): void {
  const headers: Record<string, string> = { ...response.headers };
  let body: Buffer | undefined;
  if (response.json !== undefined) {
    body = Buffer.from(JSON.stringify(response.json));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (response.body !== undefined) {
    body = Buffer.from(response.body);
  }
  if (response.status === 204 || response.status === 304) body = undefined;
  headers['content-length'] = String(body?.length ?? 0);
  res.writeHead(response.status, headers);
  if (head || !body) {
    res.end();
  } else if (truncate) {
    // Promise the whole body, deliver half, then drop the connection: a partial download.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
  } else {
    res.end(body);
  }
}
