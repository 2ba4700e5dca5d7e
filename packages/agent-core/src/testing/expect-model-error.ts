import { ModelError } from '../model/index';

/**
 * Await a call that must fail with a ModelError and return that error for further assertions.
 * Throws (failing the test) when the call succeeds or fails with anything else. Plain JS rather
 * than a vitest matcher so this entry point does not pull a test framework into its dependencies.
 */
export async function expectModelError(pending: Promise<unknown>): Promise<ModelError> {
  try {
    await pending;
  } catch (error) {
    if (ModelError.isInstance(error)) return error;
    throw new Error(`expected a ModelError, but the call failed with ${describe(error)}`, { cause: error });
  }
  throw new Error('expected a ModelError, but the call succeeded');
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? JSON.stringify(error) : String(error);
}
