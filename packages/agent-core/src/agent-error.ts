/**
 * Thrown for programming or configuration mistakes that make a run impossible (duplicate tool
 * names, a dollar budget for a model with no price, an adapter for another spec version). Runs
 * that start and then fail do NOT throw: they return `status: 'incomplete'` with a reason.
 * Recognised by marker, not `instanceof`, because each bundled action carries its own copy.
 */
const symbol = Symbol.for('nightshift.agent-error');

export class AgentError extends Error {
  readonly [symbol] = true;
  readonly isRetryable = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AgentError';
  }

  static isInstance(error: unknown): error is AgentError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[symbol] === true;
  }
}
