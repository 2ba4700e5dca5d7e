/** Conversation messages in provider-neutral form. */

export interface TextPart {
  type: 'text';
  text: string;
}

export interface ToolCallPart {
  type: 'tool-call';
  /** Provider-assigned id (Gemini has none: adapters synthesise one). */
  toolCallId: string;
  toolName: string;
  /** Parsed JSON arguments. */
  input: unknown;
}

export interface ToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  /** Text the model sees (already size-capped and redacted by the loop). */
  output: string;
  isError?: boolean;
}

export interface UserMessage {
  role: 'user';
  content: (TextPart | ToolResultPart)[];
}

export interface AssistantMessage {
  role: 'assistant';
  content: (TextPart | ToolCallPart)[];
}

export type Message = UserMessage | AssistantMessage;
