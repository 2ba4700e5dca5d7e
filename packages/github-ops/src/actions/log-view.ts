/** A numbered line, as log-parsing's `readLines` yields it. */
export interface LogLine {
  no: number;
  text: string;
}

export interface LogViewOptions {
  /** Keep the last N lines (default 200). Ignored when `grep` is given. */
  tailLines?: number;
  /**
   * Literal, case-insensitive patterns separated by `|` (e.g. `FAIL|panic:`). Deliberately not a
   * regex: the pattern comes from a model or a user, and a regex would invite ReDoS.
   */
  grep?: string;
  /** Lines of context around each grep match (default 2, max 20). */
  context?: number;
  /** Most grep matches kept (default 200). */
  maxMatches?: number;
}

export interface LogView {
  /** Lines as `<no>: <text>`; gaps between grep windows shown as `…`. */
  lines: string[];
  totalLines: number;
  matches: number;
  /** Matches were dropped (over `maxMatches`) or lines were dropped from the front of the tail. */
  truncated: boolean;
}

/**
 * Tail or grep a streamed log in bounded memory: the tail is a ring of N lines, grep keeps at
 * most `maxMatches` windows. Suitable for 100 MB logs.
 */
export async function viewLog(lines: AsyncIterable<LogLine>, options: LogViewOptions = {}): Promise<LogView> {
  const needles = (options.grep ?? '')
    .split('|')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (needles.length === 0) return tail(lines, Math.max(1, Math.min(options.tailLines ?? 200, 10_000)));
  const context = Math.max(0, Math.min(options.context ?? 2, 20));
  const maxMatches = Math.max(1, options.maxMatches ?? 200);
  const before: LogLine[] = [];
  const kept: LogLine[] = [];
  let lastKept = 0;
  let afterLeft = 0;
  let matches = 0;
  let total = 0;
  let truncated = false;
  for await (const line of lines) {
    total = line.no;
    const lower = line.text.toLowerCase();
    const hit = needles.some((n) => lower.includes(n));
    if (hit && matches < maxMatches) {
      matches++;
      for (const b of before) if (b.no > lastKept) kept.push(b);
      before.length = 0;
      kept.push(line);
      lastKept = line.no;
      afterLeft = context;
      continue;
    }
    if (hit) truncated = true;
    if (afterLeft > 0) {
      kept.push(line);
      lastKept = line.no;
      afterLeft--;
      continue;
    }
    if (context > 0) {
      before.push(line);
      if (before.length > context) before.shift();
    }
  }
  return { lines: render(kept), totalLines: total, matches, truncated };
}

async function tail(lines: AsyncIterable<LogLine>, n: number): Promise<LogView> {
  const ring: LogLine[] = new Array(n);
  let count = 0;
  let total = 0;
  for await (const line of lines) {
    ring[count % n] = line;
    count++;
    total = line.no;
  }
  const kept = count <= n ? ring.slice(0, count) : [...ring.slice(count % n), ...ring.slice(0, count % n)];
  return { lines: render(kept), totalLines: total, matches: 0, truncated: count > n };
}

function render(kept: LogLine[]): string[] {
  const out: string[] = [];
  let previous = 0;
  for (const line of kept) {
    if (previous !== 0 && line.no > previous + 1) out.push('…');
    out.push(`${line.no}: ${line.text}`);
    previous = line.no;
  }
  return out;
}
