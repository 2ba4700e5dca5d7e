import { describe, expect, it } from 'vitest';
import { mapGeminiFinishReason } from './map-gemini-finish-reason';

describe('mapGeminiFinishReason', () => {
  it.each([
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool-calls'],
    [undefined, true, 'tool-calls'],
    ['MAX_TOKENS', true, 'length'],
    ['SAFETY', false, 'content-filter'],
    ['RECITATION', false, 'content-filter'],
    ['PROHIBITED_CONTENT', false, 'content-filter'],
    ['SPII', false, 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'error'],
    ['MISSING_THOUGHT_SIGNATURE', false, 'error'],
    ['OTHER', false, 'other'],
    ['FINISH_REASON_UNSPECIFIED', false, 'other'],
    [undefined, false, 'other'],
    ['SOMETHING_NEW', false, 'other'],
  ] as const)('%s (calls: %s) → %s', (reason, hasCalls, expected) => {
    expect(mapGeminiFinishReason(reason, hasCalls)).toBe(expected);
  });
});
