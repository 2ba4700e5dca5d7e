import {
  createGitHubClient,
  parseRepo,
  READ_TOOL_NAMES,
  runMcpStdio,
  WRITE_TOOL_NAMES,
} from '@nightshift/github-ops';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { VERSION } from '../version';

interface McpFlags {
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
      setExit(await runMcp(flags, io));
    });
}

async function runMcp(flags: McpFlags, io: CliIo): Promise<number> {
  const repos = flags.repos
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (repos.length === 0) throw new UsageError('--repos needs at least one owner/name');
  for (const repo of repos) {
    try {
      parseRepo(repo);
    } catch {
      throw new UsageError(`--repos: '${repo}' is not owner/name`);
    }
  }
  if (!/^https?:\/\/[^\s/]+/.test(flags.apiUrl))
    throw new UsageError(`--api-url must be an http(s) URL (got '${flags.apiUrl}')`);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  const quiet = () => {};
  const octokit = createGitHubClient({
    ...(token ? { token } : {}),
    baseUrl: flags.apiUrl.replace(/\/+$/, ''),
    // stdout is the protocol: nothing but JSON-RPC may go there. Octokit warnings go to stderr.
    log: { debug: quiet, info: quiet, error: quiet, warn: (m) => io.stderr.write(`nightshift: ${m}\n`) },
  });
  const server = await runMcpStdio({
    octokit,
    repos,
    write: flags.write ?? false,
    stdin: io.stdin,
    stdout: io.stdout,
    name: 'nightshift',
    version: VERSION,
  });
  const tools = flags.write ? READ_TOOL_NAMES.length + WRITE_TOOL_NAMES.length : READ_TOOL_NAMES.length;
  io.stderr.write(
    `nightshift: MCP server on stdio: ${tools} tools (${flags.write ? 'read + write' : 'read-only'}) for ${repos.join(', ')}` +
      `${token ? '' : '; no GITHUB_TOKEN, so only public data can be read'}\n`,
  );
  await new Promise<void>((done) => {
    if (io.stdin.readableEnded) return done();
    io.stdin.once('end', done);
    io.stdin.once('close', done);
  });
  await server.close();
  return ExitCode.ok;
}
