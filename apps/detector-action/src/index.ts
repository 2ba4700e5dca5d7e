// Library surface shared with the CLI (`nightshift detect` / `demo` run the same code path).
export { type ActionInputs, readActionInputs } from './action-inputs';
export {
  type BuiltDetectorDeps,
  buildClassifier,
  buildDetectorDeps,
  type DetectorDepsOptions,
  type ProfileRules,
} from './detector-deps';
export {
  actionOutputs,
  type DetectionInputs,
  type DetectionOutcome,
  everySourceFailed,
  resolveIssueRepo,
  runDetection,
} from './run';
export { renderSummary, type SummaryContext } from './summary';
