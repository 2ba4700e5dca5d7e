import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that speaks whatever wire protocol its queued replies describe. It records
 * every request (method, path, headers, parsed JSON body) so tests can assert exactly what the real
 * SDK sent, and replies with the next queued fixture. Shared by every provider adapter's tests so the
 * real SDKs run against a real socket (no module mocks), with one copy of the plumbing.
 */
export interface RecordedRequest {
  method: string;
  /** Path plus query string, e.g. `/v1/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface WireReply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless it is already a string. */
  body?: unknown;
  /** Never answer: used to test aborts. */
  hang?: boolean;
}

export interface WireServer {
  url: string;
  requests: RecordedRequest[];
  /** Queue replies, answered in order. */
  reply(...replies: WireReply[]): void;
  /** Resolves when the server has received request number `index` (0-based). */
  received(index: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startWireServer(): Promise<WireServer> {
  const requests: RecordedRequest[] = [];
  const queue: WireReply[] = [];
  const waiters = new Map<number, (request: RecordedRequest) => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: keep the raw text so the assertion shows what was sent.
      }
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      waiters.get(requests.length - 1)?.(recorded);
      answer(res, queue.shift());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    received: (index) => {
      const seen = requests[index];
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.set(index, resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, reply: WireReply | undefined): void {
  if (!reply) {
    res.writeHead(418, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'wire-server: no reply queued' } }));
    return;
  }
  if (reply.hang) return;
  const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(payload);
}
