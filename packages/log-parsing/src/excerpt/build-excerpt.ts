/** One-shot form of the excerpt builder, for small inputs already in memory. */
import type { LogLine } from '../types';
import { createExcerptBuilder, type Excerpt } from './excerpt-builder';
import type { ExcerptOptions } from './excerpt-options';

export interface ExcerptMark {
  line: number;
  priority: number;
}

/** Lines must be in increasing `no` order; marks may be in any order (unknown lines are ignored). */
export function buildExcerpt(
  lines: readonly LogLine[],
  marks: readonly ExcerptMark[],
  options: ExcerptOptions = {},
): Excerpt {
  const byLine = new Map<number, number>();
  for (const m of marks) {
    const p = byLine.get(m.line);
    byLine.set(m.line, p === undefined ? m.priority : Math.min(p, m.priority));
  }
  const builder = createExcerptBuilder(options);
  for (const line of lines) {
    builder.push(line);
    const p = byLine.get(line.no);
    if (p !== undefined) builder.mark(line.no, p);
  }
  return builder.finish();
}
