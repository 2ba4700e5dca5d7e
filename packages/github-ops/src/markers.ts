/**
 * Hidden markers: machine-readable state Nightshift keeps inside issue and comment bodies.
 *
 *   <!-- nightshift:<kind> {json} -->
 *
 * `kind` is `[a-z0-9][a-z0-9._-]*` (e.g. `failure`, `triage-report`); the payload is one JSON value.
 * Rendered on a line of its own; `<` and `>` in the JSON are written as \u003c / \u003e so the
 * payload can never close the comment early.
 *
 * Parsing is defensive: a marker with bad JSON, an oversized payload or an unknown shape is skipped,
 * never thrown. Markers inside fenced code blocks, inline code or indented code are skipped too —
 * bodies quote logs and user text there. Markers are still only as trustworthy as the body's author:
 * callers must only read markers from bodies written by the configured bot (see `findIssueByMarker`).
 */

export interface Marker<T = unknown> {
  kind: string;
  data: T;
  /** Offset of `<!--` in the body. */
  index: number;
  /** The full marker text. */
  raw: string;
}

const OPEN = '<!-- nightshift:';
const CLOSE = '-->';
const KIND = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Payload cap: markers carry state, not documents. Bigger payloads are ignored. */
export const MAX_MARKER_JSON_CHARS = 32 * 1024;

export function renderMarker(kind: string, data: unknown): string {
  if (!KIND.test(kind)) throw new TypeError(`marker kind ${JSON.stringify(kind)} must match ${KIND}`);
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError(`marker ${kind}: data is not JSON-serialisable`);
  const safe = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  if (safe.length > MAX_MARKER_JSON_CHARS) {
    throw new RangeError(
      `marker ${kind}: payload is ${safe.length} characters (cap ${MAX_MARKER_JSON_CHARS})`,
    );
  }
  return `${OPEN}${kind} ${safe} ${CLOSE}`;
}

/** Half-open [start, end) ranges of the body that are code: fenced blocks, indented blocks, inline spans. */
function codeRanges(body: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let fence: { char: string; length: number; start: number } | null = null;
  let offset = 0;
  let previousBlank = true;
  for (const line of body.split('\n')) {
    const end = offset + line.length + 1;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence.char && fenceMatch[1]!.length >= fence.length) {
        ranges.push([fence.start, end]);
        fence = null;
      }
    } else if (fenceMatch) {
      fence = { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length, start: offset };
    } else if (/^( {4}|\t)/.test(line) && previousBlank) {
      ranges.push([offset, end]);
      // a following indented line continues the block
      offset = end;
      previousBlank = true;
      continue;
    } else {
      // inline code spans: a run of N backticks up to the next run of exactly N
      const spans = /(`+)[^`]*?\1/g;
      for (let m = spans.exec(line); m; m = spans.exec(line))
        ranges.push([offset + m.index, offset + m.index + m[0].length]);
    }
    previousBlank = line.trim().length === 0;
    offset = end;
  }
  if (fence) ranges.push([fence.start, body.length]);
  return ranges;
}

function inside(ranges: Array<[number, number]>, index: number): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}

/**
 * Every well-formed marker outside code, in body order; optionally only one kind. Linear time:
 * `indexOf` scanning instead of a regex, so hostile bodies (`<!-- nightshift:` × 10⁵) stay cheap.
 */
export function parseMarkers<T = unknown>(body: string | null | undefined, kind?: string): Marker<T>[] {
  if (typeof body !== 'string' || !body.includes(OPEN)) return [];
  const ranges = codeRanges(body);
  const found: Marker<T>[] = [];
  let from = 0;
  for (;;) {
    const start = body.indexOf(OPEN, from);
    if (start === -1) break;
    const close = body.indexOf(CLOSE, start + OPEN.length);
    if (close === -1) break; // no later marker can close either
    from = close + CLOSE.length;
    if (inside(ranges, start)) continue;
    const inner = body.slice(start + OPEN.length, close).trim();
    const space = inner.search(/\s/);
    if (space === -1) continue;
    const markerKind = inner.slice(0, space);
    const json = inner.slice(space + 1).trim();
    if (!KIND.test(markerKind) || (kind !== undefined && markerKind !== kind)) continue;
    if (json.length > MAX_MARKER_JSON_CHARS) continue;
    try {
      found.push({
        kind: markerKind,
        data: JSON.parse(json) as T,
        index: start,
        raw: body.slice(start, from),
      });
    } catch {
      // bad JSON: not a marker of ours
    }
  }
  return found;
}

/** The first marker of `kind` outside code, or null. */
export function findMarker<T = unknown>(body: string | null | undefined, kind: string): Marker<T> | null {
  return parseMarkers<T>(body, kind)[0] ?? null;
}

/** Replace the first marker of `kind` in `body` (or append one on its own line). */
export function setMarker(body: string, kind: string, data: unknown): string {
  const rendered = renderMarker(kind, data);
  const existing = findMarker(body, kind);
  if (existing)
    return body.slice(0, existing.index) + rendered + body.slice(existing.index + existing.raw.length);
  return body.length === 0 || body.endsWith('\n') ? `${body}${rendered}\n` : `${body}\n\n${rendered}\n`;
}

/** Markers outside code removed (for displaying or comparing bodies). */
export function stripMarkers(body: string): string {
  const markers = parseMarkers(body);
  let out = body;
  for (const marker of markers.reverse()) {
    out = out.slice(0, marker.index) + out.slice(marker.index + marker.raw.length);
  }
  return out;
}
