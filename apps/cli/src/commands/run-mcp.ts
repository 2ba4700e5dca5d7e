import {
  createGitHubClient,
  parseRepo,
  READ_TOOL_NAMES,
  runMcpStdio,
  WRITE_TOOL_NAMES,
} from '@nightshift/github-ops';
import type { CliIo } from '../cli-io';
import { ExitCode, UsageError } from '../exit-codes';
import { VERSION } from '../version';
import type { McpFlags } from './mcp';
import { writeErrorLine } from './write-error-line';

/** `nightshift mcp`: loaded by its action only (see mcp.ts). */
export async function runMcp(flags: McpFlags, io: CliIo): Promise<number> {
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
    // stdout is the protocol: nothing but JSON-RPC may go there. Octokit warnings go to stderr,
    // cleaned and redacted like every other line quoting what a server sent.
    log: { debug: quiet, info: quiet, error: quiet, warn: (m) => writeErrorLine(io, `nightshift: ${m}`) },
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
