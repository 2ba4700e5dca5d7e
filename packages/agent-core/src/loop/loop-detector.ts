import { stableStringify } from '../util/stable-stringify';

export type LoopVerdict =
  /** First time: run it. */
  | { action: 'run' }
  /** Seen before: run it, but tell the model it is repeating itself. */
  | { action: 'warn'; count: number; note: string }
  /** Too many identical calls: stop the run. */
  | { action: 'stop'; count: number };

/**
 * Detects a model stuck repeating the same tool call with the same arguments. Identical means
 * same tool and same arguments after key sorting; a different argument is a new call. Counting
 * is over the whole run (not just consecutive calls) because models often alternate between two
 * calls. With `maxRepeats` 3: the 2nd identical call runs with a warning, the 3rd stops the run.
 */
export class LoopDetector {
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxRepeats = 3) {
    if (!Number.isInteger(maxRepeats) || maxRepeats < 2) {
      throw new RangeError(`maxRepeats must be an integer >= 2 (got ${maxRepeats}).`);
    }
  }

  record(toolName: string, input: unknown): LoopVerdict {
    const key = `${toolName}\u0000${stableStringify(input)}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count >= this.maxRepeats) return { action: 'stop', count };
    if (count > 1) {
      return {
        action: 'warn',
        count,
        note:
          `[Note: this is identical call number ${count} to ${toolName} with the same arguments; the result ` +
          `will not change. Use what you have or try something different: ${this.maxRepeats} identical calls end the run.]`,
      };
    }
    return { action: 'run' };
  }
}
