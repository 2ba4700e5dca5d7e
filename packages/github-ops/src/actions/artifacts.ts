import { type InputError, readZipEntries, type ZipCaps, type ZipEntries } from '@nightshift/log-parsing';
import type { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { TooLargeError } from '../errors/github-error';
import { type DownloadOptions, openRedirectDownload, readAllCapped } from './download';

export type Artifact = RestEndpointMethodTypes['actions']['getArtifact']['response']['data'];

/** Default cap on an artifact zip held in memory. */
export const DEFAULT_MAX_ARTIFACT_ZIP_BYTES = 256 * 1024 * 1024;

export async function listRunArtifacts(
  octokit: Octokit,
  repo: RepoRef,
  runId: number,
  options: { name?: string } = {},
): Promise<Artifact[]> {
  return octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
    ...repo,
    run_id: runId,
    per_page: 100,
    ...(options.name ? { name: options.name } : {}),
  });
}

export interface ArtifactDownloadOptions extends DownloadOptions {
  /** Cap on the zip's compressed size (default 256 MiB). */
  maxBytes?: number;
  /** log-parsing zip caps (entries, total/entry size, compression ratio). */
  caps?: ZipCaps;
}

/** The artifact's zip bytes (302 followed; 410 → ExpiredError; over `maxBytes` → TooLargeError). */
export async function downloadArtifact(
  octokit: Octokit,
  repo: RepoRef,
  artifactId: number,
  options: ArtifactDownloadOptions = {},
): Promise<Buffer> {
  const what = `artifact ${repo.owner}/${repo.repo} #${artifactId}`;
  const download = await openRedirectDownload(
    octokit,
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    { ...repo, artifact_id: artifactId, archive_format: 'zip' },
    what,
    options,
  );
  return readAllCapped(download, options.maxBytes ?? DEFAULT_MAX_ARTIFACT_ZIP_BYTES, what);
}

/** The artifact's files, streamed through log-parsing's zip reader (caps and traversal checks apply). */
export async function readArtifactEntries(
  octokit: Octokit,
  repo: RepoRef,
  artifactId: number,
  options: ArtifactDownloadOptions = {},
): Promise<ZipEntries> {
  const zip = await downloadArtifact(octokit, repo, artifactId, options);
  return readZipEntries(zip, { ...options.caps, displayPath: `artifact-${artifactId}.zip` });
}

export interface ArtifactFile {
  name: string;
  content: Buffer;
}

/**
 * Convenience for small artifacts (JUnit XML): every file whose name passes `include`, read into
 * memory up to `maxFileBytes` each. Refused entries (traversal names …) come back in `errors`; a
 * zip bomb throws log-parsing's `InputError` (code `zip-bomb`).
 */
export async function readArtifactFiles(
  octokit: Octokit,
  repo: RepoRef,
  artifactId: number,
  options: ArtifactDownloadOptions & { include?: (name: string) => boolean; maxFileBytes?: number } = {},
): Promise<{ files: ArtifactFile[]; errors: InputError[] }> {
  const maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
  const entries = await readArtifactEntries(octokit, repo, artifactId, options);
  const files: ArtifactFile[] = [];
  for await (const entry of entries) {
    if (options.include && !options.include(entry.name)) continue;
    if (entry.uncompressedSize > maxFileBytes) {
      throw new TooLargeError(
        `artifact #${artifactId} entry ${entry.path}: ${entry.uncompressedSize} bytes exceeds the ${maxFileBytes}-byte cap`,
        maxFileBytes,
        entry.uncompressedSize,
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
    files.push({ name: entry.name, content: Buffer.concat(chunks) });
  }
  return { files, errors: entries.errors };
}
