import type { Octokit } from '@octokit/rest';
import type { z } from 'zod';
import { parseRepo, type RepoRef } from '../client/repo-ref';
import type { WritePolicy } from '../policy/types';

/** Everything a tool needs; built once per server. */
export interface ToolContext {
  octokit: Octokit;
  /** Repositories the read tools may read (`owner/name`, case-insensitive). */
  repos: readonly string[];
  /** Policy every write tool passes. */
  policy: WritePolicy;
  limits: McpLimits;
}

export interface McpLimits {
  /** Cap on the text of one tool result (default 60,000 characters). */
  maxOutputChars: number;
  /** Cap on file bytes returned by get_file_contents (default 512 KiB). */
  maxFileBytes: number;
  /** Lines of a repository structure (default 2,000). */
  maxTreeLines: number;
  /** Hosts whose links may stay live in text posted to GitHub (default github.com). */
  allowedLinkHosts: readonly string[];
}

export const DEFAULT_MCP_LIMITS: McpLimits = {
  maxOutputChars: 60_000,
  maxFileBytes: 512 * 1024,
  maxTreeLines: 2000,
  allowedLinkHosts: ['github.com'],
};

export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  description: string;
  /** Write tools are only registered when the server starts with `write: true`. */
  write: boolean;
  input: Shape;
  run(args: z.infer<z.ZodObject<Shape>>, ctx: ToolContext): Promise<string>;
}

/** Identity helper that keeps the argument type of `run` tied to the input shape. */
export function defineTool<Shape extends z.ZodRawShape>(tool: ToolDefinition<Shape>): ToolDefinition<Shape> {
  return tool;
}

/** A tool asked for a repository outside the configured set. */
export class RepoNotAllowedError extends Error {
  readonly isRetryable = false;
  constructor(repo: string) {
    super(`repository ${repo} is not one of the repositories this server was started with`);
    this.name = 'RepoNotAllowedError';
  }
}

/** Check a tool's owner/repo against the configured repositories. */
export function allowedRepo(ctx: ToolContext, owner: string, repo: string): RepoRef {
  const ref = parseRepo(`${owner}/${repo}`);
  const wanted = `${ref.owner}/${ref.repo}`.toLowerCase();
  if (!ctx.repos.some((r) => r.toLowerCase() === wanted)) throw new RepoNotAllowedError(`${owner}/${repo}`);
  return ref;
}
