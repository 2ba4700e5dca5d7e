import { z } from 'zod';

/** owner + repo, as the GitHub MCP server names them. */
export const repoInput = {
  owner: z.string().min(1).max(100).describe('Repository owner (user or organisation)'),
  repo: z.string().min(1).max(100).describe('Repository name'),
};
