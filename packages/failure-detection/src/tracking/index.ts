export { resolveBotLogin } from './bot-identity';
export {
  parseDetectorState,
  type RunRecord,
  renderStateMarkers,
  type SourceState,
  STATE_LABEL,
  STATE_MARKER,
} from './detector-state';
export {
  FAILURE_MARKER,
  type FailureState,
  fitFailureState,
  type Occurrence,
  parseFailureState,
} from './failure-state';
export { type FlakyCounts, flakyCounts } from './flakiness';
export { mergeObservations, type Observation } from './merge-observations';
export { type IssuePlan, type IssuePlanInput, planIssue } from './plan-issue';
export { isRecovered } from './recovery';
export { loadTrackedIssues, type TrackedIssue } from './tracked-issues';
export { TrackingError } from './tracking-error';
