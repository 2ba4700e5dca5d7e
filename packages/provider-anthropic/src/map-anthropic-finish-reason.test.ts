import { describe, expect, it } from 'vitest';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';

describe('mapAnthropicFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['tool_use', 'tool-calls'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['refusal', 'content-filter'],
    ['pause_turn', 'other'],
    [null, 'other'],
    ['some_future_reason', 'other'],
  ] as const)('%s → %s', (stopReason, expected) => {
    expect(mapAnthropicFinishReason(stopReason)).toBe(expected);
  });
});
