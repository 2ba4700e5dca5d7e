import type { Message } from '@nightshift/agent-core';
import type {
  ChatCompletionContentPartText,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

export interface OpenAIPrompt {
  messages: ChatCompletionMessageParam[];
  warnings: string[];
}

/**
 * Converts the provider-neutral conversation to Chat Completions messages.
 * - Each tool result becomes a `role: 'tool'` message, placed right after the assistant turn
 *   (before any user text), as the API requires.
 * - Chat Completions has no error flag for tool results, so a failed result's text is prefixed
 *   with `Error: ` to keep the model from reading it as a success.
 * - Tool-call input is re-serialised to the `arguments` JSON string; input that is already a string
 *   (unparsable arguments kept as-is) is sent back unchanged so the model sees what it wrote.
 */
export function convertToOpenAIMessages(options: { system?: string; messages: Message[] }): OpenAIPrompt {
  const warnings: string[] = [];
  const messages: ChatCompletionMessageParam[] = [];
  if (options.system) messages.push({ role: 'system', content: options.system });

  options.messages.forEach((message, index) => {
    if (message.role === 'user') {
      const texts: ChatCompletionContentPartText[] = [];
      let emitted = false;
      for (const part of message.content) {
        if (part.type === 'tool-result') {
          const content = part.isError ? `Error: ${part.output}` : part.output;
          messages.push({ role: 'tool', tool_call_id: part.toolCallId, content });
          emitted = true;
        } else if (part.text !== '') {
          texts.push({ type: 'text', text: part.text });
        }
      }
      const [only] = texts;
      if (texts.length === 1 && only) messages.push({ role: 'user', content: only.text });
      else if (texts.length > 1) messages.push({ role: 'user', content: texts });
      if (!emitted && texts.length === 0) warnings.push(skipped(index, message.role));
      return;
    }

    const text = message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    const toolCalls: ChatCompletionMessageFunctionToolCall[] = [];
    for (const part of message.content) {
      if (part.type !== 'tool-call') continue;
      const args = typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? {});
      toolCalls.push({
        id: part.toolCallId,
        type: 'function',
        function: { name: part.toolName, arguments: args },
      });
    }
    if (text === '' && toolCalls.length === 0) {
      warnings.push(skipped(index, message.role));
      return;
    }
    messages.push({
      role: 'assistant',
      content: text === '' ? null : text,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    });
  });

  return { messages, warnings };
}

function skipped(index: number, role: string): string {
  return `messages[${index}] (${role}) has no non-empty content and was skipped`;
}
