export { type BuildFailureReportOptions, buildFailureReport } from './build-failure-report';
export { type GroupFailuresOptions, groupFailures } from './group-failures';
export { runLevelFailure } from './run-level-failure';
