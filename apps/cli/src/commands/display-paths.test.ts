import { join, sep } from 'node:path';
import type { AnalysisResult } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { displayPaths } from './display-paths';

const cwd = join('/', 'work', 'repo');
const abs = (...parts: string[]) => join(cwd, ...parts);

function result(paths: string[]): AnalysisResult {
  return {
    schemaVersion: 1,
    status: 'failed',
    inputs: paths.map((path) => ({
      path,
      format: 'junit-xml',
      bytes: 1,
      lines: 1,
      partial: true,
      errors: [`${path} line 3: truncated or malformed XML (${path} quoted inside stays)`],
    })),
    failures: [
      {
        test: 't',
        suite: null,
        kind: 'test',
        message: `failed reading ${paths[0]}`,
        location: null,
        category: 'unknown',
        rule: null,
        mode: null,
        signature: 'v1:0',
        fingerprint: 'v1:1',
        evidence: paths.map((path) => ({ path, line: 3, text: `log text naming ${path}` })),
      },
    ],
    flaky: [],
    excerpt: { path: paths[0] ?? null, text: `1│ ${paths[0]}`, tokens: 3, ranges: [[1, 1]] },
    redactions: [],
  };
}

describe('displayPaths', () => {
  it('shows paths under relative arguments relative to the working folder, log text untouched', () => {
    const given = result([
      abs('artifacts', 'junit.xml'),
      abs('run.zip!/0_build.txt'),
      join('/', 'abs', 'x.log'),
    ]);
    const shown = displayPaths(given, ['artifacts', './run.zip', '/abs/x.log'], cwd);
    expect(shown.inputs.map((i) => i.path)).toEqual([
      join('artifacts', 'junit.xml'),
      'run.zip!/0_build.txt',
      join('/', 'abs', 'x.log'),
    ]);
    expect(shown.inputs[0]!.errors).toEqual([
      `${join('artifacts', 'junit.xml')} line 3: truncated or malformed XML (${abs('artifacts', 'junit.xml')} quoted inside stays)`,
    ]);
    expect(shown.failures[0]!.evidence.map((e) => e.path)).toEqual(shown.inputs.map((i) => i.path));
    expect(shown.failures[0]!.evidence[0]!.text).toBe(`log text naming ${abs('artifacts', 'junit.xml')}`);
    expect(shown.failures[0]!.message).toBe(given.failures[0]!.message);
    expect(shown.excerpt).toEqual({ ...given.excerpt, path: join('artifacts', 'junit.xml') });
  });

  it('spells a folder above the working one with ..', () => {
    const shown = displayPaths(result([join('/', 'work', 'data', 'a.log')]), ['../data'], cwd);
    expect(shown.inputs[0]!.path).toBe(join('..', 'data', 'a.log'));
  });

  it('leaves a path that only shares a prefix with an argument alone', () => {
    const shown = displayPaths(result([abs('artifacts-old', 'a.log')]), ['artifacts'], cwd);
    expect(shown.inputs[0]!.path).toBe(abs('artifacts-old', 'a.log'));
  });

  it("keeps an absolute argument absolute, even inside a relative argument's folder", () => {
    const shown = displayPaths(
      result([abs('logs', 'x.log'), abs('logs', 'y.log')]),
      ['logs', abs('logs', 'x.log')],
      cwd,
    );
    expect(shown.inputs.map((i) => i.path)).toEqual([abs('logs', 'x.log'), join('logs', 'y.log')]);
  });

  it('handles the file-system root as the working folder or as an argument', () => {
    const root = join('/');
    expect(displayPaths(result([join('/', 'etc', 'a.log')]), ['.'], root).inputs[0]!.path).toBe(
      `.${sep}etc${sep}a.log`,
    );
    expect(
      displayPaths(result([join('/', 'etc', 'a.log')]), ['../..'], join('/', 'work', 'repo')).inputs[0]!.path,
    ).toBe(join('..', '..', 'etc', 'a.log'));
  });

  it('changes nothing when every argument is absolute or stdin', () => {
    const given = result([abs('a.log')]);
    expect(displayPaths(given, [abs('a.log'), '-'], cwd)).toBe(given);
  });
});
