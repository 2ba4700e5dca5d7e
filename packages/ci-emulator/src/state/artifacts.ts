import { isoSeconds } from '../clock';
import { buildZip } from '../zip';
import { type ArtifactRecord, nextId, type RunRecord, type World } from './world';

/** Artifacts expire 90 days after upload by default on GitHub. */
const RETENTION_MS = 90 * 86_400_000;

export interface AddArtifactInput {
  name: string;
  /** Files zipped into the artifact, or the zip bytes themselves. */
  files?: Record<string, string | Uint8Array>;
  zip?: Uint8Array;
  expired?: boolean;
  createdAt?: string;
}

export async function addArtifact(
  world: World,
  run: RunRecord,
  input: AddArtifactInput,
): Promise<ArtifactRecord> {
  if (!input.zip && !input.files) throw new Error(`addArtifact(${input.name}): give files or zip bytes`);
  const zip = input.zip ? Buffer.from(input.zip) : await buildZip(input.files ?? {});
  const createdAt = input.createdAt ?? isoSeconds(world.now());
  const artifact: ArtifactRecord = {
    id: nextId(world, 'artifact'),
    repo: run.repo,
    runId: run.id,
    name: input.name,
    zip,
    expired: input.expired ?? false,
    createdAt,
    expiresAt: isoSeconds(new Date(Date.parse(createdAt) + RETENTION_MS)),
  };
  world.artifacts.set(artifact.id, artifact);
  return artifact;
}
