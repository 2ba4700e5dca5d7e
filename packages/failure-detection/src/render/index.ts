export { DIGEST_LABEL, DIGEST_MARKER, type DigestState, renderDigestBody } from './digest-body';
export { BODY_LIMIT, BODY_MAX, extractReportSection, renderFailureBody } from './failure-body';
export { failureSubject, renderTitle, shortFailure, TITLE_MAX } from './render-title';
export { renderReportSection } from './report-section';
export { cleanCode, cleanProse } from './sanitize';
