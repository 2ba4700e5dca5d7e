import {
  SKIP_CLASSES,
  SKIP_IGNORED,
  SKIP_IGNORED_UNLESS_A,
  SKIP_IGNORED_UNLESS_DASHES,
} from './kernel-limits';

/**
 * The two skip class tables (`KernelSkipTables`) as what `skipStops` does with a message's first
 * byte, one 16-bit action per byte value: bit v (0-1) when table v stops at it, bit 2 + v when
 * table v stops if an 'a' follows, bit 4 + v when table v stops if the message holds '--- '. One
 * load answers both tables for most lines.
 */
export function skipActions(classes: Uint8Array): Uint16Array {
  const actions = new Uint16Array(SKIP_CLASSES);
  for (let c = 0; c < SKIP_CLASSES; c++) {
    for (let v = 0; v < 2; v++) {
      const cls = classes[v * SKIP_CLASSES + c]!;
      if (cls === SKIP_IGNORED) continue;
      const shift = cls === SKIP_IGNORED_UNLESS_A ? 2 : cls === SKIP_IGNORED_UNLESS_DASHES ? 4 : 0;
      actions[c]! |= 1 << (v + shift);
    }
  }
  return actions;
}
