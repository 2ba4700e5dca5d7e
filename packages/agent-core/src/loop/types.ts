import type { Budget } from '../budget/budget';
import type { PriceTable } from '../budget/price-table';
import type { CompactionOptions } from '../context/compaction';
import type {
  FinishReason,
  LanguageModel,
  Message,
  TextPart,
  ToolCallPart,
  ToolChoice,
  Usage,
} from '../model/index';
import type { RetryOptions } from '../retry/with-retry';
import type { AnyTool } from '../tool/tool';
import type { Transcript } from '../transcript/transcript';
import type { FinalTool } from './final-answer';

export type IncompleteReason =
  | 'max-turns'
  | 'budget-tokens'
  | 'budget-dollars'
  | 'deadline'
  | 'loop-detected'
  | 'final-invalid'
  | 'model-error'
  | 'aborted'
  | 'no-final-answer';

export interface RunAgentOptions<T> {
  model: LanguageModel;
  system?: string;
  /** The conversation so far, usually one user message built with `renderPrompt`. Not mutated. */
  messages: Message[];
  tools?: AnyTool[];
  /** The structured answer that ends the run. */
  finalTool: FinalTool<T>;
  budget?: Budget;
  /** Called after every turn, in order. Exceptions propagate (they are programming errors). */
  onStep?: (step: StepRecord) => void | Promise<void>;
  transcript?: Transcript;
  abortSignal?: AbortSignal;
  /** Retry policy for model calls (with injectable sleep/random). */
  retry?: Omit<RetryOptions, 'signal' | 'maxWaitMs' | 'onRetry'>;
  /** Default `DEFAULT_PRICE_TABLE`; pass your own to override or extend. */
  priceTable?: PriceTable;
  /** Compaction settings; the window defaults to the price table's, else 128k tokens. */
  context?: Partial<CompactionOptions>;
  /** Characters of each tool result the model sees. Default 20,000. */
  toolResultMaxChars?: number;
  /** Tool calls of one turn run concurrently, at most this many at once. Default 8. */
  maxParallelToolCalls?: number;
  /** A tool call running longer than this gets an error result. Default 5 minutes. */
  toolTimeoutMs?: number;
  /** Identical tool calls (same name and arguments) allowed before the run stops. Default 3. */
  maxIdenticalCalls?: number;
  /** Invalid final answers the model may repair. Default 1. */
  finalRepairAttempts?: number;
  /** Per-call output cap passed to the model (further limited by the output-token budget). */
  maxOutputTokens?: number;
  temperature?: number;
  /** Prompt-caching hints; default caches system prompt and tools. */
  cacheHints?: { system?: boolean; tools?: boolean };
  /** Injectable clock (epoch ms). Default `Date.now`. */
  now?: () => number;
}

export interface ToolCallRecord {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** What the model saw (sanitized, redacted, capped). */
  output: string;
  isError: boolean;
  redactions: number;
  truncated: boolean;
  durationMs: number;
}

export interface StepRecord {
  turn: number;
  startedAt: number;
  durationMs: number;
  modelDurationMs: number;
  retries: number;
  request: { messageCount: number; estimatedInputTokens: number; compacted: number; toolChoice: ToolChoice };
  response: {
    content: (TextPart | ToolCallPart)[];
    finishReason: FinishReason;
    warnings: string[];
    responseId?: string;
  };
  toolCalls: ToolCallRecord[];
  usage: Usage;
  costUsd: number | undefined;
  final?: 'accepted' | 'invalid';
}

export interface AgentResult<T> {
  status: 'complete' | 'incomplete';
  /** Why the run is incomplete; absent when complete. */
  reason?: IncompleteReason;
  /** The validated final answer (only when complete). */
  final?: T;
  /** The conversation as the model last saw it (after compaction), plus the last turn. */
  messages: Message[];
  usage: Usage;
  /** Estimated dollars; undefined when the model has no price in the table. */
  costUsd: number | undefined;
  steps: StepRecord[];
  /** Details when the reason is an error (model-error, final-invalid). Redacted. */
  error?: { message: string; statusCode?: number; provider?: string };
  durationMs: number;
}
