import type { TextPart, ToolCallPart } from './message';

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

export interface Usage {
  /** All input tokens of the request, INCLUDING `cachedInputTokens` (Vercel AI SDK convention). */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache (0 when unsupported). */
  cachedInputTokens: number;
}

export interface GenerateResult {
  content: (TextPart | ToolCallPart)[];
  finishReason: FinishReason;
  usage: Usage;
  /** Non-fatal notes, e.g. an unsupported option that was ignored. */
  warnings: string[];
  /** Raw provider response id, for transcripts. */
  responseId?: string;
}
