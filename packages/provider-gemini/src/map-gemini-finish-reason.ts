import type { FinishReason } from '@nightshift/agent-core';

const contentFilter = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'ESCALATION',
  'PUP_LIMITED_DISABLED',
  'MODEL_ARMOR',
]);
const error = new Set([
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'MISSING_THOUGHT_SIGNATURE',
  'MALFORMED_RESPONSE',
]);

/**
 * Maps a candidate's `finishReason`. Gemini reports `STOP` even when the turn ends in function
 * calls, so the presence of calls decides between `stop` and `tool-calls`.
 */
export function mapGeminiFinishReason(reason: string | undefined, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls && (reason === 'STOP' || reason === undefined)) return 'tool-calls';
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && contentFilter.has(reason)) return 'content-filter';
  if (reason !== undefined && error.has(reason)) return 'error';
  // OTHER, LANGUAGE, TOO_MANY_TOOL_CALLS, unspecified, or a reason newer than this adapter.
  return 'other';
}
