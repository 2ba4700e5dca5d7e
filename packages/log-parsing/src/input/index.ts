export { BINARY_SNIFF_BYTES, looksBinary } from './byte-peek';
export { DEFAULT_MAX_GUNZIP_BYTES, type GunzipOptions, gunzip, isGzip } from './gzip';
export { InputError, type InputErrorCode, type InputErrorOptions } from './input-error';
export type { ExpandInputsOptions, InputFailure, InputItem, InputSource } from './input-source';
export {
  type LineBlock,
  type LineReaderOptions,
  readLineBatches,
  readLineBlocks,
  readLines,
} from './line-reader';
export {
  DEFAULT_MAX_LINE_BYTES,
  type LineSplitOptions,
  LineSplitter,
  lineCutMarker,
  splitLines,
} from './line-splitter';
export { expandInputs } from './open-inputs';
export { DEFAULT_ZIP_CAPS, type ZipCaps } from './zip-caps';
export { isZip, readZipEntries, type ZipEntries, type ZipEntry, type ZipReadOptions } from './zip-reader';
