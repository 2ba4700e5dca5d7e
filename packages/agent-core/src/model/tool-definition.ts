/** A tool as the model sees it: name, description and a JSON Schema for its input. */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12 subset, as produced by `z.toJSONSchema`). */
  inputSchema: Record<string, unknown>;
}

/** `auto`: the model may call tools; `required`: it must call one; `{ toolName }`: that one. */
export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'tool'; toolName: string };
