import type { InputAnalysis } from './analyze-input';
import { isStructuredFormat } from './build-failures';

const RELEASED = { text: '', tokens: 0, ranges: [] as [number, number][] };

/**
 * Which input's excerpt the result shows: logs explain failures better than reports; among them,
 * the one with the strongest evidence. Whether anything failed is known only once every input is
 * read, so the best input is kept for both answers, and every other input's excerpt is released as
 * soon as it is beaten: a folder of thousands of inputs then holds two excerpts, not thousands
 * (each is up to ~8 KB of text; 7,890 inputs kept ~80 MB of them).
 */
export class ExcerptChoice {
  /** Best input if nothing failed [0], if something failed [1]. */
  private readonly best: [InputAnalysis | undefined, InputAnalysis | undefined] = [undefined, undefined];

  offer(a: InputAnalysis): void {
    if (a.lines === 0) return;
    const beaten: InputAnalysis[] = [];
    let kept = false;
    for (const failed of [0, 1] as const) {
      const current = this.best[failed];
      // Strictly better only: among equals the first input stays, as a stable sort kept it.
      if (current === undefined || compare(rank(a, failed === 1), rank(current, failed === 1)) < 0) {
        if (current !== undefined) beaten.push(current);
        this.best[failed] = a;
        kept = true;
      }
    }
    if (!kept) beaten.push(a);
    for (const b of beaten) if (b !== this.best[0] && b !== this.best[1]) b.excerpt = RELEASED;
  }

  pick(failed: boolean): InputAnalysis | undefined {
    return this.best[failed ? 1 : 0];
  }
}

function rank(a: InputAnalysis, failed: boolean): number[] {
  const marked = Number.isFinite(a.bestMark);
  const explains = a.report.tests.some((t) => t.state === 'failed') || a.report.jobFailures.length > 0;
  return [
    marked ? 0 : 1,
    failed && !explains ? 1 : 0,
    isStructuredFormat(a.format) ? 1 : 0,
    marked ? a.bestMark : 0,
  ];
}

function compare(x: number[], y: number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i]! !== y[i]!) return x[i]! - y[i]!;
  return 0;
}
