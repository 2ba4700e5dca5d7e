import type { CiRun, CiSource, RunConclusion, RunInputItem, SourceCursor } from '../../types';

/**
 * A CiSource held in memory, for driving the detector through scripted CI history. It is our own
 * interface implemented for tests, not a network mock: everything after `readInputs` (analysis,
 * grouping, issues over real Octokit against the emulator) is the real code.
 *
 * Listing mirrors the real sources: runs with an id above the cursor, oldest first, plus runs
 * re-run (`rerun()`) since the cursor's `lastCompletedAt`.
 */
export class MemorySource implements CiSource {
  readonly type: CiRun['sourceType'];
  #runs = new Map<string, { run: CiRun; inputs: Map<number, Array<{ path: string; text: string }>>; attempts: Map<number, RunConclusion | null>; rerunAt?: string }>();
  #nextId = 1000;
  /** When set, listRuns throws it (a source that is down). */
  failWith: Error | null = null;
  /** Run ids whose inputs cannot be listed (readInputs throws before yielding anything). */
  readonly failReadsFor = new Set<string>();
  /** Every listRuns call's argument, for assertions. */
  readonly listings: Array<{ cursor: SourceCursor | null; createdAfter: string }> = [];

  constructor(
    readonly name: string,
    options: { type?: CiRun['sourceType']; version?: string | null; branch?: string } = {},
  ) {
    this.type = options.type ?? 'github-actions';
    this.#defaults = { version: options.version ?? null, branch: options.branch ?? 'main' };
  }

  #defaults: { version: string | null; branch: string };

  /** Adds a completed (or in-progress) run; `files` are its failing inputs (log or JUnit text). */
  addRun(options: {
    conclusion?: RunConclusion | null;
    status?: CiRun['status'];
    sha?: string | null;
    at: string;
    files?: Array<{ path: string; text: string }>;
    version?: string | null;
    branch?: string;
  }): CiRun {
    const id = String(++this.#nextId);
    const status = options.status ?? 'completed';
    const run: CiRun = {
      source: this.name,
      sourceType: this.type,
      id,
      url: `https://ci.example.test/${encodeURIComponent(this.name)}/runs/${id}`,
      status,
      conclusion: status === 'completed' ? (options.conclusion ?? 'failure') : null,
      branch: options.branch ?? this.#defaults.branch,
      version: options.version === undefined ? this.#defaults.version : options.version,
      headSha: options.sha === undefined ? 'a'.repeat(40) : options.sha,
      event: 'schedule',
      attempt: 1,
      createdAt: options.at,
      completedAt: status === 'completed' ? options.at : null,
    };
    this.#runs.set(id, { run, inputs: new Map([[1, options.files ?? []]]), attempts: new Map([[1, run.conclusion]]) });
    return run;
  }

  /** Finishes an in-progress run. */
  complete(id: string, conclusion: RunConclusion, files: Array<{ path: string; text: string }> = []): void {
    const entry = this.#entry(id);
    entry.run = { ...entry.run, status: 'completed', conclusion, completedAt: entry.run.createdAt };
    entry.inputs.set(entry.run.attempt, files);
    entry.attempts.set(entry.run.attempt, conclusion);
  }

  /** Re-runs a completed run: a new attempt with this outcome, listed again after `at`. */
  rerun(id: string, conclusion: RunConclusion, at: string, files: Array<{ path: string; text: string }> = []): CiRun {
    const entry = this.#entry(id);
    const attempt = entry.run.attempt + 1;
    entry.run = { ...entry.run, attempt, conclusion, completedAt: at };
    entry.inputs.set(attempt, files);
    entry.attempts.set(attempt, conclusion);
    entry.rerunAt = at;
    return entry.run;
  }

  async listRuns(since: { cursor: SourceCursor | null; createdAfter: string }): Promise<CiRun[]> {
    this.listings.push(structuredClone(since));
    if (this.failWith) throw this.failWith;
    const last = since.cursor?.lastRunId ?? null;
    const lastCompleted = since.cursor?.lastCompletedAt ?? null;
    return [...this.#runs.values()]
      .filter(({ run, rerunAt }) => {
        if (Date.parse(run.createdAt) < Date.parse(since.createdAfter)) return false;
        if (last === null || Number(run.id) > Number(last)) return true;
        return rerunAt !== undefined && (lastCompleted === null || rerunAt > lastCompleted);
      })
      .map(({ run }) => ({ ...run }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  async getRun(id: string): Promise<CiRun> {
    return { ...this.#entry(id).run };
  }

  async *readInputs(run: CiRun): AsyncIterable<RunInputItem> {
    if (this.failReadsFor.has(run.id)) throw new Error(`listing jobs of run ${run.id}: 502 Bad Gateway`);
    const entry = this.#entry(run.id);
    for (let attempt = 1; attempt <= run.attempt; attempt++) {
      for (const file of entry.inputs.get(attempt) ?? []) {
        const text = file.text;
        yield { path: `${file.path} (attempt ${attempt})`, open: async function* () { yield text; } };
      }
    }
  }

  async listAttempts(run: CiRun): Promise<{ attempt: number; conclusion: RunConclusion | null }[]> {
    const entry = this.#entry(run.id);
    return [...entry.attempts.entries()].filter(([a]) => a <= run.attempt).map(([attempt, conclusion]) => ({ attempt, conclusion }));
  }

  #entry(id: string) {
    const entry = this.#runs.get(id);
    if (!entry) throw new Error(`MemorySource ${this.name}: no run ${id}`);
    return entry;
  }
}
