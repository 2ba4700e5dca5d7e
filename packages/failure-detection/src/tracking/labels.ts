import type { LabelSpec } from '@nightshift/github-ops';
import { DIGEST_LABEL } from '../render/digest-body';
import { STATE_LABEL } from './detector-state';

/** Colours and descriptions for the labels Nightshift uses; others get GitHub's grey. */
const KNOWN: Record<string, Omit<LabelSpec, 'name'>> = {
  nightshift: { color: '5319e7', description: 'Tracked by Nightshift' },
  'ci-failure': { color: 'd73a4a', description: 'A failing CI test or job' },
  flaky: { color: 'fbca04', description: 'Fails and passes on the same commit' },
  recovered: { color: '0e8a16', description: 'Stopped failing' },
  regression: { color: 'b60205', description: 'Came back after it was closed' },
  [STATE_LABEL]: { color: 'c5def5', description: 'Nightshift detector state' },
  [DIGEST_LABEL]: { color: 'c5def5', description: 'Nightshift daily digest' },
};

export function labelSpecs(names: Iterable<string>): LabelSpec[] {
  const seen = new Set<string>();
  const specs: LabelSpec[] = [];
  for (const name of names) {
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    specs.push({ name, ...(KNOWN[name.toLowerCase()] ?? {}) });
  }
  return specs;
}
