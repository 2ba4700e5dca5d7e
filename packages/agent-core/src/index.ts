export { AgentError } from './agent-error';
export { type Budget, type BudgetStopReason, BudgetTracker, DEFAULT_MAX_TURNS } from './budget/budget';
export {
  costOf,
  DEFAULT_PRICE_TABLE,
  findModelPrice,
  type ModelPrice,
  normaliseModelId,
  type PriceTable,
} from './budget/price-table';
export { type CompactionOptions, type CompactionResult, compactMessages } from './context/compaction';
export { estimateTokens } from './context/estimate-tokens';
export { DEFAULT_FINAL_TOOL_NAME, defineFinalTool, type FinalTool } from './loop/final-answer';
export { LoopDetector, type LoopVerdict } from './loop/loop-detector';
export { runAgent } from './loop/run-agent';
export type {
  AgentResult,
  IncompleteReason,
  RunAgentOptions,
  StepRecord,
  ToolCallRecord,
} from './loop/types';
export {
  connectMcpServer,
  type McpBridge,
  type McpBridgeOptions,
  type McpServerConnection,
} from './mcp/mcp-bridge';
export * from './model/index';
export { createNonce, type DataBlockOptions, dataBlock, dataTag } from './prompts/data-block';
export { loadPrompt } from './prompts/load-prompt';
export {
  type PromptTemplate,
  type RenderedPrompt,
  type RenderInput,
  renderPrompt,
} from './prompts/render-prompt';
export { defaultSleep, type RetryOptions, type Sleep, withRetry } from './retry/with-retry';
export { defineTool, TOOL_NAME_PATTERN, toInputJsonSchema, toToolDefinition } from './tool/define-tool';
export { type ProtectedOutput, protectToolOutput, toOutputText } from './tool/protect-tool-output';
export type { AnyTool, Tool, ToolContext } from './tool/tool';
export { type CapResult, capToolResult } from './tool/tool-result-cap';
export { Transcript, type TranscriptOptions, type TranscriptSummary } from './transcript/transcript';
