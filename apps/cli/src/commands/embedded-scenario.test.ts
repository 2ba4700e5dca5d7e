import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '@nightshift/ci-emulator';
import { loadConfigFile } from '@nightshift/failure-detection';
import { describe, expect, it } from 'vitest';
import { buildScenarioFiles, listGeneratedFiles } from '../../../../scenarios/ptp-nightly/build-scenario';
import { buildGithubFiles } from '../../../../scenarios/ptp-nightly/github-runs';
import { readDemoSettings } from './demo-settings';
import { findEmbeddedScenario } from './embedded-scenario';

const SCENARIO = findEmbeddedScenario();
const SHARED_PROW = fileURLToPath(new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url));

describe('the embedded ptp-nightly scenario', () => {
  it('loads, and its demo settings and detector config are valid', async () => {
    const scenario = await loadScenario(SCENARIO);
    expect(scenario.repos?.map((r) => `${r.owner}/${r.name}`)).toEqual([
      'k8snetworkplumbingwg/ptp-operator',
      'k8snetworkplumbingwg/linuxptp-daemon',
      'redhat-cne/cloud-event-proxy',
    ]);
    const settings = await readDemoSettings(SCENARIO);
    const config = await loadConfigFile(join(SCENARIO, settings.config ?? 'nightshift.yml'));
    expect(config.issues.repository).toBe('k8snetworkplumbingwg/ptp-operator');
    // Every Prow job the config watches has builds in the scenario.
    for (const source of config.sources) {
      if (source.type === 'prow')
        expect(existsSync(join(SCENARIO, 'gcs', source.bucket, 'logs', source.job, 'latest-build.txt'))).toBe(
          true,
        );
    }
  });

  it('holds exactly what github-runs.ts generates (logs/ and artifacts/)', () => {
    const files = buildGithubFiles();
    const onDisk = listGeneratedFiles(SCENARIO).filter((f) => !f.startsWith('gcs/'));
    expect(onDisk.sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(SCENARIO, name), 'utf8'), name).toBe(text);
  });

  it.skipIf(!existsSync(SHARED_PROW))(
    'holds exactly what build-scenario.ts makes of the shared Prow data (gcs/)',
    () => {
      const files = buildScenarioFiles(SHARED_PROW);
      expect(listGeneratedFiles(SCENARIO).sort()).toEqual([...files.keys()].sort());
      for (const [name, data] of files)
        expect(readFileSync(join(SCENARIO, name)).equals(Buffer.from(data)), name).toBe(true);
    },
  );

  it('every file:line in the generated logs and reports points at a Ginkgo/Gomega statement of the scenario repo', () => {
    const repo = join(SCENARIO, 'repos/k8snetworkplumbingwg/ptp-operator');
    const text = [...buildGithubFiles().values()].join('\n');
    const refs = new Set(
      [...text.matchAll(/ptp-operator\/(test\/[\w/]+\.go):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`),
    );
    expect(refs.size).toBeGreaterThan(0);
    for (const ref of refs) {
      const [path, line] = ref.split(':') as [string, string];
      const source = readFileSync(join(repo, path), 'utf8').split('\n')[Number(line) - 1] ?? '';
      expect(source, ref).toMatch(/\b(It|By|Expect|ptptesthelper\.WaitForPtpMetrics)\(|\.Should\(/);
    }
  });
});
