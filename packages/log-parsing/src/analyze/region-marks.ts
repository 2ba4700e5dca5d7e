import type { Classifier } from '../classify/index';
import type { ByteRegion } from '../input/scan-blocks';
import { candidateLineStarts } from '../redact/keyword-prefilter';
import { LINE_ESCAPE, LINE_WIDE } from '../scan-kernel/scan-kernel';
import { QUIET_WIDE_TEXT, quietLineStops } from './quiet-line';

/**
 * What the batch scans say about a byte region's lines, found once per region so that the line
 * walk (`LineConsumer.takeRegion`) looks at each line only through these lists:
 *  - `secrets`: starts of the lines holding a secret keyword (the redaction prefilter, the same
 *    scan the line redactor runs first);
 *  - `hits`: the classifier's block-scan hits, ascending (a line without one matches no rule);
 *  - `escaped`: starts of the lines that may hold an escape sequence;
 *  - `wide`: the lines holding a byte >= 0x80, by index: they must be decoded (UTF-8);
 *  - `loud`: the lines of `escaped` and `wide` that are not quiet (analyze/quiet-line.ts), by
 *    index. A quiet line has its skip verdict in `region.stops` (with `QUIET` set), so the walk
 *    may pass over it; where it stops there, it takes the line as one of `escaped` or `wide`.
 * For a line with no byte >= 0x80 the region's text is the line's decoded text, so each list says
 * of it what the same scan says of the decoded line (the keywords and literals the scans look
 * for never hold a line break, so a line's neighbours cannot change what is found in it). For a
 * wide line the ASCII keywords and literals are found all the same (a byte >= 0x80 is never part
 * of one); what the scans cannot see in its bytes, `Classifier.hitsMissWide` says.
 */
export interface RegionMarks {
  secrets: number[];
  hits: number[];
  escaped: number[];
  wide: number[];
  loud: number[];
}

/**
 * The marks of `region`, or null when the classifier has no block scan (every line is matched
 * then: the caller decodes the region instead).
 */
export function regionMarks(region: ByteRegion, classifier: Classifier): RegionMarks | null {
  const { text, starts, marks, markCount, stops } = region;
  // The redaction prefilter first: it writes the shared byte image, the block scan reuses it.
  const secrets = candidateLineStarts(text);
  // The line pass (`lineEnds`) marked the lines with a byte >= 0x80 and those that may hold an
  // escape, where two more scans of the text cost ~0.2 s per GB.
  const wide: number[] = [];
  const escaped: number[] = [];
  const loud: number[] = [];
  const quietWide = seesQuietWide(classifier);
  for (let j = 0; j < markCount; j++) {
    const mark = marks[j]!;
    const k = mark >>> 2;
    if ((mark & LINE_WIDE) !== 0) wide.push(k);
    if ((mark & LINE_ESCAPE) !== 0) escaped.push(starts[k]!);
    const quiet =
      (mark & LINE_WIDE) !== 0 && !quietWide ? -1 : quietLineStops(text, starts[k]!, starts[k + 1]! - 1);
    if (quiet === -1) loud.push(k);
    else stops[k] = quiet;
  }
  const hits = classifier.lineHits?.(text, undefined, escaped) ?? null;
  if (hits === null) return null;
  if (hits.length > 1) hits.sort((a, b) => a - b);
  return { secrets, hits, escaped, wide, loud };
}

const quietWideSeen = new WeakMap<Classifier, boolean>();

/** Whether the block scan sees every rule literal a quiet line's wide characters could hold. */
function seesQuietWide(classifier: Classifier): boolean {
  let sees = quietWideSeen.get(classifier);
  if (sees === undefined) {
    sees = classifier.hitsMissWide?.(QUIET_WIDE_TEXT) === false;
    quietWideSeen.set(classifier, sees);
  }
  return sees;
}
