import { ANCHOR_SLOTS, checkTableSize, GRAM_SLOTS, READ_SLACK, SKIP_CLASSES } from './kernel-limits';
import type {
  KernelAnchorTable,
  KernelGramTable,
  KernelSkipTables,
  ScanKernel,
  SlotCounts,
} from './scan-kernel';
import { SCAN_KERNEL_WASM_BASE64 } from './scan-kernel-wasm';
import { skipActions } from './skip-actions';

/** Byte offsets of the kernel memory's regions: the layout scan-kernel.wat is written for. */
const GRAM_SLOTS_AT = 0;
const ANCHOR_MASKS_AT = GRAM_SLOTS;
const FOLLOWERS_AT = ANCHOR_MASKS_AT + ANCHOR_SLOTS;
const SLOT_COUNTS_AT = FOLLOWERS_AT + ANCHOR_SLOTS;
const SKIP_ACTIONS_AT = SLOT_COUNTS_AT + 4 * GRAM_SLOTS;
const IMAGE_AT = SKIP_ACTIONS_AT + 1024;
const PAGE_BYTES = 65_536;

/** The WebAssembly API used here: TypeScript declares it only with the DOM library. */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface KernelExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  flaggedGroup(i: number, count: number): number;
  anchorPair(i: number, count: number): number;
  lineEnds(length: number, out: number, marks: number): number;
  escapeByte(i: number, length: number): number;
  quietLine(i: number, end: number): number;
  sampleSlots(count: number): void;
  skipStops(count: number, ends: number, out: number): void;
}

/**
 * The scan kernel as the WebAssembly module scan-kernel.wat, and the memory its loops read: the
 * tables are copied in when they change, and the shared byte image is written straight into it.
 */
export class WasmScanKernel implements ScanKernel {
  private readonly exports: KernelExports;
  private bytes: Buffer;
  private words: Uint32Array;
  /** The gram table in the memory now: its id and version (not the table: that would keep it alive). */
  private gramId = -1;
  private gramVersion = -1;
  private anchorTable: KernelAnchorTable | null = null;
  private skipTables: KernelSkipTables | null = null;

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
    const have = memory.buffer.byteLength;
    if (need > have) {
      // At least double, as a growing series of texts would otherwise grow it on every load.
      memory.grow(Math.max(Math.ceil((need - have) / PAGE_BYTES), have / PAGE_BYTES));
      this.refreshViews();
    }
    return { bytes: this.bytes, words: this.words };
  }

  flaggedGroup(table: KernelGramTable, i: number, count: number): number {
    if (table.id !== this.gramId || table.version !== this.gramVersion) {
      checkTableSize('a gram table', table.used, GRAM_SLOTS);
      new Uint8Array(this.exports.memory.buffer, GRAM_SLOTS_AT, GRAM_SLOTS).set(table.used);
      this.gramId = table.id;
      this.gramVersion = table.version;
    }
    return this.exports.flaggedGroup(i, count);
  }

  anchorPair(table: KernelAnchorTable, i: number, count: number): number {
    if (table !== this.anchorTable) {
      checkTableSize('an anchor mask table', table.masks, ANCHOR_SLOTS);
      checkTableSize('a follower table', table.followers, ANCHOR_SLOTS);
      new Uint8Array(this.exports.memory.buffer, ANCHOR_MASKS_AT, ANCHOR_SLOTS).set(table.masks);
      new Uint8Array(this.exports.memory.buffer, FOLLOWERS_AT, ANCHOR_SLOTS).set(table.followers);
      this.anchorTable = table;
    }
    return this.exports.anchorPair(i, count);
  }

  lineEnds(length: number, out: number, marks: number): number {
    return this.exports.lineEnds(length, IMAGE_AT + out, IMAGE_AT + marks);
  }

  escapeByte(i: number, length: number): number {
    return this.exports.escapeByte(i, length);
  }

  quietLine(i: number, end: number): number {
    return this.exports.quietLine(i, end);
  }

  sampleSlots(count: number, into: SlotCounts): SlotCounts {
    checkTableSize('a slot count table', into, GRAM_SLOTS);
    const counts = new Uint32Array(this.exports.memory.buffer, SLOT_COUNTS_AT, GRAM_SLOTS);
    counts.fill(0);
    this.exports.sampleSlots(count);
    into.set(counts);
    return into;
  }

  skipStops(tables: KernelSkipTables, count: number, ends: number, out: number): void {
    if (tables !== this.skipTables) {
      checkTableSize('a pair of skip class tables', tables.classes, 2 * SKIP_CLASSES);
      new Uint16Array(this.exports.memory.buffer, SKIP_ACTIONS_AT, SKIP_CLASSES).set(
        skipActions(tables.classes),
      );
      this.skipTables = tables;
    }
    this.exports.skipStops(count, ends, out);
  }

  private refreshViews(): void {
    const buffer = this.exports.memory.buffer;
    this.bytes = Buffer.from(buffer, IMAGE_AT, buffer.byteLength - IMAGE_AT);
    this.words = new Uint32Array(buffer, IMAGE_AT, (buffer.byteLength - IMAGE_AT) >>> 2);
  }
}
