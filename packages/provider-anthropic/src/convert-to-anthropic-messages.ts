import type {
  ContentBlockParam,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { Message } from '@nightshift/agent-core';

export interface AnthropicPrompt {
  system?: string | TextBlockParam[];
  messages: MessageParam[];
  warnings: string[];
}

/**
 * Converts the provider-neutral conversation to Messages API form.
 * - The system prompt becomes a cached text block when `cacheSystem` is set.
 * - Tool results go into the user message as `tool_result` blocks, placed before any text:
 *   the API rejects a user turn whose tool results do not come first.
 * - Empty text blocks are dropped (the API rejects them); a message left empty is skipped with a
 *   warning rather than failing the whole call.
 */
export function convertToAnthropicMessages(options: {
  system?: string;
  messages: Message[];
  cacheSystem?: boolean;
}): AnthropicPrompt {
  const warnings: string[] = [];
  const messages: MessageParam[] = [];

  options.messages.forEach((message, index) => {
    const content = message.role === 'user' ? userBlocks(message) : assistantBlocks(message, index, warnings);
    if (content.length === 0) {
      warnings.push(`messages[${index}] (${message.role}) has no non-empty content and was skipped`);
      return;
    }
    messages.push({ role: message.role, content });
  });

  return { system: convertSystem(options.system, options.cacheSystem), messages, warnings };
}

function convertSystem(system: string | undefined, cache: boolean | undefined): AnthropicPrompt['system'] {
  if (system === undefined || system === '') return undefined;
  if (!cache) return system;
  return [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }];
}

function userBlocks(message: Extract<Message, { role: 'user' }>): ContentBlockParam[] {
  const results: ToolResultBlockParam[] = [];
  const texts: TextBlockParam[] = [];
  for (const part of message.content) {
    if (part.type === 'tool-result') {
      results.push({
        type: 'tool_result',
        tool_use_id: part.toolCallId,
        content: part.output,
        ...(part.isError ? { is_error: true } : {}),
      });
    } else if (part.text !== '') {
      texts.push({ type: 'text', text: part.text });
    }
  }
  return [...results, ...texts];
}

function assistantBlocks(
  message: Extract<Message, { role: 'assistant' }>,
  index: number,
  warnings: string[],
): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = [];
  for (const part of message.content) {
    if (part.type === 'text') {
      if (part.text !== '') blocks.push({ type: 'text', text: part.text });
      continue;
    }
    let input = part.input;
    if (!isRecord(input)) {
      // tool_use.input must be an object; a non-object (e.g. unparsable arguments recorded by
      // another provider) is replaced so the conversation can still be sent.
      warnings.push(`messages[${index}] tool call ${part.toolCallId} had non-object input; sent as {}`);
      input = {};
    }
    blocks.push({ type: 'tool_use', id: part.toolCallId, name: part.toolName, input });
  }
  return blocks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
