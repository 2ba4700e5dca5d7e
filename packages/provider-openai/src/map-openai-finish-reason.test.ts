import { describe, expect, it } from 'vitest';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';

describe('mapOpenAIFinishReason', () => {
  it.each([
    ['stop', false, 'stop'],
    ['stop', true, 'tool-calls'],
    ['tool_calls', true, 'tool-calls'],
    ['function_call', true, 'tool-calls'],
    ['length', true, 'length'],
    ['content_filter', false, 'content-filter'],
    [null, false, 'other'],
    [null, true, 'tool-calls'],
    ['eos', false, 'other'],
  ] as const)('%s (calls: %s) → %s', (reason, hasCalls, expected) => {
    expect(mapOpenAIFinishReason(reason, hasCalls)).toBe(expected);
  });
});
