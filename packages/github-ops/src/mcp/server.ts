import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Octokit } from '@octokit/rest';
import { GitHubError } from '../errors/github-error';
import { PolicyViolationError } from '../errors/policy-violation-error';
import { createWritePolicy } from '../policy/default-policy';
import type { WritePolicy } from '../policy/types';
import { sanitizeToolOutput } from './sanitize';
import { DEFAULT_MCP_LIMITS, type McpLimits, type ToolContext, type ToolDefinition } from './tool-context';
import { ALL_TOOLS } from './tools/index';

export interface GitHubMcpServerOptions {
  octokit: Octokit;
  /** `owner/name` repositories the tools may touch. */
  repos: readonly string[];
  /** Register the write tools too (default false: read-only). Chosen at start, never at run time. */
  write?: boolean;
  /** Write policy for the write tools; default: the default policy with `repos` as the allowlist. */
  policy?: WritePolicy;
  /** Output caps and the link hosts allowed in posted text. */
  limits?: Partial<McpLimits>;
  name?: string;
  version?: string;
}

function errorText(error: unknown): string {
  if (PolicyViolationError.isInstance(error)) {
    return [
      `Refused by the write policy:`,
      ...error.violations.map((v) => `- [${v.rule}] ${v.message}`),
    ].join('\n');
  }
  if (GitHubError.isInstance(error))
    return `GitHub error (${error.kind}${error.isRetryable ? ', retryable' : ''}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * An MCP server exposing github-ops as tools (names and arguments follow the GitHub MCP server).
 * Read tools only see `repos`; write tools also pass the write policy, and with `policy.dryRun`
 * they describe what they would do instead of doing it. Every result is sanitised, redacted and capped.
 */
export function createGitHubMcpServer(options: GitHubMcpServerOptions): McpServer {
  if (options.repos.length === 0) throw new TypeError('createGitHubMcpServer: give at least one repository');
  const limits: McpLimits = { ...DEFAULT_MCP_LIMITS, ...options.limits };
  const ctx: ToolContext = {
    octokit: options.octokit,
    repos: options.repos,
    policy: options.policy ?? createWritePolicy({ repos: options.repos }),
    limits,
  };
  const server = new McpServer({
    name: options.name ?? 'nightshift-github',
    version: options.version ?? '0.1.0',
  });
  for (const tool of ALL_TOOLS as readonly ToolDefinition[]) {
    if (tool.write && !options.write) continue;
    server.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: !tool.write, destructiveHint: false, openWorldHint: true },
      },
      async (args: Record<string, unknown>): Promise<CallToolResult> => {
        try {
          const text = await tool.run(args as never, ctx);
          return { content: [{ type: 'text', text: sanitizeToolOutput(text, limits.maxOutputChars) }] };
        } catch (error) {
          return {
            isError: true,
            content: [{ type: 'text', text: sanitizeToolOutput(errorText(error), limits.maxOutputChars) }],
          };
        }
      },
    );
  }
  return server;
}
