import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_PRICE_TABLE, findModelPrice, normaliseModelId } from './price-table';

describe('findModelPrice', () => {
  it('finds dated, prefixed and preview ids', () => {
    const cases: [string, string][] = [
      ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
      ['claude-opus-4-1@20250805', 'claude-opus-4-1'],
      ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5'],
      ['models/gemini-2.5-pro', 'gemini-2.5-pro'],
      ['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash'],
      ['gemini-3-pro-preview', 'gemini-3-pro'],
      ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
      ['openai/gpt-5', 'gpt-5'],
    ];
    for (const [id, key] of cases) {
      expect(normaliseModelId(id), id).toBe(key);
      expect(findModelPrice(DEFAULT_PRICE_TABLE, id), id).toBe(DEFAULT_PRICE_TABLE[key]);
    }
  });

  it('does not price an unknown variant as its family (no loose prefix matching)', () => {
    expect(findModelPrice(DEFAULT_PRICE_TABLE, 'gpt-5-pro')).toBeUndefined();
    expect(findModelPrice(DEFAULT_PRICE_TABLE, 'llama3.1:8b')).toBeUndefined();
    expect(findModelPrice(DEFAULT_PRICE_TABLE, 'toString')).toBeUndefined();
  });

  it('lets callers override and extend the table', () => {
    const table = { ...DEFAULT_PRICE_TABLE, 'llama3.1:8b': { inputPerMTok: 0, outputPerMTok: 0 } };
    expect(findModelPrice(table, 'llama3.1:8b')).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
  });

  it('has sane data: positive prices, cached cheaper than fresh input', () => {
    for (const [id, p] of Object.entries(DEFAULT_PRICE_TABLE)) {
      expect(p.inputPerMTok, id).toBeGreaterThan(0);
      expect(p.outputPerMTok, id).toBeGreaterThanOrEqual(p.inputPerMTok);
      expect(p.cachedInputPerMTok ?? 0, id).toBeLessThan(p.inputPerMTok);
    }
  });
});

describe('costOf', () => {
  it('prices fresh input, cached input and output separately', () => {
    const price = { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3 };
    // 1M input of which 400k cached, 100k output
    const cost = costOf(price, { inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 100_000 });
    expect(cost).toBeCloseTo(0.6 * 3 + 0.4 * 0.3 + 0.1 * 15, 10);
  });

  it('uses the input price for cached tokens when no cached price is given, and clamps cached to input', () => {
    expect(
      costOf(
        { inputPerMTok: 2, outputPerMTok: 8 },
        { inputTokens: 500_000, cachedInputTokens: 900_000, outputTokens: 0 },
      ),
    ).toBeCloseTo(1, 10);
  });
});
