import { describe, expect, it } from 'vitest';
import { AgentError } from '../agent-error';
import { BudgetTracker, DEFAULT_MAX_TURNS } from './budget';

const price = { inputPerMTok: 10, outputPerMTok: 30 };
const usage = (inputTokens: number, outputTokens = 0) => ({
  inputTokens,
  outputTokens,
  cachedInputTokens: 0,
});

describe('BudgetTracker', () => {
  it('stops at max turns (default 25)', () => {
    const b = new BudgetTracker({}, undefined, () => 0, 'm');
    for (let i = 0; i < DEFAULT_MAX_TURNS; i++) {
      expect(b.checkBeforeCall(0)).toBeUndefined();
      b.record(usage(1));
    }
    expect(b.checkBeforeCall(0)).toBe('max-turns');
  });

  it('stops BEFORE a call whose estimated input would exceed the input budget', () => {
    const b = new BudgetTracker({ maxInputTokens: 1000 }, undefined, () => 0, 'm');
    b.record(usage(700));
    expect(b.checkBeforeCall(300)).toBeUndefined();
    expect(b.checkBeforeCall(301)).toBe('budget-tokens');
  });

  it('stops when output tokens are spent and reports what is left', () => {
    const b = new BudgetTracker({ maxOutputTokens: 100 }, undefined, () => 0, 'm');
    b.record(usage(0, 60));
    expect(b.remainingOutputTokens()).toBe(40);
    b.record(usage(0, 40));
    expect(b.checkBeforeCall(0)).toBe('budget-tokens');
  });

  it('stops on dollars using the price table, including the next call estimate', () => {
    const b = new BudgetTracker({ maxCostUsd: 0.02 }, price, () => 0, 'm');
    b.record(usage(1000, 100)); // 0.01 + 0.003
    expect(b.costUsd).toBeCloseTo(0.013, 10);
    expect(b.checkBeforeCall(500)).toBeUndefined(); // +0.005
    expect(b.checkBeforeCall(800)).toBe('budget-dollars'); // +0.008
  });

  it('stops at the deadline with the injected clock, accepting a Date', () => {
    let now = 1000;
    const b = new BudgetTracker({ deadline: new Date(5000) }, undefined, () => now, 'm');
    expect(b.checkBeforeCall(0)).toBeUndefined();
    expect(b.msUntilDeadline()).toBe(4000);
    now = 5000;
    expect(b.checkBeforeCall(0)).toBe('deadline');
  });

  it('refuses a dollar budget it cannot enforce, and invalid limits', () => {
    expect(() => new BudgetTracker({ maxCostUsd: 1 }, undefined, () => 0, 'llama3')).toThrow(
      /llama3.*priceTable/,
    );
    expect(() => new BudgetTracker({ maxTurns: -1 }, undefined, () => 0, 'm')).toThrow(AgentError);
    expect(() => new BudgetTracker({ maxInputTokens: Number.NaN }, undefined, () => 0, 'm')).toThrow(
      /maxInputTokens/,
    );
    expect(() => new BudgetTracker({ deadline: Number.NaN }, undefined, () => 0, 'm')).toThrow(/deadline/);
  });

  it('ignores garbage counts from an adapter instead of poisoning totals', () => {
    const b = new BudgetTracker({}, undefined, () => 0, 'm');
    b.record({ inputTokens: Number.NaN, outputTokens: -5, cachedInputTokens: 3.7 });
    expect(b.usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 3 });
    expect(b.turns).toBe(1);
  });
});
