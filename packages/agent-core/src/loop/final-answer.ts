import { z } from 'zod';
import type { ToolDefinition } from '../model/index';
import { assertToolName, toInputJsonSchema } from '../tool/define-tool';

/**
 * The only way a run ends successfully: the model calls this tool with arguments that match
 * `schema`. Free text never counts as an answer, so a run cannot "succeed" without one.
 */
export interface FinalTool<T> {
  /** Default `final_answer`. */
  name?: string;
  description: string;
  schema: z.ZodType<T>;
}

export const DEFAULT_FINAL_TOOL_NAME = 'final_answer';

export function defineFinalTool<Schema extends z.ZodType>(tool: {
  name?: string;
  description: string;
  schema: Schema;
}): FinalTool<z.output<Schema>> {
  if (tool.name !== undefined) assertToolName(tool.name);
  return tool as FinalTool<z.output<Schema>>;
}

export function finalToolDefinition(tool: FinalTool<unknown>): ToolDefinition {
  const name = tool.name ?? DEFAULT_FINAL_TOOL_NAME;
  return { name, description: tool.description, inputSchema: toInputJsonSchema(name, tool.schema) };
}

export type FinalValidation<T> = { ok: true; value: T } | { ok: false; message: string };

export function validateFinalAnswer<T>(
  tool: FinalTool<T>,
  definition: ToolDefinition,
  input: unknown,
): FinalValidation<T> {
  const parsed = tool.schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message:
      `Your ${definition.name} arguments are invalid:\n${z.prettifyError(parsed.error)}\n\n` +
      `Call ${definition.name} again with arguments matching this JSON Schema:\n` +
      JSON.stringify(definition.inputSchema),
  };
}
