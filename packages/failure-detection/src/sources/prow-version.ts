/**
 * The release a Prow job tests, from its name: `periodic-ci-openshift-release-main-nightly-5.0-e2e-…`
 * → `5.0`. The `nightly-X.Y` token wins; otherwise the first `X.Y` token (`…-release-4.18-…`).
 */
export function versionFromJobName(job: string): string | null {
  const nightly = /(?:^|-)nightly-(\d+\.\d+)(?=-|$)/.exec(job);
  if (nightly) return nightly[1]!;
  const any = /(?:^|-)(\d+\.\d+)(?=-|$)/.exec(job);
  return any?.[1] ?? null;
}
