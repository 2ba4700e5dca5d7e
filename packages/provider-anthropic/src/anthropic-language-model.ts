import type Anthropic from '@anthropic-ai/sdk';
import type {
  Message as AnthropicMessage,
  MessageCreateParamsNonStreaming,
} from '@anthropic-ai/sdk/resources/messages';
import type { GenerateOptions, GenerateResult, LanguageModel, Usage } from '@nightshift/agent-core';
import { ANTHROPIC_DEFAULT_MAX_OUTPUT_TOKENS, type AnthropicModelSettings } from './anthropic-settings';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages';
import { mapAnthropicError } from './map-anthropic-error';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';
import { prepareAnthropicTools } from './prepare-anthropic-tools';

/** LanguageModel (spec v1) over the Anthropic Messages API. Build it with `createAnthropic`. */
export class AnthropicLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1';
  readonly provider = 'anthropic';
  readonly modelId: string;
  // Private fields: the client holds the API key, and must not show up in logs or JSON.
  readonly #client: Anthropic;
  readonly #settings: AnthropicModelSettings;
  readonly #secrets: string[];

  constructor(options: {
    modelId: string;
    client: Anthropic;
    settings?: AnthropicModelSettings;
    secrets: string[];
  }) {
    this.modelId = options.modelId;
    this.#client = options.client;
    this.#settings = options.settings ?? {};
    this.#secrets = options.secrets;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const prompt = convertToAnthropicMessages({
      system: options.system,
      messages: options.messages,
      cacheSystem: options.cacheHints?.system,
    });
    const tools = prepareAnthropicTools({
      tools: options.tools,
      toolChoice: options.toolChoice,
      cacheTools: options.cacheHints?.tools,
    });
    const body: MessageCreateParamsNonStreaming = {
      model: this.modelId,
      max_tokens:
        options.maxOutputTokens ??
        this.#settings.defaultMaxOutputTokens ??
        ANTHROPIC_DEFAULT_MAX_OUTPUT_TOKENS,
      ...(prompt.system === undefined ? {} : { system: prompt.system }),
      messages: prompt.messages,
      ...(tools.tools ? { tools: tools.tools } : {}),
      ...(tools.tool_choice ? { tool_choice: tools.tool_choice } : {}),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    };

    let response: AnthropicMessage;
    try {
      response = await this.#client.messages.create(body, { signal: options.abortSignal });
    } catch (error) {
      throw mapAnthropicError(error, { secrets: this.#secrets, abortSignal: options.abortSignal });
    }
    return toGenerateResult(response, [...prompt.warnings, ...tools.warnings]);
  }
}

function toGenerateResult(response: AnthropicMessage, warnings: string[]): GenerateResult {
  const content: GenerateResult['content'] = [];
  for (const block of response.content ?? []) {
    if (block.type === 'text') {
      if (block.text !== '') content.push({ type: 'text', text: block.text });
    } else if (block.type === 'tool_use') {
      content.push({ type: 'tool-call', toolCallId: block.id, toolName: block.name, input: block.input });
    } else {
      // Thinking and server-tool blocks only appear for features this adapter does not enable.
      warnings.push(`ignored response content block of type ${block.type}`);
    }
  }
  return {
    content,
    finishReason: mapAnthropicFinishReason(response.stop_reason),
    usage: toUsage(response.usage),
    warnings,
    responseId: response.id,
  };
}

/**
 * `input_tokens` counts only the uncached part of the prompt; cache reads and cache writes are
 * reported separately. The neutral `inputTokens` is the whole prompt, so add them back.
 */
export function toUsage(usage: Partial<AnthropicMessage['usage']> | undefined): Usage {
  const uncached = usage?.input_tokens ?? 0;
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: uncached + cacheRead + cacheWrite,
    outputTokens: usage?.output_tokens ?? 0,
    cachedInputTokens: cacheRead,
  };
}
