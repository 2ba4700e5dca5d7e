export { checkBranch, checkBranchName } from './check-branch';
export { contentAsText, countLines, hasClosingKeyword, hasHiddenCharacters } from './check-content';
export { canonicalForMatching, checkPathShape } from './check-path';
export {
  createWritePolicy,
  DEFAULT_DENY_PATHS,
  DEFAULT_PROTECTED_BRANCHES,
  DEFAULT_WRITE_POLICY,
} from './default-policy';
export { checkPath, checkRepo, evaluateWritePlan, isRepoAllowed } from './evaluate-write-plan';
export { matchesAnyGlob } from './match-paths';
export { type PlannedOperation, planOperations } from './plan-operations';
export type * from './types';
