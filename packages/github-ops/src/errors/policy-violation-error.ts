import type { PolicyViolation } from '../policy/types';

const MARKER = Symbol.for('nightshift.write-policy-violation');

/** A write refused by the write policy before any API call was made. Never retryable. */
export class PolicyViolationError extends Error {
  readonly [MARKER] = true;
  readonly violations: PolicyViolation[];
  readonly isRetryable = false;

  constructor(violations: PolicyViolation[], what = 'write') {
    const summary = violations
      .slice(0, 5)
      .map((v) => `${v.rule}: ${v.message}`)
      .join('; ');
    const more = violations.length > 5 ? `; and ${violations.length - 5} more` : '';
    super(`${what} refused by the write policy: ${summary}${more}`);
    this.name = 'PolicyViolationError';
    this.violations = violations;
  }

  static isInstance(error: unknown): error is PolicyViolationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
