/*
 * Zips for hostile-input tests. Ordinary zips come from `buildZip` in @nightshift/ci-emulator (the
 * same builder the emulator serves logs and artifacts with); only the hostile patching lives here.
 */

/**
 * yazl refuses hostile names like `../x`; build with a same-length harmless name and patch the
 * bytes in the local header and central directory.
 */
export function patchEntryName(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patchEntryName: names must have the same byte length');
  const out = Buffer.from(zip);
  let hits = 0;
  for (let at = out.indexOf(a); at !== -1; at = out.indexOf(a, at + a.length)) {
    b.copy(out, at);
    hits++;
  }
  if (hits !== 2) throw new Error(`patchEntryName: expected 2 copies of ${from}, found ${hits}`);
  return out;
}
