import { Octokit } from '@octokit/rest';
import { afterEach } from 'vitest';
import yauzl from 'yauzl';
import { type Emulator, type StartEmulatorOptions, startEmulator } from './server';

/** Starts an emulator that is closed after the current test. */
export function useEmulator(): (options?: StartEmulatorOptions) => Promise<Emulator> {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = await startEmulator(options);
    running.push(emulator);
    return emulator;
  };
}

export function octokitFor(emulator: Emulator, token = 'test-token'): Octokit {
  return new Octokit({ baseUrl: emulator.githubApiUrl, auth: token, log: silentLog });
}

const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A fixed clock the tests can move forward. */
export function fixedClock(start = '2024-05-01T12:00:00Z'): {
  now: () => Date;
  advance(seconds: number): void;
} {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
  };
}

/** Reads every entry of a zip (test-side, with yauzl, independent of the yazl writer). */
export function unzip(data: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out: Record<string, string> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            out[entry.fileName] = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** `response.json()` typed for assertions (Node's fetch types it as unknown). */
export async function readJson<T = { message: string }>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
