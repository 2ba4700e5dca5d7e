export type * from './analysis-result';
export { type AnalyzeOptions, type AnalyzeSource, analyzePaths, analyzeSources } from './analyze-inputs';
export { analyzeInput, type AnalyzeInputOptions, type InputAnalysis } from './analyze-input';
export { buildFailures } from './build-failures';
