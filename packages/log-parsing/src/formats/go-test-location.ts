import type { SourceLocation } from '../types';
import { parseLocationLine } from './source-location';

// `    foo_test.go:12: message` (t.Error/t.Log output, indented by go test).
const GO_MESSAGE_LOCATION = /^\s*([\w./\\-]+\.go):(\d+): /m;

/** The `file.go:NN` of the first t.Error/t.Log line in a go test message. */
export function goMessageLocation(message: string | null): SourceLocation | null {
  if (message === null) return null;
  const m = GO_MESSAGE_LOCATION.exec(message);
  return m ? { file: m[1]!, line: Number(m[2]) } : null;
}

/**
 * The first frame of a Go panic trace that is not in the runtime or the testing package, i.e. the
 * code that panicked: frames are a function line followed by `\t/path/file.go:NN +0x..`.
 */
export function panicLocation(lines: readonly string[]): SourceLocation | null {
  for (let i = 1; i < lines.length; i++) {
    const loc = parseLocationLine(lines[i]!);
    if (!loc) continue;
    const fn = lines[i - 1]!.trim();
    if (/^(runtime\.|testing\.|panic\(|created by |sync\.|reflect\.)/.test(fn)) continue;
    if (/\/src\/(runtime|testing)\//.test(loc.file)) continue;
    return loc;
  }
  return null;
}

export function panicFailureType(text: string): 'timedout' | 'panicked' | null {
  if (text.indexOf('panic: test timed out after') !== -1) return 'timedout';
  return /^\s*panic: /m.test(text) ? 'panicked' : null;
}
