export { createGitHubMcpServer, type GitHubMcpServerOptions } from './server';
export { type McpStdioOptions, runMcpStdio } from './stdio';
export { DEFAULT_MCP_LIMITS, type McpLimits, RepoNotAllowedError } from './tool-context';
export { ALL_TOOLS, READ_TOOL_NAMES, WRITE_TOOL_NAMES } from './tools/index';
