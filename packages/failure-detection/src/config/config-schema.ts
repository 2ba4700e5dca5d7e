import { z } from 'zod';

/** `owner/name`, as GitHub spells it. */
const repoName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name')
  .describe('A repository as owner/name');

const duration = z
  .string()
  .regex(/^\d+(m|h|d)$/, 'expected a duration like 90m, 6h or 7d')
  .describe('A duration: minutes (m), hours (h) or days (d)');

export const githubActionsSourceSchema = z.object({
  type: z.literal('github-actions'),
  /** Shown in issue titles: `[<name>] …`. */
  name: z.string().min(1).max(60),
  repo: repoName,
  /** Workflow file name (`netdevsim-ci.yml`) or numeric id. */
  workflow: z.union([z.string().min(1), z.number().int().positive()]),
  branch: z.string().min(1).optional(),
  /** Only runs triggered by these events (`schedule`, `push`, `workflow_dispatch`, …). */
  events: z.array(z.string().min(1)).optional(),
  /** Artifact name globs whose contents are analysed (JUnit and logs inside zips). */
  artifacts: z.array(z.string().min(1)).default([]),
});

export const prowSourceSchema = z.object({
  type: z.literal('prow'),
  name: z.string().min(1).max(60),
  /** Periodic job name, e.g. periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp. */
  job: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected a Prow job name'),
  bucket: z.string().min(1).default('test-platform-results'),
  /** Base URL of the GCS JSON API (tests and the demo point this at the emulator). */
  gcsBaseUrl: z.url().default('https://storage.googleapis.com'),
  /** Link shown in issues for a build: `{job}` and `{build}` are replaced. */
  viewUrl: z
    .string()
    .default('https://prow.ci.openshift.org/view/gs/test-platform-results/logs/{job}/{build}'),
  /** Artifact paths (globs, relative to the build folder) that hold test results. */
  artifacts: z
    .array(z.string().min(1))
    .default(['artifacts/**/junit*.xml', 'artifacts/**/test_results*.xml', 'artifacts/**/test_results.json']),
});

export const sourceSchema = z.discriminatedUnion('type', [githubActionsSourceSchema, prowSourceSchema]);

export const configSchema = z
  .object({
    version: z.literal(1),
    profile: z.enum(['ptp', 'none']).default('none'),
    sources: z.array(sourceSchema).min(1, 'watch at least one source'),
    issues: z
      .object({
        /** Where failure issues go; default: the repository running the workflow. */
        repository: repoName.optional(),
        labels: z.array(z.string().min(1)).default(['nightshift', 'ci-failure']),
        flakyLabel: z.string().default('flaky'),
        recoveredLabel: z.string().default('recovered'),
        regressionLabel: z.string().default('regression'),
        /** Consecutive completed runs without the failure before it counts as recovered. */
        recoveryRuns: z.number().int().min(1).max(50).default(3),
        closeOnRecovery: z.boolean().default(false),
        /** One digest issue per day and source: new / still failing / recovered. */
        digest: z.boolean().default(false),
        /** Login of the bot that authors Nightshift issues; markers by others are ignored. */
        botLogin: z.string().optional(),
      })
      .prefault({}),
    /** Repositories the triage agent may read for context. */
    context: z.object({ repositories: z.array(repoName).default([]) }).prefault({}),
    /** The model triage and fix use; keys come from the environment, never from this file. */
    model: z
      .object({
        provider: z.enum(['anthropic', 'gemini', 'openai']).default('anthropic'),
        model: z.string().min(1).default('claude-sonnet-4-5'),
        /** For OpenAI-compatible servers (Ollama, vLLM, llama.cpp) or a proxy. */
        baseUrl: z.url().optional(),
        /** Name of the environment variable holding the key (default per provider). */
        apiKeyEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name')
          .optional(),
      })
      .prefault({}),
    budgets: z
      .object({
        maxTurns: z.number().int().min(1).max(200).default(25),
        maxInputTokens: z.number().int().positive().default(400_000),
        maxOutputTokens: z.number().int().positive().default(40_000),
        maxDollars: z.number().positive().default(2),
        maxMinutes: z.number().positive().max(360).default(15),
      })
      .prefault({}),
    /** How far back the first cycle looks when nothing is recorded yet. */
    lookback: duration.default('2d'),
    dryRun: z.boolean().default(false),
    /** Stops every job before it does anything. */
    killSwitch: z.boolean().default(false),
  })
  .describe('Nightshift configuration (.github/nightshift.yml)');

export type NightshiftConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type GithubActionsSourceConfig = z.infer<typeof githubActionsSourceSchema>;
export type ProwSourceConfig = z.infer<typeof prowSourceSchema>;
