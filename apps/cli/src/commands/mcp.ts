import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

export interface McpFlags {
  repos: string;
  write?: boolean;
  apiUrl: string;
}

export function registerMcp(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('mcp')
    .summary("serve Nightshift's GitHub tools to an MCP client over stdio")
    .description(
      'Starts an MCP server on stdin/stdout exposing read tools (issues, files, code search, repository\n' +
        'structure, job logs) limited to --repos; --write adds the write tools (comment, branch, file,\n' +
        'draft pull request, link issues), each checked by the write policy. Tool output is sanitised,\n' +
        'redacted and capped. The token comes from GITHUB_TOKEN (or GH_TOKEN). Runs until stdin closes.\n\n' +
        'Example client config: { "command": "nightshift", "args": ["mcp", "--repos", "o/a,o/b"] }\n\n' +
        'Exit codes: 0 stdin closed, 2 usage error.',
    )
    .requiredOption('--repos <list>', 'comma-separated owner/name repositories the tools may touch')
    .option('--write', 'also register the write tools (default: read-only)')
    .option('--api-url <url>', 'GitHub REST API base URL', 'https://api.github.com')
    .action(async (flags: McpFlags) => {
      const { runMcp } = await import('./run-mcp'); // loaded on use (see program.ts)
      setExit(await runMcp(flags, io));
    });
}
