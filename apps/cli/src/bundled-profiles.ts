/**
 * The profile rule files as they were when the CLI bundle was built: each file's text and its
 * parsed YAML document. From source this is empty; tsup's `bundled-profiles` plugin
 * (bundled-profiles-build.ts) replaces this module in the bundle.
 *
 * Why: parsing prompts/ptp/rules.yaml is ~30 ms of cold code in every `nightshift analyze`
 * (a sixth of its start-up). The bundle still reads the file on disk, since people edit it, and
 * uses the document only when the text is the same (see profile.ts).
 */
export interface BundledProfile {
  /** The rules file's text at build time. */
  source: string;
  /** `parseRulesText(source)`: the document before any check. */
  document: unknown;
}

export const BUNDLED_PROFILES: Readonly<Record<string, BundledProfile>> = {};
