import type { KernelGramTable, ScanKernel } from './scan-kernel';
import { SCAN_KERNEL_WASM_BASE64 } from './scan-kernel-wasm';

/** Byte offsets of the kernel memory's regions: the layout scan-kernel.wat is written for. */
const GRAM_SLOTS_AT = 0;
const GRAM_SLOTS_BYTES = 131_072;
const ANCHOR_SLOTS_AT = 131_072;
const ANCHOR_SLOTS_BYTES = 65_536;
const IMAGE_AT = 196_608;
const PAGE_BYTES = 65_536;
/**
 * Bytes the kernel may read past what an image needs (`ByteImage` zeros 8 spare bytes after its
 * padded text): `flaggedGroup` reads 16 bytes from a word that can lie 3 words before the end.
 */
const READ_SLACK = 64;

/** The WebAssembly API used here: TypeScript declares it only with the DOM library. */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface KernelExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  flaggedGroup(i: number, count: number): number;
  anchorPair(i: number, count: number): number;
}

/**
 * The scan kernel as the WebAssembly module scan-kernel.wat, and the memory its loops read: the
 * tables are copied in when they change, and the shared byte image is written straight into it.
 */
export class WasmScanKernel implements ScanKernel {
  private readonly exports: KernelExports;
  private bytes: Buffer;
  private words: Uint32Array;
  private gramTable: KernelGramTable | null = null;
  private gramVersion = -1;
  private anchorSlots: Uint8Array | null = null;

  constructor(wasm: WasmApi) {
    const module = new wasm.Module(Buffer.from(SCAN_KERNEL_WASM_BASE64, 'base64'));
    this.exports = new wasm.Instance(module).exports as KernelExports;
    this.bytes = Buffer.alloc(0);
    this.words = new Uint32Array(0);
    this.refreshViews();
  }

  imageViews(length: number): { bytes: Buffer; words: Uint32Array } {
    const need = IMAGE_AT + length + READ_SLACK;
    const memory = this.exports.memory;
    if (need > memory.buffer.byteLength) {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE_BYTES));
      this.refreshViews();
    }
    return { bytes: this.bytes, words: this.words };
  }

  flaggedGroup(table: KernelGramTable, i: number, count: number): number {
    if (table !== this.gramTable || table.version !== this.gramVersion) {
      if (table.used.length !== GRAM_SLOTS_BYTES) {
        throw new RangeError(
          `scan kernel: a gram table has ${GRAM_SLOTS_BYTES} slots, got ${table.used.length}`,
        );
      }
      new Uint8Array(this.exports.memory.buffer, GRAM_SLOTS_AT, GRAM_SLOTS_BYTES).set(table.used);
      this.gramTable = table;
      this.gramVersion = table.version;
    }
    return this.exports.flaggedGroup(i, count);
  }

  anchorPair(slots: Uint8Array, i: number, count: number): number {
    if (slots !== this.anchorSlots) {
      if (slots.length !== ANCHOR_SLOTS_BYTES) {
        throw new RangeError(
          `scan kernel: an anchor table has ${ANCHOR_SLOTS_BYTES} slots, got ${slots.length}`,
        );
      }
      new Uint8Array(this.exports.memory.buffer, ANCHOR_SLOTS_AT, ANCHOR_SLOTS_BYTES).set(slots);
      this.anchorSlots = slots;
    }
    return this.exports.anchorPair(i, count);
  }

  private refreshViews(): void {
    const buffer = this.exports.memory.buffer;
    this.bytes = Buffer.from(buffer, IMAGE_AT, buffer.byteLength - IMAGE_AT);
    this.words = new Uint32Array(buffer, IMAGE_AT, (buffer.byteLength - IMAGE_AT) >>> 2);
  }
}
