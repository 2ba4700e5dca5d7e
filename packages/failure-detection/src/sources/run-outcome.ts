import type { RunConclusion } from '../types';

/** Conclusions whose logs and artifacts are read and reported: failed, timed out, cancelled. */
export function isFailedConclusion(conclusion: RunConclusion | null): boolean {
  return conclusion === 'failure' || conclusion === 'timed_out' || conclusion === 'cancelled';
}
