import type { Message } from './message';
import type { ToolChoice, ToolDefinition } from './tool-definition';

export interface GenerateOptions {
  system?: string;
  messages: Message[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  maxOutputTokens?: number;
  temperature?: number;
  abortSignal?: AbortSignal;
  /**
   * Hints for providers that support prompt caching (Anthropic `cache_control`): cache the
   * system prompt and tool definitions. Providers without caching ignore it.
   */
  cacheHints?: { system?: boolean; tools?: boolean };
}
