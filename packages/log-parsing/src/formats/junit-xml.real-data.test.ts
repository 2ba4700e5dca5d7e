import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUnitXmlParser } from './junit-xml';
import { parseText, toLines } from './test-lines';

// Real Prow artifacts (see /work/shared/data/README.md); every file is cut at 20,000 characters.
const PROW = new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url).pathname;
const present = existsSync(PROW);

interface RecordFailure {
  name: string;
  classname: string;
}

function buildDirs(): string[] {
  return readdirSync(PROW).flatMap((job) =>
    readdirSync(join(PROW, job)).map((build) => join(PROW, job, build)),
  );
}

function junitFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return junitFiles(path);
    return /(^|_)test_results_.*\.xml$|^junit\.xml$/.test(name) ? [path] : [];
  });
}

describe.skipIf(!present)('JUnitXmlParser on every PTP nightly build folder', () => {
  it('never throws, names every failure, and flags truncation with file and line', () => {
    let files = 0;
    let truncated = 0;
    let failures = 0;
    for (const dir of buildDirs()) {
      const record = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as {
        junit_failures: RecordFailure[] | null;
      };
      // record.json also lists ci-operator step failures (classname '' / telco5g-ptp-tests); the
      // Ginkgo spec failures are the ones a test report can hold.
      const recorded = new Set(
        (record.junit_failures ?? []).filter((f) => f.classname !== '').map((f) => f.name),
      );
      for (const file of junitFiles(dir)) {
        files++;
        const text = readFileSync(file, 'utf8');
        const report = parseText(new JUnitXmlParser({ path: file }), text);
        const failedTests = report.tests.filter((t) => t.state === 'failed');
        failures += failedTests.length;
        for (const t of failedTests) expect(t.name.trim(), file).not.toBe('');
        if (report.partial) {
          truncated++;
          const fatal = report.errors.at(-1)!;
          expect(fatal.path).toBe(file);
          expect(fatal.line, file).toBe(toLines(text).length);
          expect(fatal.message).toContain(file);
        } else {
          // A complete file must give exactly the failures the complete JUnit gave at the time
          // (a per-mode file: those of its mode).
          const mode = /test_results_([a-z]+)\.xml$/.exec(file)?.[1];
          const expected =
            mode && mode !== 'all' ? [...recorded].filter((n) => n.includes(`[${mode}-`)) : [...recorded];
          expect(new Set(failedTests.map((t) => t.name)), file).toEqual(new Set(expected));
        }
        // The merged report of a run holds the same specs as record.json: what we parsed of it is a subset.
        if (/\/(junit|test_results_all)\.xml$/.test(file)) {
          for (const t of failedTests) expect(recorded.has(t.name), `${file}: ${t.name}`).toBe(true);
        }
      }
    }
    expect(files).toBeGreaterThan(200);
    expect(truncated).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
  });
});
