const marker = Symbol.for('nightshift.scenario-error');

/** A scenario that cannot be loaded: names the file or field and what is wrong with it. */
export class ScenarioError extends Error {
  readonly [marker] = true;
  readonly isRetryable = false;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ScenarioError';
  }

  static isInstance(error: unknown): error is ScenarioError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
