import type { FinishReason } from '@nightshift/agent-core';

/** Maps the Messages API `stop_reason` to the provider-neutral finish reason. */
export function mapAnthropicFinishReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return 'tool-calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      // `pause_turn` (server tools only), null, or a reason newer than this adapter.
      return 'other';
  }
}
