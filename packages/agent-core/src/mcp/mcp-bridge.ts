import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { redactSecrets, sanitizeText } from '@nightshift/log-parsing';
import { AgentError } from '../agent-error';
import { TOOL_NAME_PATTERN } from '../tool/define-tool';
import type { AnyTool } from '../tool/tool';
import { type McpToolInfo, mcpToolToAgentTool } from './mcp-tool';

export type McpServerConnection =
  /** Spawns the server. Without `env`, the SDK passes only a safe default set (PATH, HOME, …). */
  | { type: 'stdio'; command: string; args?: string[]; env?: Record<string, string>; cwd?: string }
  | { type: 'http'; url: string | URL; headers?: Record<string, string> }
  /** An already-built transport, e.g. one end of `InMemoryTransport.createLinkedPair()`. */
  | { type: 'transport'; transport: Transport };

export interface McpBridgeOptions {
  server: McpServerConnection;
  /** Prepended to every tool name, e.g. `gh_` → `gh_get_issue`; keeps servers apart. */
  prefix: string;
  /** Server tool names (without prefix) the agent may call. `'*'` must be said explicitly. */
  allow: readonly string[] | '*';
  clientInfo?: { name: string; version: string };
  /** Per-call timeout. Default 60 s. */
  callTimeoutMs?: number;
}

export interface McpBridge {
  tools: AnyTool[];
  /** Allowlisted names the server does not offer (probably a typo in configuration). */
  missing: string[];
  /** Server tools not exposed: not allowlisted, or a name providers would reject. */
  skipped: string[];
  serverInfo: { name: string; version: string } | undefined;
  /** Last 8 KB of the server's stderr (stdio only), sanitized and redacted. */
  stderr(): string;
  close(): Promise<void>;
}

const MAX_PAGES = 50;

/**
 * Connects to an MCP server, lists its tools and exposes the allowlisted ones as agent tools.
 * The agent loop then caps, sanitizes and redacts their results like any other tool's.
 */
export async function connectMcpServer(options: McpBridgeOptions): Promise<McpBridge> {
  if (!/^[a-zA-Z0-9_-]{0,32}$/.test(options.prefix)) {
    throw new AgentError(
      `MCP prefix ${JSON.stringify(options.prefix)} must be 0-32 characters from [a-zA-Z0-9_-].`,
    );
  }
  let stderrTail = '';
  const transport = buildTransport(options.server, (chunk) => {
    stderrTail = (stderrTail + chunk).slice(-8192);
  });
  const stderr = () => redactSecrets(sanitizeText(stderrTail)).text;
  const client = new Client(options.clientInfo ?? { name: 'nightshift-agent-core', version: '0.1.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close().catch(() => undefined);
    const tail = stderr();
    throw new AgentError(
      `Cannot connect to MCP server (${describe(options.server)}): ${(error as Error).message}` +
        (tail ? `\nServer stderr:\n${tail}` : ''),
      { cause: error },
    );
  }

  try {
    const listed: McpToolInfo[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.listTools(cursor === undefined ? {} : { cursor });
      listed.push(...(res.tools as McpToolInfo[]));
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    const allowed = (name: string) => options.allow === '*' || options.allow.includes(name);
    const tools: AnyTool[] = [];
    const skipped: string[] = [];
    for (const info of listed) {
      const name = `${options.prefix}${info.name}`;
      if (!allowed(info.name) || !TOOL_NAME_PATTERN.test(name)) {
        skipped.push(info.name);
        continue;
      }
      tools.push(mcpToolToAgentTool(client, info, name, options.callTimeoutMs ?? 60_000));
    }
    const offered = new Set(listed.map((t) => t.name));
    const missing = options.allow === '*' ? [] : options.allow.filter((n) => !offered.has(n));
    const version = client.getServerVersion();
    return {
      tools,
      missing,
      skipped,
      serverInfo: version ? { name: version.name, version: version.version } : undefined,
      stderr,
      close: () => client.close(),
    };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new AgentError(
      `MCP server (${describe(options.server)}) failed while listing tools: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function buildTransport(server: McpServerConnection, onStderr: (chunk: string) => void): Transport {
  switch (server.type) {
    case 'transport':
      return server.transport;
    case 'http':
      return new StreamableHTTPClientTransport(new URL(server.url), {
        ...(server.headers ? { requestInit: { headers: server.headers } } : {}),
      });
    case 'stdio': {
      const transport = new StdioClientTransport({
        command: server.command,
        ...(server.args ? { args: server.args } : {}),
        ...(server.env ? { env: server.env } : {}),
        ...(server.cwd ? { cwd: server.cwd } : {}),
        // Piped, not inherited: a server's stderr may hold secrets, and we show it only redacted.
        stderr: 'pipe',
      });
      transport.stderr?.on('data', (chunk: Buffer | string) => onStderr(chunk.toString()));
      return transport;
    }
  }
}

/** For error messages: never includes env values or headers (they may hold tokens). */
function describe(server: McpServerConnection): string {
  if (server.type === 'stdio') return `stdio: ${server.command}`;
  if (server.type === 'http') {
    const url = new URL(server.url);
    return `http: ${url.origin}${url.pathname}`;
  }
  return 'custom transport';
}
