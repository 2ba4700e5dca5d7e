/**
 * The keywords of the secret prefilter (keyword-prefilter.ts) and the character pairs it looks
 * for to find them.
 *
 * The scan reads the text two characters at a time, at even offsets only. A keyword of three or
 * more characters, wherever it lies, then has one of its pairs at an even offset of the text:
 * either the pairs at its own even offsets or those at its odd offsets. So each keyword names
 * two anchors, one of each parity, and a hit on either is confirmed against the whole keyword.
 * Anchors are exact-case for exact keywords (`K_` in CLOCK_REALTIME is no `k_`), every ASCII
 * case for the others.
 *
 * Anchors are chosen rare in CI logs, as each hit costs a confirmation. Occurrences per 10,000
 * characters on the PTP benchmark log / real Prow build logs / the other shared PTP data:
 *   ke 0/19/2   ok 0/3/0   ey 0/0.7/0.7   ss 11/8/22   sw 0/0.8/0.7   au 0/6/3   ut 0/20/10
 *   cr 0/11/4   ec 7/34/22   :/ 0/11/2   // 0/5/2   ho 1/13/11   SI 0/10/0.3   sk 0/5/4
 * Avoided: th 16–44, se 54–83, re 65–107, en 24–71, to 0.6–58, pa 8–37 (words of prose).
 * `gho_`, `ASIA`, `auth` (four characters) have one odd pair only: `ho`, `SI`, `ut`.
 *
 * GitLab tokens are found by their six prefixes (`glpat-` …) rather than by `gl`: a two-letter
 * keyword has no pair at an odd offset, and its native scan stopped at every `g` (~0.2 ns a
 * character of the PTP log, where `config` is on every other line). Their anchors `gl`, `lp`,
 * `dt`, `ld`, `lr`, `oa`, `cb`, `bt` occur 0–10 times per 10,000 characters (PTP log, Prow logs).
 */

import { ANCHOR_ALONE, ANCHOR_SLOTS, FOLLOWED_AFTER, FOLLOWED_BEFORE } from '../scan-kernel/kernel-limits';

export interface PrefilterKeyword {
  /** The keyword: exact case, or lower case when `ignoreCase`. */
  text: string;
  /** Matched ignoring ASCII case only (as `/…/i` without `u` and the old per-character check). */
  ignoreCase: boolean;
  /** Two pairs of `text`: one at an even offset, one at an odd offset. */
  anchors: readonly [string, string];
}

const exact = (text: string, even: string, odd: string): PrefilterKeyword => ({
  text,
  ignoreCase: false,
  anchors: [even, odd],
});
const anyCase = (text: string, even: string, odd: string): PrefilterKeyword => ({
  text,
  ignoreCase: true,
  anchors: [even, odd],
});

export const ANCHORED_KEYWORDS: readonly PrefilterKeyword[] = [
  exact('ghp_', 'gh', 'hp'),
  exact('gho_', 'gh', 'ho'),
  exact('ghu_', 'gh', 'hu'),
  exact('ghs_', 'gh', 'hs'),
  exact('ghr_', 'gh', 'hr'),
  exact('github_pat_', '_p', 'b_'),
  exact('npm_', 'm_', 'pm'),
  exact('k_live_', 'k_', '_l'),
  exact('k_test_', 'k_', 't_'),
  exact('sha256~', 'a2', '6~'),
  exact('eyJ', 'ey', 'yJ'),
  exact('LS0tLS1CRUdJTi', 'dJ', 'JT'),
  exact('T3BlbkFJ', 'bk', 'kF'),
  exact('AIza', 'za', 'Iz'),
  exact('xox', 'xo', 'ox'),
  exact('xapp-', 'xa', 'ap'),
  exact('sk-', 'sk', 'k-'),
  exact('hooks.slack.com', 'k.', 'ks'),
  exact('://', ':/', '//'),
  exact('AKIA', 'IA', 'KI'),
  exact('ASIA', 'IA', 'SI'),
  exact('ABIA', 'IA', 'BI'),
  exact('glpat-', 'gl', 'lp'),
  exact('gldt-', 'dt', 'ld'),
  exact('glrt-', 'gl', 'lr'),
  exact('glptt-', 'gl', 'lp'),
  exact('glsoat-', 'gl', 'oa'),
  exact('glcbt-', 'cb', 'bt'),
  anyCase('token', 'ke', 'ok'),
  anyCase('key', 'ke', 'ey'),
  anyCase('passw', 'ss', 'sw'),
  anyCase('auth', 'au', 'ut'),
  anyCase('secret', 'cr', 'ec'),
];

/** Every keyword the prefilter finds, lower-cased (for the coverage test). */
export const PREFILTER_KEYWORDS: readonly string[] = ANCHORED_KEYWORDS.map((k) => k.text.toLowerCase());

/** A pair as the scan reads it from the image: the first character in the low byte. */
export function pairKey(c0: number, c1: number): number {
  return c0 | (c1 << 8);
}

/** The pair keys of `pair`: itself, or each ASCII case variant when `ignoreCase`. */
function pairKeys(pair: string, ignoreCase: boolean): number[] {
  return variants(pair.charCodeAt(0), ignoreCase).flatMap((c0) =>
    variants(pair.charCodeAt(1), ignoreCase).map((c1) => pairKey(c0, c1)),
  );
}

/**
 * ORs `bit` into `table` at each pair key of `pair` (as `pairKeys`), where a `*` stands for any
 * byte (a follower pair that reaches past the keyword's end or start). A `*`'s 256 keys are
 * marked in a loop of their own: this runs at every start, and listing them cost ~3 ms there.
 */
function markPairs(table: Uint8Array, pair: string, ignoreCase: boolean, bit: number): void {
  const first = pair.charCodeAt(0);
  const second = pair.charCodeAt(1);
  if (first !== ANY && second !== ANY) {
    for (const key of pairKeys(pair, ignoreCase)) table[key] = table[key]! | bit;
    return;
  }
  const shift = first === ANY ? 8 : 0;
  for (const c of variants(first === ANY ? second : first, ignoreCase)) {
    for (let any = 0; any < 256; any++) {
      const key = (c << shift) | (any << (8 - shift));
      table[key] = table[key]! | bit;
    }
  }
}

function variants(c: number, ignoreCase: boolean): number[] {
  return ignoreCase && (c | 32) >= 97 && (c | 32) <= 122 ? [c | 32, c & ~32] : [c];
}

const ANY = 0x2a; // '*': no keyword holds one

export interface AnchorEntry {
  keyword: PrefilterKeyword;
  /** Offset of the anchor pair in the keyword. */
  offset: number;
}

export interface AnchorTable {
  /** By pair key: 0, or 1 + the index of the pair's entries in `entries`. */
  slots: Uint8Array;
  entries: readonly (readonly AnchorEntry[])[];
  /**
   * What the scan kernel reads, by pair key: the classes of the anchors that are this pair
   * (`masks`, bits of kernel-limits.ts), and the classes whose follower this pair is
   * (`followers`). An anchor's follower is the pair of its keyword right after it, or else right
   * before it, with `*` for a character past the keyword's end or start. So the kernel stops only
   * where an anchor stands beside its follower, a superset of the keywords' places: on the PTP
   * benchmark log (100 MB) 111,394 stops → 3, on the Prow build logs of shared/data 16,278 →
   * 4,451 (3,320 of them keyword lines); each stop is a call back into JavaScript and a check.
   */
  masks: Uint8Array;
  followers: Uint8Array;
}

/** Builds the pair table; throws if a keyword's anchors are not pairs of it with both parities. */
export function buildAnchorTable(keywords: readonly PrefilterKeyword[]): AnchorTable {
  const slots = new Uint8Array(ANCHOR_SLOTS);
  const masks = new Uint8Array(ANCHOR_SLOTS);
  const followers = new Uint8Array(ANCHOR_SLOTS);
  const entries: AnchorEntry[][] = [];
  let after = 0;
  let before = 0;
  for (const keyword of keywords) {
    const parities = new Set<number>();
    for (const anchor of keyword.anchors) {
      const offset = anchorOffset(keyword, anchor);
      parities.add(offset & 1);
      const follower = followerOf(keyword.text, offset);
      // Classes in turn, so that anchors sharing a pair (`gh`, `IA`, `ke`) mostly keep theirs.
      const bit =
        follower === null
          ? ANCHOR_ALONE
          : follower.after
            ? FOLLOWED_AFTER & (1 << (after++ % 4))
            : FOLLOWED_BEFORE & (0x10 << (before++ % 3));
      for (const key of pairKeys(keyword.text.slice(offset, offset + 2), keyword.ignoreCase)) {
        if (slots[key] === 0) {
          entries.push([]);
          if (entries.length > 255) throw new Error('prefilter: more than 255 anchor pairs');
          slots[key] = entries.length;
        }
        entries[slots[key]! - 1]!.push({ keyword, offset });
        masks[key] = masks[key]! | bit;
      }
      if (follower !== null) markPairs(followers, follower.pair, keyword.ignoreCase, bit);
    }
    if (parities.size !== 2)
      throw new Error(
        `prefilter: keyword ${keyword.text} needs one anchor at an even and one at an odd offset`,
      );
  }
  return { slots, entries, masks, followers };
}

/**
 * The follower of the anchor at `offset` of `text`: the pair after it, else the pair before it
 * (`*` where it runs past the keyword), else none (a keyword of two characters).
 */
function followerOf(text: string, offset: number): { pair: string; after: boolean } | null {
  if (offset + 4 <= text.length) return { pair: text.slice(offset + 2, offset + 4), after: true };
  if (offset >= 2) return { pair: text.slice(offset - 2, offset), after: false };
  if (offset + 3 <= text.length) return { pair: `${text[offset + 2]}*`, after: true };
  if (offset >= 1) return { pair: `*${text[offset - 1]}`, after: false };
  return null;
}

function anchorOffset(keyword: PrefilterKeyword, anchor: string): number {
  const offset = keyword.text.indexOf(keyword.ignoreCase ? anchor.toLowerCase() : anchor);
  if (anchor.length !== 2 || offset === -1 || /[^\x20-\x7e]/.test(keyword.text))
    throw new Error(`prefilter: anchor ${anchor} is not a pair of printable ASCII keyword ${keyword.text}`);
  return offset;
}
