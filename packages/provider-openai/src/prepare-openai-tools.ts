import type { ToolChoice, ToolDefinition } from '@nightshift/agent-core';
import type {
  ChatCompletionFunctionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';

export interface PreparedOpenAITools {
  tools?: ChatCompletionFunctionTool[];
  tool_choice?: ChatCompletionToolChoiceOption;
  warnings: string[];
}

/** Maps tool definitions to Chat Completions function tools and the tool choice. */
export function prepareOpenAITools(options: {
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
}): PreparedOpenAITools {
  const warnings: string[] = [];
  const definitions = options.tools ?? [];
  if (definitions.length === 0) {
    // OpenAI rejects tool_choice without tools, so drop it rather than fail the call.
    if (options.toolChoice !== undefined && options.toolChoice !== 'none') {
      warnings.push('toolChoice was ignored because no tools were given');
    }
    return { warnings };
  }

  const tools: ChatCompletionFunctionTool[] = definitions.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: withoutSchemaUri(tool.inputSchema),
    },
  }));

  const choice = options.toolChoice;
  if (choice === undefined) return { tools, warnings };
  if (typeof choice === 'string') return { tools, tool_choice: choice, warnings };
  return { tools, tool_choice: { type: 'function', function: { name: choice.toolName } }, warnings };
}

/** `z.toJSONSchema` adds a `$schema` URI; some compatible servers' grammar converters choke on it. */
function withoutSchemaUri(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
