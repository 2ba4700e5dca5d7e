import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DetectorResult } from '@nightshift/failure-detection';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nightshift-demo-'));
});

async function demo(...args: string[]) {
  const t = testIo({ cwd: dir });
  const code = await runCli(['demo', ...args], t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

interface DemoJson {
  clock: string;
  issueRepo: string;
  cycles: { result: DetectorResult; writes: number; requests: number; notModified: number }[];
  stateFile: string;
}

describe('nightshift demo (embedded ptp-nightly scenario)', () => {
  it('opens the issues, changes nothing on a second cycle, and writes the emulator state', async () => {
    const { code, stdout, stderr } = await demo('--out', 'out-json', '--json');
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as DemoJson;
    expect(report.clock).toBe('2026-08-11T18:00:00.000Z');
    const [first, second] = report.cycles;
    expect(first?.result.sourceErrors).toEqual([]);
    expect(first?.result.runsProcessed).toBe(16);
    const titles = first?.result.created.map((i) => i.title) ?? [];
    for (const source of ['ptp-operator netdevsim', 'linuxptp-daemon unit', 'nightly 5.0']) {
      expect(titles.some((t) => t.startsWith(`[${source}]`))).toBe(true);
    }
    expect(first?.result.flaky).toHaveLength(1);
    expect(second).toMatchObject({ writes: 0, result: { created: [], updated: [], runsProcessed: 0 } });
    // Nothing new: every GitHub listing was answered from the ETag cache.
    expect(second?.notModified).toBeGreaterThan(0);

    const state = JSON.parse(readFileSync(join(dir, 'out-json', 'state.json'), 'utf8')) as {
      repos: { fullName: string; issues: { number: number; title: string; labels: string[] }[] }[];
      requestCounts: Record<string, number>;
    };
    expect(report.stateFile).toBe(join(dir, 'out-json', 'state.json'));
    const issues = state.repos.find((r) => r.fullName === report.issueRepo)?.issues ?? [];
    for (const created of first?.result.created ?? []) {
      expect(issues.find((i) => i.number === created.number)?.title).toBe(created.title);
    }
    expect(state.requestCounts['POST /repos/{owner}/{repo}/issues']).toBeGreaterThanOrEqual(titles.length);
  });

  it('prints what it did, per source, in text', async () => {
    const { code, stdout } = await demo('--out', 'out-text');
    expect(code).toBe(0);
    expect(stdout).toContain('Nightshift demo: scenario');
    expect(stdout).toMatch(
      /Issues created in k8snetworkplumbingwg\/ptp-operator: \d+\n {2}ptp-operator netdevsim\n {4}#\d+ {2}\[ptp-operator netdevsim\]/,
    );
    expect(stdout).toContain('  linuxptp-daemon unit: 2 new run(s)');
    expect(stdout).toMatch(/Detector cycle 2, same data: nothing changed \(0 writes;/);
    expect(stdout).toContain(`Emulator state written to ${join('out-text', 'state.json')}`);
  });

  it('exits 3 for a folder that is not a scenario, 2 for bad demo settings', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    writeFileSync(
      join(dir, 'empty', 'nightshift.yml'),
      'version: 1\nsources: [{ type: prow, name: n, job: j }]\nissues: { repository: o/r }\n',
    );
    const empty = await demo('--scenario', 'empty');
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain('no scenario.yaml');
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'demo.yaml'), 'now: yesterday\n');
    const bad = await demo('--scenario', 'bad');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('demo.yaml: now:');
  });

  it('exits 2 at once, in one line, when --out cannot be the folder for state.json', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const cases: [string, string][] = [
      ['', '--out needs a path (got an empty one)'],
      // - is stdout for a file, and no folder: demo does not make a folder named -.
      ['-', '--out - means stdout, but demo writes a folder (<out>/state.json): give a folder'],
      ['a-file', 'cannot write --out a-file: is a file, not a folder (EEXIST)'],
      [
        join('a-file', 'sub'),
        `cannot write --out ${join('a-file', 'sub')}: a part of the path is not a folder (ENOTDIR)`,
      ],
    ];
    for (const [out, message] of cases) {
      const { code, stdout, stderr } = await demo('--out', out);
      expect({ code, stderr }).toEqual({ code: 2, stderr: `nightshift: ${message}\n` });
      expect(stdout).toBe('');
    }
  });
});
