import { sharedImage } from '../../byte-image';
import { SKIP_CLASSES } from '../../scan-kernel/kernel-limits';
import type { SkipShape } from '../../formats/skip-shape';
import { skipRun } from '../skip-run';

/**
 * `skipRun` with any shape, its class table included (tests draw random ones): the lines of
 * `text` (each ended by '\n') judged by the scan kernel with `shape.classes` as both class
 * tables, as input/scan-blocks.ts has it judge a region with `SKIP_TABLES`.
 */
export function skipRunWith(text: string, flags: Uint8Array, k: number, count: number, shape: SkipShape): number {
  const tables = { classes: new Uint8Array(2 * SKIP_CLASSES) };
  tables.classes.set(shape.classes, 0);
  tables.classes.set(shape.classes, SKIP_CLASSES);
  const found = sharedImage.lineStarts(text, new Int32Array(1), new Int32Array(1), {
    tables,
    into: new Uint8Array(1),
  });
  if (found.count !== count) throw new Error(`skipRunWith: ${found.count} lines in the text, not ${count}`);
  return skipRun(found.stops!, flags, k, count, shape.timestamped ? 1 << 2 : 1 << 0);
}
