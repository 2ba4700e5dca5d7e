import type { WritePolicy } from './types';

/**
 * Paths an automated fix must never touch (security.md §4, "Default denylist"). Globs are matched
 * case-insensitively against the normalised path. Names that tools read at any depth
 * (CODEOWNERS, .gitattributes, AGENTS.md, manifests, Makefiles, Dockerfiles …) are denied anywhere.
 */
export const DEFAULT_DENY_PATHS: readonly string[] = [
  // CI, automation and agent configuration
  '.github/**',
  '**/CODEOWNERS',
  // every top-level dot-directory (.husky, .githooks, .claude, .gemini, .codex, .agents, .vscode,
  // .devcontainer …) and every top-level dotfile (.npmrc, .env, tool configs)
  '.*/**',
  '.*',
  '**/.gitmodules',
  '**/.gitattributes',
  '**/.npmrc',
  '**/.yarnrc*',
  '**/bunfig.toml',
  '**/.env*',
  '**/AGENTS.md',
  '**/CLAUDE.md',
  '**/GEMINI.md',
  '**/.mcp.json',
  '**/action.yml',
  '**/action.yaml',
  '**/Makefile',
  '**/GNUmakefile',
  '**/Dockerfile*',
  '**/Containerfile*',
  // manifests and lockfiles: a dependency change is a supply-chain change
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/pnpm-lock.yaml',
  '**/pnpm-workspace.yaml',
  '**/yarn.lock',
  '**/bun.lock',
  '**/bun.lockb',
  '**/go.mod',
  '**/go.sum',
  '**/go.work',
  '**/go.work.sum',
  '**/Cargo.toml',
  '**/Cargo.lock',
  '**/requirements*.txt',
  '**/Pipfile',
  '**/Pipfile.lock',
  '**/pyproject.toml',
  '**/poetry.lock',
  '**/uv.lock',
  '**/setup.py',
  '**/setup.cfg',
  '**/Gemfile',
  '**/Gemfile.lock',
  '**/*.gemspec',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/settings.gradle',
  '**/settings.gradle.kts',
  '**/gradle.lockfile',
  '**/composer.json',
  '**/composer.lock',
  // vendored dependency code
  'vendor/**',
  '**/node_modules/**',
];

/** Branches never written to, whatever the plan says. */
export const DEFAULT_PROTECTED_BRANCHES: readonly string[] = [
  'main',
  'master',
  'develop',
  'trunk',
  'gh-pages',
  'release-*',
  'release/**',
];

export const DEFAULT_WRITE_POLICY: Readonly<WritePolicy> = Object.freeze<WritePolicy>({
  repos: [],
  allowPaths: [],
  denyPaths: DEFAULT_DENY_PATHS,
  allowedModes: ['100644'],
  allowDeletes: false,
  allowBinary: false,
  maxFiles: 50,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
  maxLines: 10_000,
  protectedBranches: DEFAULT_PROTECTED_BRANCHES,
  branchPrefix: null,
  allowReadyPullRequests: false,
  allowClosingKeywords: false,
  dryRun: false,
});

/**
 * Build a policy from overrides. `denyPaths` given here REPLACE the defaults; use
 * `extraDenyPaths` to add to them (the usual case).
 */
export function createWritePolicy(
  overrides: Partial<WritePolicy> & { extraDenyPaths?: readonly string[] } = {},
): WritePolicy {
  const { extraDenyPaths = [], ...rest } = overrides;
  const base: WritePolicy = { ...DEFAULT_WRITE_POLICY, ...rest };
  return { ...base, denyPaths: [...base.denyPaths, ...extraDenyPaths] };
}
