/** A small JUnit XML report, the way Ginkgo writes one, for scripted runs. */
export function junit(tests: Array<{ name: string; failure?: string; suite?: string }>): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const failures = tests.filter((t) => t.failure !== undefined).length;
  const cases = tests
    .map((t) => {
      const open = `    <testcase name="${escape(t.name)}" classname="${escape(t.suite ?? 'PTP e2e')}" time="1.5">`;
      if (t.failure === undefined) return `${open}</testcase>`;
      const first = t.failure.split('\n')[0] ?? '';
      return `${open}\n      <failure message="${escape(first)}" type="failed">${escape(t.failure)}</failure>\n    </testcase>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${tests.length}" failures="${failures}">\n  <testsuite name="PTP e2e" tests="${tests.length}" failures="${failures}">\n${cases}\n  </testsuite>\n</testsuites>\n`;
}
