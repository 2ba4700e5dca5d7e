import type { GenerateOptions, GenerateResult, LanguageModel, Usage } from '@nightshift/agent-core';
import { ModelError } from '@nightshift/agent-core';
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import { convertToOpenAIMessages } from './convert-to-openai-messages';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';
import type { OpenAICompatibility, OpenAIModelSettings } from './openai-settings';
import { prepareOpenAITools } from './prepare-openai-tools';

type ToolCallPart = Extract<GenerateResult['content'][number], { type: 'tool-call' }>;

/** LanguageModel (spec v1) over the Chat Completions API. Build it with `createOpenAI`. */
export class OpenAILanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1';
  readonly provider: string;
  readonly modelId: string;
  // Private fields: the client holds the API key, and must not show up in logs or JSON.
  readonly #client: OpenAI;
  readonly #settings: OpenAIModelSettings;
  readonly #secrets: string[];
  readonly #compatibility: OpenAICompatibility;

  constructor(options: {
    modelId: string;
    provider: string;
    client: OpenAI;
    compatibility: OpenAICompatibility;
    settings?: OpenAIModelSettings;
    secrets: string[];
  }) {
    this.modelId = options.modelId;
    this.provider = options.provider;
    this.#client = options.client;
    this.#compatibility = options.compatibility;
    this.#settings = options.settings ?? {};
    this.#secrets = options.secrets;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    // OpenAI caches prompts automatically; `cacheHints` has nothing to map to and is ignored.
    const prompt = convertToOpenAIMessages({ system: options.system, messages: options.messages });
    const tools = prepareOpenAITools({ tools: options.tools, toolChoice: options.toolChoice });
    const maxTokens = options.maxOutputTokens ?? this.#settings.defaultMaxOutputTokens;
    // OpenAI replaced `max_tokens` with `max_completion_tokens` (reasoning models reject the old
    // name); compatible servers widely understand only `max_tokens`.
    const maxTokensField = this.#compatibility === 'strict' ? 'max_completion_tokens' : 'max_tokens';
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.modelId,
      messages: prompt.messages,
      ...(tools.tools ? { tools: tools.tools } : {}),
      ...(tools.tool_choice ? { tool_choice: tools.tool_choice } : {}),
      ...(maxTokens === undefined ? {} : { [maxTokensField]: maxTokens }),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    };

    let response: ChatCompletion;
    try {
      response = await this.#client.chat.completions.create(body, { signal: options.abortSignal });
    } catch (error) {
      throw mapOpenAIError(error, {
        provider: this.provider,
        secrets: this.#secrets,
        abortSignal: options.abortSignal,
      });
    }
    return this.#toResult(response, [...prompt.warnings, ...tools.warnings]);
  }

  #toResult(response: ChatCompletion, warnings: string[]): GenerateResult {
    const choice = response?.choices?.[0];
    if (!choice) throw this.#protocolError('the response has no choices', false);
    const message = choice.message;
    const content: GenerateResult['content'] = [];
    if (typeof message?.content === 'string' && message.content !== '') {
      content.push({ type: 'text', text: message.content });
    }
    if (typeof message?.refusal === 'string' && message.refusal !== '') {
      content.push({ type: 'text', text: message.refusal });
    }
    const calls = (message?.tool_calls ?? []).flatMap((call, index) =>
      this.#toToolCall(call, index, response.id, choice.finish_reason, warnings),
    );
    content.push(...calls);

    const finishReason = message?.refusal
      ? 'content-filter'
      : mapOpenAIFinishReason(choice.finish_reason, calls.length > 0);
    return {
      content,
      finishReason,
      usage: this.#usage(response, warnings),
      warnings,
      ...(typeof response.id === 'string' && response.id !== '' ? { responseId: response.id } : {}),
    };
  }

  #toToolCall(
    call: ChatCompletionMessageToolCall,
    index: number,
    responseId: string | undefined,
    finishReason: string | null | undefined,
    warnings: string[],
  ): ToolCallPart[] {
    // Read through a loose shape: compatible servers omit or bend fields the SDK types promise.
    const loose = call as {
      id?: unknown;
      type?: unknown;
      function?: { name?: unknown; arguments?: unknown };
    };
    if ((loose.type !== undefined && loose.type !== 'function') || typeof loose.function !== 'object') {
      warnings.push(`ignored tool call ${String(loose.id)} of type ${String(loose.type)}`);
      return [];
    }
    const name = typeof loose.function.name === 'string' ? loose.function.name : '';
    let id = typeof loose.id === 'string' ? loose.id : '';
    if (id === '') {
      if (this.#compatibility === 'strict')
        throw this.#protocolError(`tool call ${index} (${name}) has no id`, false);
      id = `call_${responseId ?? 'response'}_${index}`;
      warnings.push(`tool call ${index} (${name}) had no id; using ${id}`);
    }
    const part = (input: unknown): ToolCallPart[] => [
      { type: 'tool-call', toolCallId: id, toolName: name, input },
    ];
    const args = loose.function.arguments;
    if (typeof args === 'object' && args !== null) {
      // Some servers send arguments as an object rather than a JSON string: take it as it is.
      if (this.#compatibility === 'strict')
        throw this.#protocolError(`tool call ${id} arguments are not a string`, false);
      return part(args);
    }
    if (args === undefined || args === null || (typeof args === 'string' && args.trim() === ''))
      return part({});
    try {
      return part(JSON.parse(String(args)));
    } catch (error) {
      const problem = `tool call ${id} (${name}) arguments are not valid JSON: ${(error as Error).message}`;
      // Truncated output (`length`) explains broken JSON even from OpenAI itself; otherwise strict
      // mode treats it as a bad sample worth retrying.
      if (this.#compatibility === 'strict' && finishReason !== 'length')
        throw this.#protocolError(problem, true);
      // The raw text goes through as the input: the loop's input validation rejects it and tells
      // the model, which can then try again.
      warnings.push(`${problem}; passed through as a string`);
      return part(String(args));
    }
  }

  #usage(response: ChatCompletion, warnings: string[]): Usage {
    const usage = response.usage;
    if (!usage) {
      if (this.#compatibility === 'strict') {
        throw this.#protocolError(
          "the response has no usage (use compatibility: 'compatible' for such servers)",
          false,
        );
      }
      warnings.push('the response has no usage; token counts are reported as 0');
    }
    return {
      inputTokens: usage?.prompt_tokens ?? 0,
      outputTokens: usage?.completion_tokens ?? 0,
      cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    };
  }

  #protocolError(problem: string, isRetryable: boolean): ModelError {
    return new ModelError({ message: `${this.provider}: ${problem}`, provider: this.provider, isRetryable });
  }
}
