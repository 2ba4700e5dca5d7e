import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { sanitizeUntrusted } from '@nightshift/log-parsing';
import { z } from 'zod';
import type { AnyTool } from '../tool/tool';
import { type McpCallResult, mcpResultText } from './mcp-content';

export interface McpToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

const MAX_DESCRIPTION = 2000;

/**
 * One MCP tool as an agent tool. The server's JSON Schema goes to the model unchanged (minus
 * `$schema`) and is also turned into a zod validator, so bad arguments come back to the model
 * with the schema before any request reaches the server. Descriptions are sanitized and capped:
 * a hostile server could hide instructions in them.
 */
export function mcpToolToAgentTool(
  client: Client,
  info: McpToolInfo,
  name: string,
  timeoutMs: number,
): AnyTool {
  const { $schema: _ignored, ...inputJsonSchema } = info.inputSchema;
  const description = sanitizeUntrusted(info.description ?? info.title ?? `MCP tool ${info.name}`, {
    maxChars: MAX_DESCRIPTION,
  });
  return {
    name,
    description,
    input: toZod(inputJsonSchema),
    inputJsonSchema,
    async run(input, context) {
      const result: McpCallResult = await client.callTool(
        { name: info.name, arguments: (input ?? {}) as Record<string, unknown> },
        undefined,
        { signal: context.abortSignal, timeout: timeoutMs },
      );
      const text = mcpResultText(result);
      // Thrown, so the loop marks the result as an error for the model.
      if (result.isError) throw new Error(text || 'the MCP tool reported an error');
      return text;
    },
  };
}

function toZod(schema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot express: let the server validate (it must anyway).
    return z.record(z.string(), z.unknown());
  }
}
