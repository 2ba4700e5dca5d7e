import type { Message, ToolDefinition } from '../model/index';

/**
 * Rough token count: ~4 characters per token for English and code, the usual rule of thumb.
 * Deliberately provider-neutral and dependency-free; it only decides when to compact and when a
 * budget is about to run out, and real counts from the provider replace it after each call.
 */
export function estimateTokens(parts: {
  system?: string | undefined;
  messages: readonly Message[];
  tools?: readonly ToolDefinition[];
}): number {
  let chars = parts.system?.length ?? 0;
  for (const message of parts.messages) chars += messageChars(message);
  for (const tool of parts.tools ?? []) {
    chars += tool.name.length + tool.description.length + JSON.stringify(tool.inputSchema).length;
  }
  return Math.ceil(chars / 4);
}

export function messageChars(message: Message): number {
  let chars = 8;
  for (const part of message.content) {
    if (part.type === 'text') chars += part.text.length;
    else if (part.type === 'tool-result') chars += part.output.length + part.toolName.length + 16;
    else chars += part.toolName.length + (JSON.stringify(part.input)?.length ?? 0) + 16;
  }
  return chars;
}
