import { z } from 'zod';
import { AgentError } from '../agent-error';
import type { ToolDefinition } from '../model/index';
import type { AnyTool, Tool, ToolContext } from './tool';

/** Provider-safe tool names: Anthropic and OpenAI both accept `^[a-zA-Z0-9_-]{1,64}$`. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** Identity helper that infers `Input` from the zod schema, so `run` gets a typed input. */
export function defineTool<Schema extends z.ZodType, Output>(tool: {
  name: string;
  description: string;
  input: Schema;
  inputJsonSchema?: Record<string, unknown>;
  run(input: z.output<Schema>, context: ToolContext): Promise<Output> | Output;
}): Tool<z.output<Schema>, Output> {
  assertToolName(tool.name);
  return tool as Tool<z.output<Schema>, Output>;
}

export function assertToolName(name: string): void {
  if (!TOOL_NAME_PATTERN.test(name)) {
    throw new AgentError(
      `Tool name ${JSON.stringify(name)} is invalid: use 1-64 characters from [a-zA-Z0-9_-].`,
    );
  }
}

/**
 * JSON Schema for a zod schema, as the model should see it. `io: 'input'` describes what the
 * model must send (before transforms/defaults). Providers require an object at the top level.
 */
export function toInputJsonSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  } catch (error) {
    throw new AgentError(
      `Tool ${name}: its input schema cannot be expressed as JSON Schema (${(error as Error).message}).`,
      { cause: error },
    );
  }
  // `$schema` costs tokens on every request and some providers reject unknown keywords.
  delete json.$schema;
  if (json.type !== 'object') {
    throw new AgentError(
      `Tool ${name}: the input schema must be a zod object (got JSON Schema type ${String(json.type)}).`,
    );
  }
  return json;
}

export function toToolDefinition(tool: AnyTool): ToolDefinition {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputJsonSchema ?? toInputJsonSchema(tool.name, tool.input),
  };
}
