// Entry point for the github-ops stdio bridge test:
// `node --conditions=@nightshift/source --import tsx github-mcp-stdio.ts <githubApiUrl> <owner/repo>`
import { createGitHubClient, runMcpStdio } from '@nightshift/github-ops';

const [apiUrl, repo] = process.argv.slice(2);
if (!apiUrl || !repo) throw new Error('usage: github-mcp-stdio.ts <githubApiUrl> <owner/repo>');
const octokit = createGitHubClient({ baseUrl: apiUrl, token: 'emulator-token', retryAfterBaseMs: 1 });
await runMcpStdio({ octokit, repos: [repo], stdin: process.stdin, stdout: process.stdout });
