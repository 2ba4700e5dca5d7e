import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@nightshift/ci-emulator';
import { loadConfigFile, type NightshiftConfig } from '@nightshift/failure-detection';
import { type BuiltDetectorDeps, buildDetectorDeps } from '../detector-deps';

export const SCENARIO_DIR = fileURLToPath(new URL('../../../../scenarios/ptp-nightly/', import.meta.url));
export const CONFIG_PATH = `${SCENARIO_DIR}repos/k8snetworkplumbingwg/ptp-operator/.github/nightshift.yml`;
export const PTP_RULES = readFileSync(fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url)), 'utf8');
/** The scenario's clock (scenarios/ptp-nightly/demo.yaml). */
export const NOW = new Date('2026-08-11T18:00:00Z');
export const ISSUE_REPO = { owner: 'k8snetworkplumbingwg', repo: 'ptp-operator' };

export async function startPtpScenario(): Promise<Emulator> {
  return startEmulator({ scenario: SCENARIO_DIR, now: () => NOW });
}

export function loadPtpConfig(): Promise<NightshiftConfig> {
  return loadConfigFile(CONFIG_PATH);
}

/** The same wiring as the action, pointed at the emulator, with every wait shrunk to milliseconds. */
export function emulatorDeps(emulator: Emulator, config: NightshiftConfig, log?: (line: string) => void): BuiltDetectorDeps {
  return buildDetectorDeps({
    config,
    token: 'demo-token',
    apiUrl: emulator.githubApiUrl,
    gcsUrl: emulator.gcsUrl,
    profileRules: { ptp: PTP_RULES },
    now: () => NOW,
    ...(log ? { log } : {}),
    sourceRetry: { github: { retries: 1, baseDelayMs: 1 }, prow: { retries: 1, baseDelayMs: 1 } },
    client: { retryAfterBaseMs: 1, throttle: { writeIntervalMs: 0, searchIntervalMs: 0, notificationIntervalMs: 0 } },
  });
}

/** Requests that changed something (POST/PATCH/PUT/DELETE), as `METHOD /route`. */
export function writes(emulator: Emulator): string[] {
  return emulator
    .requests()
    .filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
    .map((r) => r.route);
}
