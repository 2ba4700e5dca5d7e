import { z } from 'zod';
import { searchCode } from '../../contents/code-search';
import { getFileContents } from '../../contents/file-contents';
import { getRepositoryTree, renderTree } from '../../contents/tree';
import { allowedRepo, defineTool } from '../tool-context';
import { repoInput } from './common-input';

const refInput = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .describe('Branch, tag or commit SHA (default branch when omitted)');

export const getFileContentsTool = defineTool({
  name: 'get_file_contents',
  description: 'Read a file (text, with line numbers) or list a directory at a ref.',
  write: false,
  input: {
    ...repoInput,
    path: z.string().max(4096).describe('Path in the repository; "" or "/" for the root directory'),
    ref: refInput,
    start_line: z.number().int().min(1).optional().describe('First line to return (1-based)'),
    end_line: z.number().int().min(1).optional().describe('Last line to return'),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const result = await getFileContents(ctx.octokit, repo, args.path, {
      ...(args.ref ? { ref: args.ref } : {}),
      maxBytes: ctx.limits.maxFileBytes,
    });
    switch (result.type) {
      case 'dir':
        return (
          result.entries
            .map(
              (e) =>
                `${e.type === 'dir' ? `${e.name}/` : e.name}${e.type === 'file' ? ` (${e.size} bytes)` : ''}`,
            )
            .join('\n') || '(empty directory)'
        );
      case 'symlink':
        return `${result.path} is a symbolic link to ${result.target} (not followed)`;
      case 'submodule':
        return `${result.path} is a submodule (${result.url ?? 'unknown url'}) at ${result.sha}`;
    }
    if (result.text === null)
      return `${result.path} is a binary file (${result.size} bytes); contents not shown.`;
    const all = result.text.split('\n');
    const first = args.start_line ?? 1;
    const last = Math.min(args.end_line ?? all.length, all.length);
    const width = String(last).length;
    const body = all.slice(first - 1, last).map((line, i) => `${String(first + i).padStart(width)}  ${line}`);
    return [
      `${result.path} (${result.size} bytes, sha ${result.sha}, lines ${first}-${last} of ${all.length})`,
      ...body,
    ].join('\n');
  },
});

export const searchCodeTool = defineTool({
  name: 'search_code',
  description:
    'Search code in one repository for words (all must appear in a file). Qualifiers such as repo: are ignored; use path/extension instead. Falls back to grep for small repositories when search is rate-limited.',
  write: false,
  input: {
    ...repoInput,
    query: z.string().min(1).max(256),
    path: z.string().max(255).optional(),
    extension: z.string().max(20).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const result = await searchCode(ctx.octokit, repo, args.query, {
      ...(args.path ? { path: args.path } : {}),
      ...(args.extension ? { extension: args.extension } : {}),
      limit: args.limit ?? 20,
    });
    const head = `${result.totalCount} file(s) via ${result.source}${result.incomplete ? ' (incomplete)' : ''}${result.fallbackReason ? ` — ${result.fallbackReason}` : ''}`;
    const lines = [head];
    for (const item of result.items) {
      lines.push(item.path);
      for (const m of item.lines)
        lines.push(`  ${m.no === null ? '' : `${m.no}: `}${m.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    return lines.join('\n');
  },
});

export const getRepositoryStructureTool = defineTool({
  name: 'get_repository_structure',
  description:
    'The directory tree of a repository (or of one directory in it) at a ref, as an indented outline.',
  write: false,
  input: {
    ...repoInput,
    ref: refInput,
    path: z.string().max(4096).optional().describe('Only this directory'),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const tree = await getRepositoryTree(ctx.octokit, repo, args.ref ? { ref: args.ref } : {});
    const rendered = renderTree(tree.entries, {
      maxLines: ctx.limits.maxTreeLines,
      ...(args.path ? { pathPrefix: args.path } : {}),
    });
    const notes: string[] = [];
    if (!tree.complete) notes.push('[tree incomplete: the repository is too large to list fully]');
    if (rendered.truncated) notes.push(`[outline cut at ${ctx.limits.maxTreeLines} lines]`);
    return [`${args.owner}/${args.repo} at ${tree.commitSha}`, rendered.text || '(empty)', ...notes].join(
      '\n',
    );
  },
});
