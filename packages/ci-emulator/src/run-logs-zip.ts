import { jobLogText } from './state/actions';
import type { JobRecord } from './state/world';
import { buildZip } from './zip';

/**
 * Names the way GitHub's run-log archives do (cli/cli pkg/cmd/run/view/logs.go): `/` and `:`
 * dropped, cut to 90 UTF-16 code units, trimmed.
 */
export function archiveName(name: string): string {
  return name.replace(/[/:]/g, '').slice(0, 90).trim();
}

/** `0_<job>.txt` per job (ordinal, not id) and `<job>/<n>_<step>.txt` per step with a log. */
export function runLogEntries(jobs: readonly JobRecord[]): Record<string, string> {
  const entries: Record<string, string> = {};
  const used = new Set<string>();
  jobs.forEach((job, index) => {
    let name = archiveName(job.name);
    for (let n = 1; used.has(name); n++) name = `${archiveName(job.name)} (${n})`;
    used.add(name);
    entries[`${index}_${name}.txt`] = jobLogText(job) ?? '';
    for (const step of job.steps) {
      if (step.log !== null) entries[`${name}/${step.number}_${archiveName(step.name)}.txt`] = step.log;
    }
  });
  return entries;
}

export function buildRunLogsZip(jobs: readonly JobRecord[]): Promise<Buffer> {
  return buildZip(runLogEntries(jobs));
}
