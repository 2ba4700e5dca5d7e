/** Git file modes as the Git Data API spells them. */
export type FileMode = '100644' | '100755' | '120000' | '160000' | '040000';

/** One file in a proposed commit. Exactly one of `content` / `delete` is expected. */
export interface FileChange {
  path: string;
  /** New content; strings are UTF-8. */
  content?: string | Uint8Array;
  /** Default '100644'. */
  mode?: FileMode;
  delete?: boolean;
}

export interface PlannedPullRequest {
  title: string;
  body: string;
  /** Branch the PR targets. */
  base: string;
  /** Must be true (or omitted, which means true) unless the policy allows ready PRs. */
  draft?: boolean;
}

/**
 * Everything a write would do, as data. The same plan is checked by `evaluateWritePlan`, turned
 * into a dry-run listing by `planOperations`, and executed by `commitFiles` / `createPullRequest`.
 */
export interface WritePlan {
  /** `owner/name`. */
  repo: string;
  /** Branch that receives the commit (created from `baseSha` when `createBranch`). */
  branch?: string;
  /** Commit the branch starts from; when absent the branch's current head is used. */
  baseSha?: string;
  createBranch?: boolean;
  message?: string;
  files?: FileChange[];
  pullRequest?: PlannedPullRequest;
}

export interface WritePolicy {
  /** `owner/name` allowlist, compared case-insensitively. Empty = nothing may be written. */
  repos: readonly string[];
  /** Exclusive allowlist of path globs; empty = every path not denied. */
  allowPaths: readonly string[];
  /** Path globs that are never written (case-insensitive); default DEFAULT_DENY_PATHS. */
  denyPaths: readonly string[];
  /** Modes a file may have; symlinks (120000) and submodules (160000) are refused whatever this says. */
  allowedModes: readonly FileMode[];
  allowDeletes: boolean;
  allowBinary: boolean;
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  /** Cap on the lines of all new content together. */
  maxLines: number;
  /** Branch globs never written to (case-insensitive). */
  protectedBranches: readonly string[];
  /** When set, every branch written must start with it (e.g. `ci-fix-`). */
  branchPrefix: string | null;
  /** Pull requests must be drafts unless this is true. */
  allowReadyPullRequests: boolean;
  /** `fixes #N` and friends close issues on merge; refused in PR bodies and messages unless true. */
  allowClosingKeywords: boolean;
  /** Plan only: write functions return the planned operations without calling the API. */
  dryRun: boolean;
}

export type PolicyRule =
  | 'repo-not-allowed'
  | 'repo-invalid'
  | 'path-empty'
  | 'path-absolute'
  | 'path-traversal'
  | 'path-backslash'
  | 'path-control-character'
  | 'path-non-ascii'
  | 'path-not-canonical'
  | 'path-git-directory'
  | 'path-too-long'
  | 'path-denied'
  | 'path-not-allowed'
  | 'path-duplicate'
  | 'mode-symlink'
  | 'mode-submodule'
  | 'mode-not-allowed'
  | 'delete-not-allowed'
  | 'content-missing'
  | 'content-binary'
  | 'content-hidden-characters'
  | 'content-secret'
  | 'too-many-files'
  | 'file-too-large'
  | 'total-too-large'
  | 'too-many-lines'
  | 'branch-missing'
  | 'branch-invalid'
  | 'branch-protected'
  | 'branch-prefix'
  | 'message-missing'
  | 'closing-keyword'
  | 'pr-not-draft'
  | 'pr-title-invalid'
  | 'pr-body-too-long';

export interface PolicyViolation {
  /** The file the violation is about; null for plan-level rules (repo, caps, branch, PR). */
  path: string | null;
  rule: PolicyRule;
  message: string;
}

export interface PolicyDecision {
  allowed: boolean;
  violations: PolicyViolation[];
}
