/** MCP tool results as text for the model. Binary parts are described, not inlined. */
export interface McpCallResult {
  content?: unknown[];
  structuredContent?: unknown;
  /** Protocol 2024-10-07 servers answer with `toolResult` instead of `content`. */
  toolResult?: unknown;
  isError?: boolean;
}

export function mcpResultText(result: McpCallResult): string {
  const parts = (Array.isArray(result.content) ? result.content : []).map(partText);
  if (parts.length === 0 && result.structuredContent !== undefined)
    return JSON.stringify(result.structuredContent);
  if (parts.length === 0 && result.toolResult !== undefined) return JSON.stringify(result.toolResult);
  return parts.join('\n');
}

function partText(part: unknown): string {
  const p = (part ?? {}) as Record<string, unknown>;
  switch (p.type) {
    case 'text':
      return String(p.text ?? '');
    case 'image':
    case 'audio':
      return `[${p.type} (${String(p.mimeType)}, ${String(p.data ?? '').length} base64 characters) omitted]`;
    case 'resource': {
      const r = (p.resource ?? {}) as Record<string, unknown>;
      return typeof r.text === 'string'
        ? `[resource ${String(r.uri)}]\n${r.text}`
        : `[binary resource ${String(r.uri)} omitted]`;
    }
    case 'resource_link':
      return `[resource link ${String(p.uri)}]`;
    default:
      return `[unsupported content type ${JSON.stringify(p.type)}]`;
  }
}
