import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AgentError } from '../agent-error';
import type { PromptTemplate } from './render-prompt';

/**
 * Loads `<dir>/<name>/system.md` and `<dir>/<name>/user.md`. `dir` is passed in (the repo's
 * `prompts/` folder, or a copy bundled with an action); nothing here guesses paths.
 */
export async function loadPrompt(dir: string, name: string): Promise<PromptTemplate> {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) {
    throw new AgentError(
      `Prompt name ${JSON.stringify(name)} is invalid: use lowercase letters, digits, - and _.`,
    );
  }
  const read = async (file: string) => {
    const path = join(dir, name, file);
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new AgentError(
        `Prompt ${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error}).`,
        {
          cause: error,
        },
      );
    }
  };
  // In turn, not in parallel: with both missing, the error must name system.md every time (a race
  // between the two reads made the message, and a test, flaky).
  const system = await read('system.md');
  const user = await read('user.md');
  return { name, system, user };
}
