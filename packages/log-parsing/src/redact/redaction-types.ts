/** How many secrets of one kind were replaced. Never carries the secret itself. */
export interface RedactionFinding {
  kind: string;
  count: number;
}

export interface RedactionResult {
  text: string;
  findings: RedactionFinding[];
}

/** Accumulates per-kind counts; shared by the one-shot, line and chunk redactors. */
export class FindingCounter {
  private readonly counts = new Map<string, number>();

  add(kind: string, count = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
  }

  merge(findings: readonly RedactionFinding[]): void {
    for (const f of findings) this.add(f.kind, f.count);
  }

  /** Sorted by kind so output is deterministic. */
  list(): RedactionFinding[] {
    return [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([kind, count]) => ({ kind, count }));
  }
}

/** The replacement written in place of a secret. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}
