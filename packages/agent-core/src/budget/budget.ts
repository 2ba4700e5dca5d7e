import { AgentError } from '../agent-error';
import type { Usage } from '../model/index';
import { costOf, type ModelPrice } from './price-table';

/** Limits for one run. Every limit is optional except turns, which defaults to 25. */
export interface Budget {
  /** Model calls, including repair and nudge turns. Default 25. */
  maxTurns?: number;
  /** Cumulative input tokens over all calls (each call re-sends the conversation). */
  maxInputTokens?: number;
  maxOutputTokens?: number;
  /** Cumulative estimated cost; requires a price for the model. */
  maxCostUsd?: number;
  /** Wall-clock deadline (epoch ms or Date), checked with the injected clock. */
  deadline?: number | Date;
}

export type BudgetStopReason = 'max-turns' | 'budget-tokens' | 'budget-dollars' | 'deadline';

export const DEFAULT_MAX_TURNS = 25;

/**
 * Tracks spending and answers "may we make another model call?". Checked BEFORE each call, with
 * an estimate of the next request's input, so a run stops before it overspends rather than after.
 */
export class BudgetTracker {
  readonly usage: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  turns = 0;
  private readonly maxTurns: number;
  private readonly deadlineMs: number | undefined;

  constructor(
    private readonly budget: Budget,
    private readonly price: ModelPrice | undefined,
    private readonly now: () => number,
    modelId: string,
  ) {
    this.maxTurns = budget.maxTurns ?? DEFAULT_MAX_TURNS;
    for (const key of ['maxTurns', 'maxInputTokens', 'maxOutputTokens', 'maxCostUsd'] as const) {
      const value = budget[key];
      if (value !== undefined && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
        throw new AgentError(`budget.${key} must be a finite number >= 0 (got ${String(value)}).`);
      }
    }
    this.deadlineMs = budget.deadline instanceof Date ? budget.deadline.getTime() : budget.deadline;
    if (this.deadlineMs !== undefined && Number.isNaN(this.deadlineMs)) {
      throw new AgentError('budget.deadline is not a valid time.');
    }
    if (budget.maxCostUsd !== undefined && price === undefined) {
      // Failing open here would silently disable the dollar cap.
      throw new AgentError(
        `budget.maxCostUsd is set but model ${JSON.stringify(modelId)} has no price: add it to priceTable.`,
      );
    }
  }

  get costUsd(): number | undefined {
    return this.price ? costOf(this.price, this.usage) : undefined;
  }

  /** Milliseconds until the deadline (undefined when there is none). */
  msUntilDeadline(): number | undefined {
    return this.deadlineMs === undefined ? undefined : this.deadlineMs - this.now();
  }

  /** Why the next call must not happen, or undefined if it may. */
  checkBeforeCall(estimatedInputTokens: number): BudgetStopReason | undefined {
    if (this.turns >= this.maxTurns) return 'max-turns';
    const remaining = this.msUntilDeadline();
    if (remaining !== undefined && remaining <= 0) return 'deadline';
    const { maxInputTokens, maxOutputTokens, maxCostUsd } = this.budget;
    if (maxInputTokens !== undefined && this.usage.inputTokens + estimatedInputTokens > maxInputTokens) {
      return 'budget-tokens';
    }
    if (maxOutputTokens !== undefined && this.usage.outputTokens >= maxOutputTokens) return 'budget-tokens';
    if (maxCostUsd !== undefined && this.price) {
      const next = costOf(this.price, {
        inputTokens: estimatedInputTokens,
        outputTokens: 0,
        cachedInputTokens: 0,
      });
      if ((this.costUsd ?? 0) + next > maxCostUsd) return 'budget-dollars';
    }
    return undefined;
  }

  /** Output tokens the next call may produce, or undefined when output is unlimited. */
  remainingOutputTokens(): number | undefined {
    const max = this.budget.maxOutputTokens;
    return max === undefined ? undefined : Math.max(0, max - this.usage.outputTokens);
  }

  record(usage: Usage): void {
    this.turns += 1;
    this.usage.inputTokens += safeCount(usage.inputTokens);
    this.usage.outputTokens += safeCount(usage.outputTokens);
    this.usage.cachedInputTokens += safeCount(usage.cachedInputTokens);
  }
}

/** Adapters may report NaN or negative counts on odd responses; never let that poison totals. */
function safeCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
