import type { RunInputItem } from '../types';

/**
 * An input whose bytes were already requested (so a missing or expired object became an error item
 * instead of failing inside the analysis). The body can be read once, which is how analyzeSources
 * reads each input.
 */
export function openedInput(path: string, body: AsyncIterable<Uint8Array>): RunInputItem {
  let used = false;
  return {
    path,
    open() {
      if (used) throw new Error(`${path}: this input was already read (it is a one-shot download)`);
      used = true;
      return body;
    },
  };
}

/** An input that could not be read; analysis lists it with the reason instead of failing. */
export function errorInput(path: string, message: string, cause?: unknown): RunInputItem {
  return { path, error: new Error(message, cause === undefined ? undefined : { cause }) };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Control characters (and newlines) never reach a display path: names come from CI config. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || '(unnamed)';
}
