import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isDirectory, readScenarioFile, readTreeFiles, scenarioPath } from './files';
import { ScenarioError } from './scenario-error';
import { type Scenario, scenarioSchema } from './schema';

const FILE_NAMES = ['scenario.yaml', 'scenario.yml', 'scenario.json'];

/**
 * Reads `scenario.yaml` (or `.yml`/`.json`) from a directory, validates it, and inlines every
 * file it refers to, so the result can seed an emulator without touching the disk again.
 */
export async function loadScenario(dir: string): Promise<Scenario> {
  const { name, text } = await readDefinition(dir);
  let raw: unknown;
  try {
    raw = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ScenarioError(
      `${join(dir, name)}: not valid ${name.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parsed = scenarioSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ScenarioError(`${join(dir, name)} is invalid:\n  ${problems.join('\n  ')}`);
  }
  return inlineFiles(dir, parsed.data);
}

async function readDefinition(dir: string): Promise<{ name: string; text: string }> {
  for (const name of FILE_NAMES) {
    try {
      return { name, text: await readFile(join(dir, name), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ScenarioError(`${join(dir, name)}: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  throw new ScenarioError(`${dir}: no ${FILE_NAMES.join(', ')} found`);
}

const text = async (root: string, path: string, field: string) =>
  (await readScenarioFile(root, path, field)).toString('utf8');

async function inlineFiles(root: string, scenario: Scenario): Promise<Scenario> {
  const out: Scenario = structuredClone(scenario);
  for (const [r, repo] of (out.repos ?? []).entries()) {
    const at = `repos.${r}`;
    const defaultDir = join('repos', repo.owner, repo.name);
    const dir = repo.filesDir ?? ((await isDirectory(join(root, defaultDir))) ? defaultDir : undefined);
    if (dir !== undefined) {
      repo.files = {
        ...(await readTreeFiles(scenarioPath(root, dir, `${at}.filesDir`), `${at}.filesDir`)),
        ...repo.files,
      };
    }
    delete repo.filesDir;
    for (const [i, issue] of (repo.issues ?? []).entries()) {
      if (issue.bodyFile) issue.body = await text(root, issue.bodyFile, `${at}.issues.${i}.bodyFile`);
      delete issue.bodyFile;
      for (const [c, comment] of (issue.comments ?? []).entries()) {
        if (comment.bodyFile)
          comment.body = await text(root, comment.bodyFile, `${at}.issues.${i}.comments.${c}.bodyFile`);
        delete comment.bodyFile;
      }
    }
    for (const [w, workflow] of (repo.workflows ?? []).entries()) {
      for (const [n, run] of (workflow.runs ?? []).entries()) {
        const runAt = `${at}.workflows.${w}.runs.${n}`;
        for (const [j, job] of (run.jobs ?? []).entries()) {
          if (job.logFile) job.log = await text(root, job.logFile, `${runAt}.jobs.${j}.logFile`);
          delete job.logFile;
          for (const [s, step] of (job.steps ?? []).entries()) {
            if (step.logFile)
              step.log = await text(root, step.logFile, `${runAt}.jobs.${j}.steps.${s}.logFile`);
            delete step.logFile;
          }
        }
        for (const [a, artifact] of (run.artifacts ?? []).entries()) {
          const field = `${runAt}.artifacts.${a}`;
          if (artifact.dir) {
            const files = await readTreeFiles(
              scenarioPath(root, artifact.dir, `${field}.dir`),
              `${field}.dir`,
            );
            artifact.files = { ...files, ...artifact.files };
          }
          if (artifact.zipFile)
            artifact.zip = await readScenarioFile(root, artifact.zipFile, `${field}.zipFile`);
          delete artifact.dir;
          delete artifact.zipFile;
        }
      }
    }
  }
  if (out.prow) await inlineProw(root, out.prow);
  else if (await isDirectory(join(root, 'gcs'))) {
    out.prow = { dir: 'gcs' };
    await inlineProw(root, out.prow);
  }
  return out;
}

async function inlineProw(root: string, prow: NonNullable<Scenario['prow']>): Promise<void> {
  if (prow.dir) {
    const files = await readTreeFiles(scenarioPath(root, prow.dir, 'prow.dir'), 'prow.dir');
    const objects = Object.entries(files).map(([path, data]) => {
      const slash = path.indexOf('/');
      if (slash === -1) throw new ScenarioError(`prow.dir: "${path}" must sit inside a bucket folder`);
      return { bucket: path.slice(0, slash), name: path.slice(slash + 1), data };
    });
    prow.objects = [...objects, ...(prow.objects ?? [])];
    delete prow.dir;
  }
  for (const [b, build] of (prow.builds ?? []).entries()) {
    if (build.dir) {
      const field = `prow.builds.${b}.dir`;
      build.files = { ...(await readTreeFiles(scenarioPath(root, build.dir, field), field)), ...build.files };
    }
    delete build.dir;
  }
}
