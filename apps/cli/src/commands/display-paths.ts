import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AnalysisResult } from '@nightshift/log-parsing';

/**
 * Shows the paths of a result the way they were given: the analysis reads `resolve(cwd, arg)` (the
 * CLI's cwd comes from its io, for tests), so every path under an argument given as a relative path
 * is turned back into one (`../artifacts/junit.xml`, `run.zip!/0_build.txt`), as grep and tsc print
 * them. Absolute arguments stay absolute. Only path fields and the path that starts an input's
 * error are touched, never log text.
 */
export function displayPaths(result: AnalysisResult, args: readonly string[], cwd: string): AnalysisResult {
  const show = displayPathOf(args, cwd);
  const inputs = result.inputs.map((input) => {
    const path = show(input.path);
    if (path === input.path) return input;
    const errors = input.errors.map((e) =>
      e.startsWith(input.path) ? path + e.slice(input.path.length) : e,
    );
    return { ...input, path, errors };
  });
  if (inputs.every((input, i) => input === result.inputs[i])) return result;
  const failures = result.failures.map((f) => ({
    ...f,
    evidence: f.evidence.map((e) => ({ ...e, path: show(e.path) })),
  }));
  const excerpt = {
    ...result.excerpt,
    path: result.excerpt.path === null ? null : show(result.excerpt.path),
  };
  return { ...result, inputs, failures, excerpt };
}

/** The function `displayPaths` applies to each path (progress lines use it too). */
export function displayPathOf(args: readonly string[], cwd: string): (path: string) => string {
  // Absolute arguments map to themselves, so one inside a relative argument's folder stays absolute.
  const roots = args
    .filter((a) => a !== '-')
    .map((a) => {
      const absolute = resolve(cwd, a);
      return { absolute, shown: isAbsolute(a) ? absolute : relative(cwd, absolute) || '.' };
    })
    // The longest first: an argument inside another one's folder keeps its own spelling.
    .sort((x, y) => y.absolute.length - x.absolute.length);
  if (roots.every((r) => r.shown === r.absolute)) return (path) => path;
  const show = (path: string): string => {
    for (const { absolute, shown } of roots) {
      if (path === absolute) return shown;
      if (!path.startsWith(absolute)) continue;
      // `/` (or `C:\`) ends with the separator already.
      const rest = absolute.endsWith(sep) ? path.slice(absolute.length - 1) : path.slice(absolute.length);
      if (rest.startsWith(sep) || rest.startsWith('!/'))
        return shown === absolute ? path : joinShown(shown, rest);
    }
    return path;
  };
  return show;
}

/** `shown` + the rest of a path, without doubling the separator of a root shown as `/`. */
function joinShown(shown: string, rest: string): string {
  return shown.endsWith(sep) ? shown + rest.slice(1) : shown + rest;
}
