import type { Content, Part } from '@google/genai';
import type { Message, ToolResultPart } from '@nightshift/agent-core';

export interface GeminiPrompt {
  systemInstruction?: string;
  contents: Content[];
  warnings: string[];
}

/**
 * Converts the provider-neutral conversation to Gemini `contents`.
 * - Gemini has no tool-call ids: a `functionResponse` is matched to its `functionCall` by name and
 *   position, so the results of a turn are sent in the order of the calls they answer.
 * - Results use Gemini's documented convention: `{ output }` on success, `{ error }` on failure.
 * - `thoughtSignatures` (toolCallId → signature) puts back the signatures Gemini attached to its
 *   function calls; thinking models reject a function-call history that lost them.
 */
export function convertToGeminiMessages(options: {
  system?: string;
  messages: Message[];
  thoughtSignatures?: ReadonlyMap<string, string>;
}): GeminiPrompt {
  const warnings: string[] = [];
  const contents: Content[] = [];
  let callOrder = new Map<string, number>();

  options.messages.forEach((message, index) => {
    let parts: Part[];
    if (message.role === 'user') {
      parts = userParts(message.content, callOrder);
    } else {
      callOrder = new Map();
      parts = [];
      for (const part of message.content) {
        if (part.type === 'text') {
          if (part.text !== '') parts.push({ text: part.text });
          continue;
        }
        callOrder.set(part.toolCallId, callOrder.size);
        const args = isRecord(part.input) ? part.input : {};
        if (!isRecord(part.input)) {
          warnings.push(`messages[${index}] tool call ${part.toolCallId} had non-object input; sent as {}`);
        }
        const signature = options.thoughtSignatures?.get(part.toolCallId);
        parts.push({
          functionCall: { name: part.toolName, args },
          ...(signature === undefined ? {} : { thoughtSignature: signature }),
        });
      }
    }
    if (parts.length === 0) {
      warnings.push(`messages[${index}] (${message.role}) has no non-empty content and was skipped`);
      return;
    }
    contents.push({ role: message.role === 'user' ? 'user' : 'model', parts });
  });

  const systemInstruction = options.system === '' ? undefined : options.system;
  return { ...(systemInstruction === undefined ? {} : { systemInstruction }), contents, warnings };
}

function userParts(
  content: Extract<Message, { role: 'user' }>['content'],
  callOrder: Map<string, number>,
): Part[] {
  const results = content.filter((part): part is ToolResultPart => part.type === 'tool-result');
  // Stable sort by the position of the call each result answers; unknown ids keep their place at the end.
  const position = (part: ToolResultPart) => callOrder.get(part.toolCallId) ?? Number.MAX_SAFE_INTEGER;
  const ordered = results
    .map((part, i) => ({ part, i }))
    .sort((a, b) => position(a.part) - position(b.part) || a.i - b.i)
    .map(({ part }) => part);

  const parts: Part[] = ordered.map((part) => ({
    functionResponse: {
      name: part.toolName,
      response: part.isError ? { error: part.output } : { output: part.output },
    },
  }));
  for (const part of content) {
    if (part.type === 'text' && part.text !== '') parts.push({ text: part.text });
  }
  return parts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
