import type { GenerateContentConfig, GenerateContentResponse, GoogleGenAI, Part } from '@google/genai';
import type { GenerateOptions, GenerateResult, LanguageModel, Usage } from '@nightshift/agent-core';
import { convertToGeminiMessages } from './convert-to-gemini-messages';
import type { GeminiModelSettings } from './gemini-settings';
import { mapGeminiError } from './map-gemini-error';
import { mapGeminiFinishReason } from './map-gemini-finish-reason';
import { prepareGeminiTools } from './prepare-gemini-tools';

/** How many function-call thought signatures to remember (a long agent run stays far below it). */
const MAX_SIGNATURES = 1000;

/** LanguageModel (spec v1) over the Gemini API `generateContent`. Build it with `createGemini`. */
export class GeminiLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1';
  readonly provider = 'gemini';
  readonly modelId: string;
  // Private fields: the client holds the API key, and must not show up in logs or JSON.
  readonly #client: GoogleGenAI;
  readonly #settings: GeminiModelSettings;
  readonly #secrets: string[];
  /** toolCallId → thoughtSignature, so later turns can send the signatures back. */
  readonly #signatures = new Map<string, string>();
  /** Fallback for responses without a `responseId`, to keep synthesised ids unique. */
  #sequence = 0;

  constructor(options: {
    modelId: string;
    client: GoogleGenAI;
    settings?: GeminiModelSettings;
    secrets: string[];
  }) {
    this.modelId = options.modelId;
    this.#client = options.client;
    this.#settings = options.settings ?? {};
    this.#secrets = options.secrets;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    // Gemini caches prompts implicitly; `cacheHints` has nothing to map to and is ignored.
    const prompt = convertToGeminiMessages({
      system: options.system,
      messages: options.messages,
      thoughtSignatures: this.#signatures,
    });
    const tools = prepareGeminiTools({ tools: options.tools, toolChoice: options.toolChoice });
    const maxOutputTokens = options.maxOutputTokens ?? this.#settings.defaultMaxOutputTokens;
    const config: GenerateContentConfig = {
      ...(prompt.systemInstruction === undefined ? {} : { systemInstruction: prompt.systemInstruction }),
      ...(tools.tools ? { tools: tools.tools } : {}),
      ...(tools.toolConfig ? { toolConfig: tools.toolConfig } : {}),
      ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    };

    let response: GenerateContentResponse;
    try {
      response = await this.#client.models.generateContent({
        model: this.modelId,
        contents: prompt.contents,
        config,
      });
    } catch (error) {
      throw mapGeminiError(error, { secrets: this.#secrets, abortSignal: options.abortSignal });
    }
    return this.#toResult(response, [...prompt.warnings, ...tools.warnings]);
  }

  #toResult(response: GenerateContentResponse, warnings: string[]): GenerateResult {
    const candidate = response.candidates?.[0];
    const content: GenerateResult['content'] = [];
    const idPrefix = `gemini_${response.responseId ?? `n${++this.#sequence}`}`;
    let calls = 0;

    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall) {
        // Gemini usually gives no id; a synthesised one is stable for a given response.
        const toolCallId = part.functionCall.id ?? `${idPrefix}_${calls}`;
        calls += 1;
        this.#remember(toolCallId, part);
        content.push({
          type: 'tool-call',
          toolCallId,
          toolName: part.functionCall.name ?? '',
          input: part.functionCall.args ?? {},
        });
      } else if (typeof part.text === 'string') {
        // `thought: true` parts are thought summaries, not the answer.
        if (!part.thought && part.text !== '') content.push({ type: 'text', text: part.text });
      } else {
        warnings.push(`ignored response part with fields ${Object.keys(part).join(', ')}`);
      }
    }

    const blockReason = response.promptFeedback?.blockReason;
    if (!candidate && blockReason) warnings.push(`prompt blocked: ${blockReason}`);
    return {
      content,
      finishReason:
        !candidate && blockReason
          ? 'content-filter'
          : mapGeminiFinishReason(candidate?.finishReason, calls > 0),
      usage: toUsage(response.usageMetadata),
      warnings,
      ...(response.responseId ? { responseId: response.responseId } : {}),
    };
  }

  #remember(toolCallId: string, part: Part): void {
    if (!part.thoughtSignature) return;
    this.#signatures.set(toolCallId, part.thoughtSignature);
    if (this.#signatures.size > MAX_SIGNATURES) {
      const oldest = this.#signatures.keys().next().value;
      if (oldest !== undefined) this.#signatures.delete(oldest);
    }
  }
}

/**
 * `promptTokenCount` already includes cached tokens. Thinking tokens are billed as output, so they
 * count towards `outputTokens` (budgets must see them).
 */
export function toUsage(usage: GenerateContentResponse['usageMetadata']): Usage {
  return {
    inputTokens: usage?.promptTokenCount ?? 0,
    outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
    cachedInputTokens: usage?.cachedContentTokenCount ?? 0,
  };
}
