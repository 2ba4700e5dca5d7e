import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { GitHubError, TooLargeError } from '../errors/github-error';
import { contentAsText } from '../policy/check-content';

/** Default cap on file bytes read (the Contents API inlines at most 1 MB anyway). */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type FileContents =
  | {
      type: 'file';
      path: string;
      sha: string;
      size: number;
      /** UTF-8 text, or null when the file is binary (NUL byte or invalid UTF-8). */
      text: string | null;
      binary: boolean;
      /** Raw bytes (also for text). */
      bytes: Buffer;
    }
  | {
      type: 'dir';
      path: string;
      entries: { name: string; path: string; type: string; size: number; sha: string }[];
    }
  | { type: 'symlink'; path: string; sha: string; target: string }
  | { type: 'submodule'; path: string; sha: string; url: string | null };

interface ContentItem {
  type: string;
  name: string;
  path: string;
  sha: string;
  size: number;
  content?: string;
  encoding?: string;
  target?: string;
  submodule_git_url?: string;
}

/**
 * A file (decoded, binary-detected, size-capped), a directory listing, a symlink or a submodule.
 * Files over 1 MB come back from the Contents API without content; they are read through the
 * blobs API when within `maxBytes`. Over the cap → `TooLargeError` before any content is fetched.
 */
export async function getFileContents(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  options: { ref?: string; maxBytes?: number } = {},
): Promise<FileContents> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { data } = await octokit.rest.repos.getContent({
    ...repo,
    path: path.replace(/^\/+/, ''),
    ...(options.ref ? { ref: options.ref } : {}),
  });
  if (Array.isArray(data)) {
    return {
      type: 'dir',
      path,
      entries: (data as ContentItem[]).map((e) => ({
        name: e.name,
        path: e.path,
        type: e.type,
        size: e.size,
        sha: e.sha,
      })),
    };
  }
  const item = data as ContentItem;
  if (item.type === 'symlink')
    return { type: 'symlink', path: item.path, sha: item.sha, target: item.target ?? '' };
  if (item.type === 'submodule')
    return { type: 'submodule', path: item.path, sha: item.sha, url: item.submodule_git_url ?? null };
  if (item.type !== 'file') {
    throw new GitHubError(
      'unknown',
      `${repo.owner}/${repo.repo}:${path}: unexpected content type ${JSON.stringify(item.type)}`,
    );
  }
  if (item.size > maxBytes) {
    throw new TooLargeError(
      `${repo.owner}/${repo.repo}:${path} is ${item.size} bytes, over the ${maxBytes}-byte cap`,
      maxBytes,
      item.size,
    );
  }
  let bytes: Buffer;
  if (
    item.encoding === 'base64' &&
    typeof item.content === 'string' &&
    (item.content.length > 0 || item.size === 0)
  ) {
    bytes = Buffer.from(item.content, 'base64');
  } else {
    // encoding "none": the file is 1-100 MB; the blobs API serves it.
    const blob = await octokit.rest.git.getBlob({ ...repo, file_sha: item.sha });
    bytes = Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8');
  }
  if (bytes.byteLength > maxBytes) {
    throw new TooLargeError(
      `${repo.owner}/${repo.repo}:${path} is ${bytes.byteLength} bytes, over the ${maxBytes}-byte cap`,
      maxBytes,
      bytes.byteLength,
    );
  }
  const text = contentAsText(bytes);
  return {
    type: 'file',
    path: item.path,
    sha: item.sha,
    size: bytes.byteLength,
    text,
    binary: text === null,
    bytes,
  };
}

/** Text of a blob by SHA, or null when binary; `TooLargeError` over `maxBytes`. */
export async function getBlobText(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
  options: { maxBytes?: number; knownSize?: number } = {},
): Promise<string | null> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (options.knownSize !== undefined && options.knownSize > maxBytes) {
    throw new TooLargeError(
      `blob ${sha} is ${options.knownSize} bytes, over the ${maxBytes}-byte cap`,
      maxBytes,
      options.knownSize,
    );
  }
  const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: sha });
  const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  if (bytes.byteLength > maxBytes)
    throw new TooLargeError(
      `blob ${sha} is ${bytes.byteLength} bytes, over the ${maxBytes}-byte cap`,
      maxBytes,
      bytes.byteLength,
    );
  return contentAsText(bytes);
}
