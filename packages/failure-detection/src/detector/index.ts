export type {
  DetectorDeps,
  DetectorInputs,
  DetectorResult,
  IssueRef,
  PlannedOperation,
} from './detector-types';
export { windowStart } from './lookback';
export { runDetector } from './run-detector';
