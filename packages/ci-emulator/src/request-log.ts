export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  /** Path and query as received. */
  path: string;
  /** `METHOD /template`, or `METHOD (unmatched)`. */
  route: string;
  /** 0 when the connection was reset before any answer. */
  status: number;
  login?: string;
  /** Which fault was injected, if any. */
  fault?: 'status' | 'latency' | 'truncate' | 'reset';
}

/** Every request except the emulator's own control endpoints, in arrival order. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;

  push(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.#seq, ...entry };
    this.#entries.push(full);
    return full;
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.#entries) counts[entry.route] = (counts[entry.route] ?? 0) + 1;
    return counts;
  }

  clear(): void {
    this.#entries = [];
  }
}
