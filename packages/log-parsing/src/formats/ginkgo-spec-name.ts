/**
 * Turns the spec text Ginkgo prints on the console into the name its JUnit reporter uses, so one
 * spec gets one name whichever artifact it was read from:
 *   console v2  `A B [It] C` / `A [BeforeEach] B C` / `TOP-LEVEL [BeforeEach] A B C`  →  `[It] A B C`
 *   console v2  `[SynchronizedBeforeSuite]`                                           →  unchanged
 *   console v1  `A B C [It]` / `[It] A B C` (summary)                                →  `A B C`
 * (v2 JUnit names are `[LeafNodeType] <containers> <leaf>`; v1 JUnit names are the texts joined.)
 */

const SUITE_NODES = new Set([
  'BeforeSuite',
  'SynchronizedBeforeSuite',
  'AfterSuite',
  'SynchronizedAfterSuite',
  'ReportBeforeSuite',
  'ReportAfterSuite',
  'DeferCleanup (Suite)',
]);
const SETUP_NODES = new Set([
  'BeforeSuite',
  'SynchronizedBeforeSuite',
  'BeforeEach',
  'JustBeforeEach',
  'BeforeAll',
]);
const SPEC_NODES = new Set([
  'It',
  'BeforeEach',
  'JustBeforeEach',
  'AfterEach',
  'JustAfterEach',
  'BeforeAll',
  'AfterAll',
  'DeferCleanup',
  'DeferCleanup (Each)',
  'DeferCleanup (All)',
  'ReportBeforeEach',
  'ReportAfterEach',
  'Measure',
  'Measurement',
]);

export type GinkgoVersion = 1 | 2;

export interface SpecIdentity {
  name: string;
  kind: 'test' | 'setup';
  /** The node the failure happened in, when the text marks one. */
  nodeType: string | null;
}

const BRACKETED = /\[([^\]]+)\]/g;

export function specIdentity(text: string, version: GinkgoVersion): SpecIdentity {
  let rest = text.trim();
  let nodeType: string | null = null;
  let topLevel = false;

  const top = /^TOP-LEVEL \[([^\]]+)\]\s*/.exec(rest);
  if (top) {
    nodeType = top[1]!;
    topLevel = true;
    rest = rest.slice(top[0].length);
  }

  const lead = /^\[([^\]]+)\]/.exec(rest);
  if (version === 2 && lead && SUITE_NODES.has(lead[1]!)) {
    return { name: rest, kind: SETUP_NODES.has(lead[1]!) ? 'setup' : 'test', nodeType: lead[1]! };
  }

  if (!topLevel) {
    const marker = findNodeMarker(rest, version);
    if (marker) {
      nodeType = marker.nodeType;
      rest = (rest.slice(0, marker.start) + rest.slice(marker.end)).replace(/ {2,}/g, ' ').trim();
    }
  }

  const setup =
    (topLevel && nodeType !== null && SETUP_NODES.has(nodeType)) ||
    (version === 1 && nodeType !== null && SUITE_NODES.has(nodeType) && SETUP_NODES.has(nodeType));
  if (version === 1) return { name: rest, kind: setup ? 'setup' : 'test', nodeType };
  return { name: rest === '' ? '[It]' : `[It] ${rest}`, kind: setup ? 'setup' : 'test', nodeType };
}

/** Finds the first `[Node]` marker standing as its own word (`[It] x` or `x [BeforeEach]`). */
function findNodeMarker(
  text: string,
  version: GinkgoVersion,
): { nodeType: string; start: number; end: number } | null {
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m !== null; m = BRACKETED.exec(text)) {
    const node = m[1]!;
    if (!SPEC_NODES.has(node) && !(version === 1 && SUITE_NODES.has(node))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = start === 0 || text[start - 1] === ' ';
    const after = end === text.length || text[end] === ' ';
    if (before && after) return { nodeType: node, start, end };
  }
  return null;
}
