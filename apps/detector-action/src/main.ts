import { resolve } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { loadConfigFile } from '@nightshift/failure-detection';
// Bundled as text by tsup (loader '.yaml': 'text'): the action carries its profile rules.
import ptpRules from '../../../prompts/ptp/rules.yaml';
import { readActionInputs } from './action-inputs';
import { buildDetectorDeps } from './detector-deps';
import { resolveIssueRepo, runDetection } from './run';

/**
 * The action: inputs and environment in, outputs, job summary and exit status out. Everything
 * else is in run.ts / detector-deps.ts, shared with the CLI. Fails the step only when every
 * source failed, or when the cycle could not run at all (bad input, config, token or state).
 */
export async function main(): Promise<void> {
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    core.setSecret(inputs.token);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const config = await loadConfigFile(resolve(workspace, inputs.configPath));
    const deps = buildDetectorDeps({
      config,
      token: inputs.token,
      apiUrl: inputs.apiUrl ?? context.apiUrl,
      profileRules: { ptp: ptpRules },
      log: (line) => core.info(line),
      ...(inputs.botLogin ? { botLogin: inputs.botLogin } : {}),
    });
    const outcome = await runDetection(deps, {
      config: deps.config,
      issueRepo: resolveIssueRepo(inputs.issueRepo, config, process.env.GITHUB_REPOSITORY),
      ...(inputs.dryRun !== undefined ? { dryRun: inputs.dryRun } : {}),
      ...(inputs.lookback ? { since: inputs.lookback } : {}),
    });
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    for (const e of outcome.result.sourceErrors) core.warning(`${e.source}: ${e.message}`);
    for (const e of outcome.result.runErrors)
      core.warning(`${e.source}: run ${e.run} not read, retried next cycle: ${e.message}`);
    await core.summary.addRaw(outcome.summary).write();
    if (outcome.failed)
      core.setFailed(
        `every source failed (${outcome.result.sourceErrors.length} error(s)); see the warnings above`,
      );
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
