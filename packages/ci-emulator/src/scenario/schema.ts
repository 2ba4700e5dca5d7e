import { z } from 'zod';
import { faultRuleSchema } from '../faults';

/**
 * A scenario: the world the emulator starts from. On disk it is `scenario.yaml` (or `.json`)
 * plus files it points at by relative path (fields ending in `File`/`Dir`); `loadScenario`
 * reads those into the inline fields, so a loaded `Scenario` needs no directory.
 */

const binary = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const bytes = z.union([z.string(), binary]);
const fileMap = z.record(z.string(), bytes);
const timestamp = z.iso.datetime({ offset: true });
const permission = z.enum(['admin', 'maintain', 'write', 'triage', 'read', 'none']);

const commentSchema = z.object({
  user: z.string().optional(),
  body: z.string().optional(),
  bodyFile: z.string().optional(),
  createdAt: timestamp.optional(),
});

const issueSchema = z.object({
  number: z.number().int().positive().optional(),
  title: z.string().min(1),
  body: z.string().nullable().optional(),
  bodyFile: z.string().optional(),
  user: z.string().optional(),
  state: z.enum(['open', 'closed']).optional(),
  stateReason: z.enum(['completed', 'not_planned', 'reopened', 'duplicate']).nullable().optional(),
  labels: z.array(z.string()).optional(),
  assignees: z.array(z.string()).optional(),
  createdAt: timestamp.optional(),
  comments: z.array(commentSchema).optional(),
});

const stepSchema = z.object({
  name: z.string().min(1),
  status: z.string().optional(),
  conclusion: z.string().nullable().optional(),
  log: z.string().optional(),
  logFile: z.string().optional(),
});

const jobSchema = z.object({
  name: z.string().min(1),
  runAttempt: z.number().int().positive().optional(),
  status: z.string().optional(),
  conclusion: z.string().nullable().optional(),
  startedAt: timestamp.optional(),
  completedAt: timestamp.nullable().optional(),
  labels: z.array(z.string()).optional(),
  steps: z.array(stepSchema).optional(),
  log: z.string().optional(),
  logFile: z.string().optional(),
  logExpired: z.boolean().optional(),
});

const artifactSchema = z.object({
  name: z.string().min(1),
  /** Inline files, zipped on load. */
  files: fileMap.optional(),
  /** A folder whose files are zipped on load. */
  dir: z.string().optional(),
  /** A ready-made zip, served as is. */
  zip: binary.optional(),
  zipFile: z.string().optional(),
  expired: z.boolean().optional(),
  createdAt: timestamp.optional(),
});

const runSchema = z.object({
  event: z.string().optional(),
  status: z.string().optional(),
  conclusion: z.string().nullable().optional(),
  headBranch: z.string().optional(),
  headSha: z.string().optional(),
  displayTitle: z.string().optional(),
  actor: z.string().optional(),
  createdAt: timestamp.optional(),
  runNumber: z.number().int().positive().optional(),
  previousAttempts: z
    .array(z.object({ conclusion: z.string().nullable(), createdAt: timestamp.optional() }))
    .optional(),
  logsExpired: z.boolean().optional(),
  jobs: z.array(jobSchema).optional(),
  artifacts: z.array(artifactSchema).optional(),
});

const workflowSchema = z.object({
  name: z.string().min(1),
  path: z.string().min(1),
  state: z.enum(['active', 'disabled_manually']).optional(),
  runs: z.array(runSchema).optional(),
});

const repoSchema = z.object({
  owner: z.string().min(1),
  name: z.string().min(1),
  private: z.boolean().optional(),
  description: z.string().optional(),
  defaultBranch: z.string().optional(),
  /** Inline files on the default branch. */
  files: fileMap.optional(),
  /** Folder with the default branch's files (default: `repos/<owner>/<name>/` when present). */
  filesDir: z.string().optional(),
  /** Extra branches: name → files changed relative to the default branch. */
  branches: z.record(z.string(), fileMap).optional(),
  labels: z
    .array(
      z.object({ name: z.string().min(1), color: z.string().optional(), description: z.string().optional() }),
    )
    .optional(),
  issues: z.array(issueSchema).optional(),
  workflows: z.array(workflowSchema).optional(),
  pulls: z
    .array(
      z.object({
        title: z.string(),
        head: z.string(),
        base: z.string().optional(),
        body: z.string().optional(),
        draft: z.boolean().optional(),
        user: z.string().optional(),
      }),
    )
    .optional(),
});

const prowBuildSchema = z.object({
  job: z.string().min(1),
  buildId: z.string().regex(/^\d+$/, 'Prow build ids are digits'),
  bucket: z.string().optional(),
  files: fileMap.optional(),
  /** Folder with the build's files (`build-log.txt`, `finished.json`, `artifacts/…`). */
  dir: z.string().optional(),
  latest: z.boolean().optional(),
});

export const scenarioSchema = z.object({
  description: z.string().optional(),
  /** Login for requests whose token is not declared under `tokens` (default `nightshift-emulator`). */
  defaultUser: z.string().optional(),
  users: z
    .array(
      z.object({
        login: z.string().min(1),
        type: z.enum(['User', 'Bot', 'Organization']).optional(),
        name: z.string().optional(),
        email: z.string().optional(),
        permissions: z.record(z.string(), permission).optional(),
      }),
    )
    .optional(),
  tokens: z
    .array(z.object({ token: z.string().min(1), user: z.string().min(1), readOnly: z.boolean().optional() }))
    .optional(),
  repos: z.array(repoSchema).optional(),
  prow: z
    .object({
      /** Folder mirroring GCS: `<dir>/<bucket>/logs/<job>/<build>/…`; every file becomes an object. */
      dir: z.string().optional(),
      /** Objects loaded from `dir` (inline form). */
      objects: z.array(z.object({ bucket: z.string(), name: z.string(), data: bytes })).optional(),
      builds: z.array(prowBuildSchema).optional(),
    })
    .optional(),
  limits: z
    .object({
      core: z.number().int().positive(),
      search: z.number().int().positive(),
      codeSearch: z.number().int().positive(),
      graphql: z.number().int().positive(),
      searchExceededStatus: z.union([z.literal(403), z.literal(429)]),
      treeEntries: z.number().int().positive(),
      downloadTtlSeconds: z.number().int().positive(),
    })
    .partial()
    .optional(),
  faults: z.array(faultRuleSchema).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioRepo = z.infer<typeof repoSchema>;
