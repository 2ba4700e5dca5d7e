import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ScenarioError } from './scenario-error';

/** Resolves a scenario-relative path, refusing absolute paths and escapes out of the scenario folder. */
export function scenarioPath(root: string, relativePath: string, field: string): string {
  if (isAbsolute(relativePath)) {
    throw new ScenarioError(`${field}: "${relativePath}" must be relative to the scenario directory`);
  }
  const full = resolve(root, relativePath);
  const rel = relative(resolve(root), full);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ScenarioError(`${field}: "${relativePath}" points outside the scenario directory`);
  }
  return full;
}

export async function readScenarioFile(root: string, relativePath: string, field: string): Promise<Buffer> {
  const full = scenarioPath(root, relativePath, field);
  try {
    return await readFile(full);
  } catch (error) {
    throw new ScenarioError(`${field}: cannot read "${relativePath}" (${(error as Error).message})`, {
      cause: error,
    });
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Every file below a folder as `relative/posix/path` → bytes, in sorted order. */
export async function readTreeFiles(dir: string, field: string): Promise<Record<string, Buffer>> {
  if (!(await isDirectory(dir))) throw new ScenarioError(`${field}: "${dir}" is not a directory`);
  const out: Record<string, Buffer> = {};
  const walk = async (current: string, prefix: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) out[prefix + entry.name] = await readFile(path);
    }
  };
  await walk(dir, '');
  return out;
}
