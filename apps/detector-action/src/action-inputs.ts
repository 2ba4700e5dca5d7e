/** The action's inputs after validation (names as in action.yml). */
export interface ActionInputs {
  configPath: string;
  token: string;
  /** Undefined: the config's `dryRun` decides. */
  dryRun: boolean | undefined;
  /** Duration (`90m`, `6h`, `2d`) or ISO date; undefined: the config's `lookback`. */
  lookback: string | undefined;
  issueRepo: string | undefined;
  botLogin: string | undefined;
  apiUrl: string | undefined;
}

const DURATION = /^\d+(m|h|d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads and checks the inputs through `get` (`core.getInput` in the action), so the checks are
 * testable without a runner. Every problem names the input.
 */
export function readActionInputs(get: (name: string) => string): ActionInputs {
  const value = (name: string) => get(name).trim() || undefined;
  const token = value('token');
  if (!token)
    throw new TypeError('input "token" is empty: pass a GitHub token (the default is the workflow token)');
  const dryRunText = value('dry-run')?.toLowerCase();
  if (dryRunText !== undefined && dryRunText !== 'true' && dryRunText !== 'false') {
    throw new TypeError(`input "dry-run" must be true or false (got ${JSON.stringify(dryRunText)})`);
  }
  const lookback = value('lookback');
  if (
    lookback !== undefined &&
    !DURATION.test(lookback) &&
    !(ISO_DATE.test(lookback) && Number.isFinite(Date.parse(lookback)))
  ) {
    throw new TypeError(
      `input "lookback" must be a duration like 6h or 7d, or an ISO date (got ${JSON.stringify(lookback)})`,
    );
  }
  const issueRepo = value('issue-repo');
  if (issueRepo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(issueRepo)) {
    throw new TypeError(`input "issue-repo" must be owner/name (got ${JSON.stringify(issueRepo)})`);
  }
  const apiUrl = value('api-url');
  if (apiUrl !== undefined && !/^https?:\/\//.test(apiUrl)) {
    throw new TypeError(`input "api-url" must be an http(s) URL (got ${JSON.stringify(apiUrl)})`);
  }
  return {
    configPath: value('config') ?? '.github/nightshift.yml',
    token,
    dryRun: dryRunText === undefined ? undefined : dryRunText === 'true',
    lookback,
    issueRepo,
    botLogin: value('bot-login'),
    apiUrl,
  };
}
