import { JsScanKernel } from './js-scan-kernel';
import { type WasmApi, WasmScanKernel } from './wasm-scan-kernel';

/** The gram table the classifier's scan uses: its slot flags and a stamp that changes on rebuild. */
export interface KernelGramTable {
  used: Uint8Array;
  version: number;
}

/**
 * The two hot loops of analyze's batch scans and the byte image they read (../byte-image.ts).
 * Normally the WebAssembly module scan-kernel.wat (`WasmScanKernel`); where WebAssembly is off
 * (`node --jitless`) the same loops in JavaScript (`JsScanKernel`), ~2x slower.
 */
export interface ScanKernel {
  /**
   * The image as bytes and as 32-bit words, with room for at least `length` bytes. Asking for
   * more room can move the image, which empties every earlier view: take fresh ones each time.
   */
  imageViews(length: number): { bytes: Buffer; words: Uint32Array };
  /**
   * `classify/word-scan.ts`'s group scan with `table`: the first index from `i`, stepping by four
   * words, of a group with a used slot, or `count`. Writes every group it reads back case-folded
   * (each byte OR 0x20).
   */
  flaggedGroup(table: KernelGramTable, i: number, count: number): number;
  /**
   * `redact/keyword-prefilter.ts`'s pair scan with the anchor table `slots`: the first index from
   * `i`, stepping by two words, whose two words hold a pair of characters `slots` knows, or `count`.
   */
  anchorPair(slots: Uint8Array, i: number, count: number): number;
}

/** A scan kernel: the WebAssembly one when this runtime has WebAssembly, unless told otherwise. */
export function createScanKernel(options: { webAssembly?: boolean } = {}): ScanKernel {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return wasm !== undefined && options.webAssembly !== false ? new WasmScanKernel(wasm) : new JsScanKernel();
}

let kernel: ScanKernel | undefined;

/** The process's scan kernel, made on first use (~0.1 ms: the module is ~450 bytes). */
export function scanKernel(): ScanKernel {
  kernel ??= createScanKernel();
  return kernel;
}
