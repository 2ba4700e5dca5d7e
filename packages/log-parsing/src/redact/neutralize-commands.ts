/**
 * Outbound: keep posted text from being read as a command by bots that parse comments.
 *
 * Slash commands (`/approve`, `/lgtm`, `/retest` for Prow, `/deploy` for dispatch actions) are
 * matched by bots at the start of a line of the raw comment, so a backslash goes in front:
 * `\/approve` renders exactly as `/approve` in markdown (`\/` is an escaped slash) but no
 * longer starts with `/`. Inside code blocks the backslash shows; that is the price of not
 * trusting our own code-block detection.
 */
const SLASH_COMMAND = /^([ \t]*)\/(?=[A-Za-z])/gm;

export function neutralizeCommands(text: string): string {
  return text.replace(SLASH_COMMAND, '$1\\/');
}

/**
 * Workflow commands (`::set-output`, `::add-mask::`, `::stop-commands::`, `::error …::`) and
 * the log markers `##[error]`, `##[group]`, which the Actions runner interprets when a line
 * starting with them is printed to a job log. A leading backslash defuses them; in markdown
 * `\:` and `\#` render as `:` and `#`.
 */
const WORKFLOW_COMMAND = /^([ \t]*)(::[A-Za-z]|##\[)/gm;

export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(WORKFLOW_COMMAND, '$1\\$2');
}
