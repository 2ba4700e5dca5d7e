import { isAscii } from 'node:buffer';
import { sharedImage, wordCount } from '../byte-image';
import type { Classifier } from '../classify/index';
import type { ByteRegion } from '../input/scan-blocks';
import { candidateLineStarts } from '../redact/keyword-prefilter';
import { scanKernel } from '../scan-kernel/scan-kernel';

/**
 * What the batch scans say about a byte region's lines, found once per region so that the line
 * walk (`LineConsumer.takeRegion`) looks at each line only through these lists:
 *  - `secrets`: starts of the lines holding a secret keyword (the redaction prefilter, the same
 *    scan the line redactor runs first);
 *  - `hits`: the classifier's block-scan hits, ascending (a line without one matches no rule);
 *  - `escaped`: starts of the lines that may hold an escape sequence;
 *  - `wide`: the lines holding a byte >= 0x80, by index: they must be decoded (UTF-8).
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
}

/**
 * The marks of `region`, or null when the classifier has no block scan (every line is matched
 * then: the caller decodes the region instead).
 */
export function regionMarks(region: ByteRegion, classifier: Classifier): RegionMarks | null {
  const { text, bytes, starts, count } = region;
  // The redaction prefilter first: it writes the shared byte image, the block scan reuses it.
  const secrets = candidateLineStarts(text);
  const wide = isAscii(bytes) ? [] : wideLines(text, starts, count);
  const escaped: number[] = [];
  const hits = classifier.lineHits?.(text, escaped) ?? null;
  if (hits === null) return null;
  if (hits.length > 1) hits.sort((a, b) => a - b);
  return { secrets, hits, escaped, wide };
}

/**
 * Indexes of the lines holding a byte >= 0x80, ascending. The scan kernel finds the groups of 16
 * bytes that hold one (`highByte`, SIMD); a regex class over the latin1 text cost ~0.17 s per 100 MB
 * of the benchmark log, whose every 64 KiB holds a few `•`, and a JavaScript word loop ~0.05 s.
 * Call it before the block scan, which folds the image and may load another text into it.
 */
function wideLines(text: string, starts: Int32Array, count: number): number[] {
  sharedImage.hold(text);
  const words = sharedImage.words;
  const n = wordCount(text.length);
  const kernel = scanKernel();
  const out: number[] = [];
  let k = 0;
  for (let i = kernel.highByte(0, n); i < n; i = kernel.highByte(i, n)) {
    for (let j = i; j < i + 4; j++) {
      let high = words[j]! & 0x80808080;
      while (high !== 0) {
        const at = 4 * j + ((31 - Math.clz32(high & -high)) >>> 3);
        if (at >= text.length) return out;
        while (starts[k + 1]! <= at) k++;
        if (out.length === 0 || out[out.length - 1] !== k) out.push(k);
        high &= high - 1;
      }
    }
    // The rest of line k (the last line found) adds nothing: go on from the word holding the next
    // line's start (it may hold line k's last bytes too: found again, kept once).
    if (k + 1 >= count) return out;
    i = Math.max(i + 4, starts[k + 1]! >>> 2);
  }
  return out;
}
