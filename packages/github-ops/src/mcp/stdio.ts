import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createGitHubMcpServer, type GitHubMcpServerOptions } from './server';

export interface McpStdioOptions extends GitHubMcpServerOptions {
  /** The streams to speak JSON-RPC on; the CLI passes process.stdin / process.stdout. */
  stdin: Readable;
  stdout: Writable;
}

/** Serve the GitHub tools over stdio until the input closes. Resolves once connected. */
export async function runMcpStdio(options: McpStdioOptions): Promise<{ close: () => Promise<void> }> {
  const { stdin, stdout, ...serverOptions } = options;
  const server = createGitHubMcpServer(serverOptions);
  const transport = new StdioServerTransport(stdin, stdout);
  await server.connect(transport);
  return { close: () => server.close() };
}
