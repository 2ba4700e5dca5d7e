export type * from './analysis-result';
export { type AnalyzeInputOptions, analyzeInput, type InputAnalysis } from './analyze-input';
export { type AnalyzeOptions, type AnalyzeSource, analyzePaths, analyzeSources } from './analyze-inputs';
export { buildFailures } from './build-failures';
export { wasAnalysed } from './was-analysed';
