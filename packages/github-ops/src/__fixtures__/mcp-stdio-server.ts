// Test fixture: the MCP server on stdio against an emulator.
// Usage: tsx mcp-stdio-server.ts <emulator-url> <token> <owner/repo,...> [--write]
import { createGitHubClient } from '../client/create-client';
import { runMcpStdio } from '../mcp/stdio';

const [url, token, repos, flag] = process.argv.slice(2);
if (!url || !token || !repos) {
  process.stderr.write('usage: mcp-stdio-server.ts <emulator-url> <token> <repos> [--write]\n');
  process.exit(2);
}
const octokit = createGitHubClient({ baseUrl: url, token, retryAfterBaseMs: 1 });
await runMcpStdio({ octokit, repos: repos.split(','), write: flag === '--write', stdin: process.stdin, stdout: process.stdout });
