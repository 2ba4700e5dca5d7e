import type { FinishReason } from '@nightshift/agent-core';

/**
 * Maps `finish_reason`. Some compatible servers (older Ollama versions among them) say `stop` for a
 * turn that ends in tool calls, so the presence of calls decides between `stop` and `tool-calls`.
 */
export function mapOpenAIFinishReason(
  reason: string | null | undefined,
  hasToolCalls: boolean,
): FinishReason {
  switch (reason) {
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'stop':
      return hasToolCalls ? 'tool-calls' : 'stop';
    default:
      return hasToolCalls ? 'tool-calls' : 'other';
  }
}
