import type { SourceLocation } from '../types';

// `In [It] at: /path/ptp.go:136 @ 07/06/26 15:41:30.455` (Ginkgo v2 failure trailer).
const IN_AT = /^\s*In \[([^\]]+)\] at: (.+?):(\d+)(?: @ .*)?\s*$/;
// A line that is only a location: `/path/file.go:80`, `\t/path/file.go:80 +0x1d` (Go stack frame).
const LOCATION_LINE = /^\s*(\S+\.[A-Za-z]\w*):(\d+)(?:\s+\+0x[0-9a-fA-F]+)?\s*$/;

export interface NodeLocation {
  nodeType: string;
  location: SourceLocation;
}

/** Parses Ginkgo's `In [Node] at: file:line @ time` line. */
export function parseInAt(line: string): NodeLocation | null {
  if (line.indexOf('] at: ') === -1) return null;
  const m = IN_AT.exec(line);
  if (!m) return null;
  return { nodeType: m[1]!, location: { file: m[2]!, line: Number(m[3]) } };
}

/** Parses a line holding nothing but `file.ext:line` (optionally a Go `+0x..` frame offset). */
export function parseLocationLine(line: string): SourceLocation | null {
  if (line.indexOf(':') === -1) return null;
  const m = LOCATION_LINE.exec(line);
  return m ? { file: m[1]!, line: Number(m[2]) } : null;
}

/** The last location-only line of a multi-line text (e.g. the failing frame of a v1 Ginkgo block). */
export function lastLocationLine(lines: readonly string[]): SourceLocation | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const loc = parseLocationLine(lines[i]!);
    if (loc) return loc;
  }
  return null;
}
