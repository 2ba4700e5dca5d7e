// `pnpm check:dist`: rebuilds the action bundle into a temporary folder and fails when it differs
// from the committed dist/ (someone changed a source and forgot `pnpm build:actions`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(app, 'dist');
const fresh = mkdtempSync(join(tmpdir(), 'nightshift-dist-check-'));
try {
  const build = spawnSync('pnpm', ['exec', 'tsup', '--out-dir', fresh, '--silent'], {
    cwd: app,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('check:dist: the build failed');
    process.exit(build.status ?? 1);
  }
  const list = (dir) =>
    (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  const want = list(fresh);
  const have = list(committed);
  const problems = [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing from dist/: ${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `not produced by the build: dist/${f}`),
    ...want
      .filter(
        (f) => have.includes(f) && !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))),
      )
      .map((f) => `differs: dist/${f}`),
  ];
  if (problems.length > 0) {
    console.error(
      `check:dist: ${app}/dist is out of date:\n  ${problems.join('\n  ')}\nRun \`pnpm build:actions\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`check:dist: dist/ matches the sources (${want.length} file(s))`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
