/**
 * Test oracle and benchmark baseline: the keyword prefilter as it was before the pair-table scan
 * (keyword-prefilter.ts), unchanged. keyword-prefilter.test.ts checks both find the same lines.
 *
 * Finds the few lines of a text that can contain a secret, so the rules run on those alone.
 *
 * Why not one combined keyword regex: V8's regex engine is fast on a single literal (it skips
 * ahead Boyer–Moore style, ~2–3 GB/s) but falls to ~50–120 MB/s on an alternation of 50
 * keywords, because no position has a small set of possible characters. So the scan is split:
 *  - keywords holding a character that is rare in CI logs are found by `indexOf` of that
 *    character (memchr speed) and verified in place;
 *  - the rest are found by a handful of single-literal scans.
 * About 15 native passes in all; each costs ~10–40 ms per 100 MB.
 *
 * Every rule's matches must contain one of these keywords (checked by keyword-prefilter.test.ts
 * against the rules' own keyword lists, and end to end by the per-kind tests).
 */

interface CharAnchor {
  /** The rare character searched with indexOf. */
  char: string;
  /** Keywords containing `char`, checked around each hit. */
  keywords: readonly { text: string; ignoreCase: boolean }[];
}

const exact = (text: string) => ({ text, ignoreCase: false });
const anyCase = (text: string) => ({ text: text.toLowerCase(), ignoreCase: true });

// Character frequencies measured on the PTP Prow build logs and JUnit files in shared/data:
// _ 0.39%, ~ 0.003%, J 0.057%, z 0.036%, x 0.53%, k 0.30%, K 0.063%, w 0.16%, W 0.024%.
const CHAR_ANCHORS: readonly CharAnchor[] = [
  {
    char: '_',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'npm_', 'k_live_', 'k_test_'].map(
      exact,
    ),
  },
  { char: '~', keywords: [exact('sha256~')] },
  { char: 'J', keywords: [exact('eyJ'), exact('LS0tLS1CRUdJTi'), exact('T3BlbkFJ')] },
  { char: 'z', keywords: [exact('AIza')] },
  { char: 'x', keywords: [exact('xox'), exact('xapp-')] },
  { char: 'k', keywords: [exact('sk-'), exact('hooks.slack.com'), anyCase('token'), anyCase('key')] },
  { char: 'K', keywords: [anyCase('token'), anyCase('key')] },
  { char: 'w', keywords: [anyCase('passw')] },
  { char: 'W', keywords: [anyCase('passw')] },
];

/**
 * Keywords without a rare character: native literal scans. `auth` and `secret` share one: an
 * alternation of two case-insensitive words scans about as fast as either word alone (~0.45 ns a
 * character against ~1.0 for the two scans, measured on the PTP benchmark log). The AWS key
 * prefixes had `I` and `K` anchors, but glog prefixes (`I0708 …`) make `I` one of the commonest
 * capitals in Kubernetes logs: one scan for the three prefixes costs less than checking every `I`.
 */
// Session 3: GitLab tokens by their prefixes instead of `gl` (as the scan under test).
const LITERAL_SCANS: readonly RegExp[] = [/gl(?:pat|dt|rt|ptt|soat|cbt)-/g, /:\/\//g, /auth|secret/gi, /A[KSB]IA/g];

/** Every keyword the prefilter can find, lower-cased (for the coverage test). */
export const PREFILTER_KEYWORDS: readonly string[] = [
  ...CHAR_ANCHORS.flatMap((a) => a.keywords.map((k) => k.text.toLowerCase())),
  'glpat-',
  'gldt-',
  'glrt-',
  'glptt-',
  'glsoat-',
  'glcbt-',
  '://',
  'auth',
  'secret',
  'akia',
  'asia',
  'abia',
];

interface AnchorHit {
  text: string;
  ignoreCase: boolean;
  offset: number;
}

const TABLE = CHAR_ANCHORS.map((a) => ({
  char: a.char,
  hits: a.keywords.map<AnchorHit>((k) => ({
    text: k.text,
    ignoreCase: k.ignoreCase,
    offset: k.text.indexOf(k.ignoreCase ? a.char.toLowerCase() : a.char),
  })),
}));

function matchesAt(text: string, pos: number, kw: AnchorHit): boolean {
  if (pos < 0 || pos + kw.text.length > text.length) return false;
  for (let j = 0; j < kw.text.length; j++) {
    let c = text.charCodeAt(pos + j);
    if (kw.ignoreCase && c >= 65 && c <= 90) c |= 32;
    if (c !== kw.text.charCodeAt(j)) return false;
  }
  return true;
}

function lineEndAfter(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

/** Start offsets of the lines that contain a keyword, ascending and unique. */
export function candidateLineStarts(text: string): number[] {
  const starts: number[] = [];
  for (const { char, hits } of TABLE) {
    let i = text.indexOf(char);
    while (i !== -1) {
      let found = false;
      for (const kw of hits) {
        if (matchesAt(text, i - kw.offset, kw)) {
          found = true;
          break;
        }
      }
      if (found) {
        starts.push(text.lastIndexOf('\n', i) + 1);
        i = lineEndAfter(text, i);
      }
      i = text.indexOf(char, i + 1);
    }
  }
  for (const re of LITERAL_SCANS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      starts.push(text.lastIndexOf('\n', m.index) + 1);
      re.lastIndex = lineEndAfter(text, m.index);
    }
  }
  if (starts.length < 2) return starts;
  starts.sort((a, b) => a - b);
  let n = 1;
  for (let k = 1; k < starts.length; k++) if (starts[k] !== starts[n - 1]) starts[n++] = starts[k]!;
  starts.length = n;
  return starts;
}
