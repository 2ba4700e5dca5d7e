import type { ToolChoice as AnthropicToolChoice, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ToolChoice, ToolDefinition } from '@nightshift/agent-core';

export interface PreparedAnthropicTools {
  tools?: Tool[];
  tool_choice?: AnthropicToolChoice;
  warnings: string[];
}

/**
 * Maps tool definitions and the tool choice to the Messages API. With `cacheTools`, the last tool
 * carries the cache breakpoint, which caches every tool definition before it as well.
 */
export function prepareAnthropicTools(options: {
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  cacheTools?: boolean;
}): PreparedAnthropicTools {
  const warnings: string[] = [];
  const definitions = options.tools ?? [];
  if (definitions.length === 0) {
    // The API rejects tool_choice without tools, so drop it rather than fail the call.
    if (options.toolChoice !== undefined && options.toolChoice !== 'none') {
      warnings.push('toolChoice was ignored because no tools were given');
    }
    return { warnings };
  }

  const tools: Tool[] = definitions.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: toInputSchema(tool.inputSchema),
  }));
  const last = tools[tools.length - 1];
  if (options.cacheTools && last) last.cache_control = { type: 'ephemeral' };

  const choice = options.toolChoice;
  if (choice === undefined) return { tools, warnings };
  if (choice === 'auto') return { tools, tool_choice: { type: 'auto' }, warnings };
  if (choice === 'none') return { tools, tool_choice: { type: 'none' }, warnings };
  if (choice === 'required') return { tools, tool_choice: { type: 'any' }, warnings };
  return { tools, tool_choice: { type: 'tool', name: choice.toolName }, warnings };
}

/**
 * `z.toJSONSchema` adds a `$schema` URI the API does not need; drop it and keep the rest as is.
 * The API requires an object schema at the top level, which tool inputs always are.
 */
function toInputSchema(schema: Record<string, unknown>): Tool.InputSchema {
  const { $schema: _ignored, ...rest } = schema;
  return { ...rest, type: 'object' };
}
