import { FunctionCallingConfigMode, type Tool, type ToolConfig } from '@google/genai';
import type { ToolChoice, ToolDefinition } from '@nightshift/agent-core';

export interface PreparedGeminiTools {
  tools?: Tool[];
  toolConfig?: ToolConfig;
  warnings: string[];
}

/**
 * Maps tool definitions to one `functionDeclarations` tool. Schemas go in `parametersJsonSchema`,
 * which takes JSON Schema as is (the older `parameters` field wants Google's OpenAPI subset).
 */
export function prepareGeminiTools(options: {
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
}): PreparedGeminiTools {
  const warnings: string[] = [];
  const definitions = options.tools ?? [];
  if (definitions.length === 0) {
    if (options.toolChoice !== undefined && options.toolChoice !== 'none') {
      warnings.push('toolChoice was ignored because no tools were given');
    }
    return { warnings };
  }

  const tools: Tool[] = [
    {
      functionDeclarations: definitions.map((tool) => ({
        name: tool.name,
        description: tool.description,
        parametersJsonSchema: withoutSchemaUri(tool.inputSchema),
      })),
    },
  ];

  const choice = options.toolChoice;
  if (choice === undefined) return { tools, warnings };
  const config = (mode: FunctionCallingConfigMode, allowedFunctionNames?: string[]): ToolConfig => ({
    functionCallingConfig: { mode, ...(allowedFunctionNames ? { allowedFunctionNames } : {}) },
  });
  if (choice === 'auto') return { tools, toolConfig: config(FunctionCallingConfigMode.AUTO), warnings };
  if (choice === 'none') return { tools, toolConfig: config(FunctionCallingConfigMode.NONE), warnings };
  if (choice === 'required') return { tools, toolConfig: config(FunctionCallingConfigMode.ANY), warnings };
  return { tools, toolConfig: config(FunctionCallingConfigMode.ANY, [choice.toolName]), warnings };
}

/** `z.toJSONSchema` adds a `$schema` URI the API does not need. */
function withoutSchemaUri(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
