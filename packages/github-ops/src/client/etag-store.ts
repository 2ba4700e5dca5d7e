/** What the ETag cache keeps for one GET URL. */
export interface EtagEntry {
  etag: string;
  /** Parsed response body as Octokit returned it. */
  data: unknown;
  /** Response headers worth replaying (link for pagination, content-type). */
  headers: Record<string, string>;
  url: string;
}

/**
 * Where ETag entries live. The default is in memory; a caller can plug in anything (a file, the
 * Actions cache) by implementing these three methods — sync or async. Keys include the full URL
 * and Accept header, not the token: use one store per credential.
 */
export interface EtagStore {
  get(key: string): EtagEntry | undefined | Promise<EtagEntry | undefined>;
  set(key: string, entry: EtagEntry): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/**
 * In-memory LRU over a Map (insertion order = recency). Hand-written because it is a dozen lines
 * and the cap semantics (entries AND approximate bytes) are ours to choose.
 */
export class MemoryEtagStore implements EtagStore {
  readonly maxEntries: number;
  readonly maxBytes: number;
  #entries = new Map<string, { entry: EtagEntry; bytes: number }>();
  #bytes = 0;

  constructor(options: { maxEntries?: number; maxBytes?: number } = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): EtagEntry | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.entry;
  }

  set(key: string, entry: EtagEntry, bytes = approximateBytes(entry)): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { entry, bytes });
    this.#bytes += bytes;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const hit = this.#entries.get(key);
    if (!hit) return;
    this.#bytes -= hit.bytes;
    this.#entries.delete(key);
  }
}

function approximateBytes(entry: EtagEntry): number {
  if (typeof entry.data === 'string') return entry.data.length * 2;
  try {
    return (JSON.stringify(entry.data)?.length ?? 0) * 2;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
