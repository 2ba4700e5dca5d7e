import { stripAnsi } from '../ansi';
import type { FormatId } from '../types';
import { githubTimestampLength } from './github-timestamp';

const GINKGO_MARKERS = [
  /^Running Suite: /,
  /^Will run \d+ of \d+ specs/,
  /^(?:•|\+|\[[A-Za-z ]+\])!? \[(?:FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\]/,
  /^•(?:!|\.\.\.)? (?:Failure|Panic|Timeout)\b/,
  /^Summarizing \d+ Failures?:/,
  /^Ran \d+ of \d+ Specs? in /,
  /^▶ START /,
  /^■ DONE /,
];
const HTML_START = /^\s*<(?:!DOCTYPE\s+html|html)[\s>]/i;
/** A line holding only an XML declaration or a comment, which may come before an HTML page's first tag. */
const XML_PROLOGUE_LINE = /^\s*(?:<\?xml\b[^>]*\?>|<!--.*-->)\s*$/;

/**
 * Whether the input's first tag, past an XML declaration and comments, opens an HTML page. Only
 * the first: an HTML body a test printed (a go test log, a JUnit `<system-out>`) is not a page.
 */
function isHtmlDocument(nonEmpty: readonly string[]): boolean {
  let i = 0;
  while (i < nonEmpty.length && XML_PROLOGUE_LINE.test(nonEmpty[i]!)) i++;
  return i < nonEmpty.length && HTML_START.test(nonEmpty[i]!);
}
const GO_TEST_MARKERS = [
  /^=== (?:RUN|PAUSE|CONT|NAME) /,
  /^\s*--- (?:FAIL|PASS|SKIP): \S/,
  /^(?:FAIL|ok )\s*\t\S/,
];

/**
 * Picks the format of an input from its first lines (about 50) and, only when they say nothing,
 * from the file name. Content wins because CI artifacts are often misnamed (`.txt` JUnit, `.log`
 * job logs).
 */
export function detectFormat(head: readonly string[], path: string): FormatId {
  const lines = head.map((l, i) => (i === 0 && l.charCodeAt(0) === 0xfeff ? l.slice(1) : l));
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const first = nonEmpty[0]?.trimStart() ?? '';

  // An XHTML page (a rendered test report beside the JUnit file, say) opens like XML too; read as
  // JUnit it would only be refused for its DOCTYPE. As text it is harmless.
  if (isHtmlDocument(nonEmpty)) return 'plain';
  if (first.startsWith('<?xml') || /^<testsuites?[\s>/]/.test(first)) return 'junit-xml';
  if (
    first.startsWith('[') &&
    nonEmpty.some((l) => l.includes('"SuiteDescription"') || l.includes('"SpecReports"'))
  ) {
    return 'ginkgo-json';
  }
  if (nonEmpty.some(isTestEvent)) return 'go-test-json';

  if (nonEmpty.length > 0) {
    if (share(nonEmpty, isGhRunViewLine) >= 0.5) return 'gh-run-view-log';
    if (share(nonEmpty, (l) => githubTimestampLength(l) > 0) >= 0.5) return 'github-actions-log';
    const clean = nonEmpty.map(stripAnsi);
    if (clean.some((l) => GINKGO_MARKERS.some((re) => re.test(l)))) return 'ginkgo-console';
    if (clean.some((l) => GO_TEST_MARKERS.some((re) => re.test(l)))) return 'go-test-text';
  }

  // Only XML goes by its name: JSON is whatever its content says (above). A CI artifact folder holds
  // plenty of JSON that is neither test2json nor a Ginkgo report (Prow's finished.json and
  // record.json, sidecar logs, custom summaries); read as test2json it only gave parse errors.
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.xml')) return 'junit-xml';
  return 'plain';
}

function isTestEvent(line: string): boolean {
  const text = line.trim();
  if (!text.startsWith('{') || text.indexOf('"Action"') === -1) return false;
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { Action?: unknown }).Action === 'string'
    );
  } catch {
    return false;
  }
}

function isGhRunViewLine(line: string): boolean {
  const a = line.indexOf('\t');
  const b = a === -1 ? -1 : line.indexOf('\t', a + 1);
  return b !== -1 && githubTimestampLength(line.slice(b + 1)) > 0;
}

function share(lines: readonly string[], test: (line: string) => boolean): number {
  let n = 0;
  for (const line of lines) if (test(line)) n++;
  return n / lines.length;
}
