import { PolicyViolationError } from '../errors/policy-violation-error';
import { evaluateWritePlan } from '../policy/evaluate-write-plan';
import { type PlannedOperation, planOperations } from '../policy/plan-operations';
import type { PolicyDecision, WritePlan, WritePolicy } from '../policy/types';

/** What a write function returns in dry-run mode: the calls it would have made, and nothing else. */
export interface DryRunResult {
  dryRun: true;
  operations: PlannedOperation[];
  decision: PolicyDecision;
}

export interface WriteOptions {
  policy: WritePolicy;
}

/**
 * The gate every git/PR write passes first: evaluate the plan (throw `PolicyViolationError` when
 * refused), then in dry-run return the plan instead of calling the API.
 */
export function gateWrite(plan: WritePlan, policy: WritePolicy, what: string): DryRunResult | null {
  const decision = evaluateWritePlan(plan, policy);
  if (!decision.allowed) throw new PolicyViolationError(decision.violations, what);
  if (policy.dryRun) return { dryRun: true, operations: planOperations(plan), decision };
  return null;
}
