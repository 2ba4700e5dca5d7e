import type { GenerateOptions } from './generate-options';
import type { GenerateResult } from './generate-result';

/**
 * The model interface every provider adapter implements. Versioned: a breaking change bumps
 * `specificationVersion`, so the loop can refuse an adapter built for another version.
 */
export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Provider id, e.g. `anthropic`, `gemini`, `openai`. */
  readonly provider: string;
  /** Model id as the provider names it, e.g. `claude-sonnet-4-5`. */
  readonly modelId: string;
  generate(options: GenerateOptions): Promise<GenerateResult>;
}
