import { renderMarker } from '@nightshift/github-ops';
import { cleanLine, proseLine } from './sanitize';

export const DIGEST_MARKER = 'digest';
export const DIGEST_LABEL = 'nightshift-digest';

export interface DigestEntry {
  number: number;
  title: string;
}

/** What one day's digest of one source lists (kept in the digest issue's marker, merged per cycle). */
export interface DigestState {
  source: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  runs: number;
  new: DigestEntry[];
  failing: DigestEntry[];
  recovered: DigestEntry[];
}

export const DIGEST_ENTRY_CAP = 100;

export function digestTitle(source: string, day: string): string {
  return `[${cleanLine(source, 60)}] Nightshift digest ${day}`;
}

export function renderDigestBody(digest: DigestState): string {
  const section = (title: string, entries: DigestEntry[]) => {
    if (entries.length === 0) return `### ${title}\n\nNone.`;
    const shown = entries.slice(0, DIGEST_ENTRY_CAP);
    const more = entries.length > shown.length ? `\n- … and ${entries.length - shown.length} more` : '';
    return `### ${title} (${entries.length})\n\n${shown.map((e) => `- #${e.number} ${proseLine(e.title, 150)}`).join('\n')}${more}`;
  };
  const capped = {
    ...digest,
    new: cap(digest.new),
    failing: cap(digest.failing),
    recovered: cap(digest.recovered),
  };
  return [
    `Nightshift digest for ${proseLine(digest.source, 60)} on ${digest.day} (UTC): ${digest.runs} completed run${digest.runs === 1 ? '' : 's'} checked.`,
    section('New failures', digest.new),
    section('Still failing', digest.failing),
    section('Recovered', digest.recovered),
    renderMarker(DIGEST_MARKER, capped),
    '',
  ].join('\n\n');
}

function cap(entries: DigestEntry[]): DigestEntry[] {
  return entries.slice(0, DIGEST_ENTRY_CAP).map((e) => ({ number: e.number, title: e.title.slice(0, 150) }));
}
