import type { GenerateOptions, GenerateResult, LanguageModel } from '../model/index';
import { ModelError } from '../model/index';
import { type RetryOptions, withRetry } from '../retry/with-retry';

export type ModelCallOutcome =
  | { ok: true; result: GenerateResult; durationMs: number; retries: number }
  | { ok: false; error: unknown; durationMs: number; retries: number };

/** One model call with retries, timing, and a sanity check of what the adapter returned. */
export async function callModel(
  model: LanguageModel,
  request: GenerateOptions,
  retry: RetryOptions,
  now: () => number,
): Promise<ModelCallOutcome> {
  const started = now();
  let retries = 0;
  try {
    const result = await withRetry(
      async () => {
        const raw = await model.generate(request);
        return checkResult(model, raw);
      },
      { ...retry, onRetry: () => void retries++ },
    );
    return { ok: true, result, durationMs: now() - started, retries };
  } catch (error) {
    return { ok: false, error, durationMs: now() - started, retries };
  }
}

/** A broken adapter must produce a clear model-error, not a TypeError deep in the loop. */
function checkResult(model: LanguageModel, raw: GenerateResult): GenerateResult {
  const bad = (why: string) =>
    new ModelError({
      provider: model.provider,
      message: `${model.provider} adapter returned a malformed result: ${why}`,
      isRetryable: false,
    });
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.content))
    throw bad('content is not an array');
  for (const part of raw.content) {
    if (part?.type === 'text' && typeof part.text === 'string') continue;
    if (
      part?.type === 'tool-call' &&
      typeof part.toolCallId === 'string' &&
      typeof part.toolName === 'string'
    )
      continue;
    throw bad(`unexpected content part ${JSON.stringify(part)?.slice(0, 200)}`);
  }
  const usage = raw.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  return { ...raw, usage, warnings: raw.warnings ?? [], finishReason: raw.finishReason ?? 'other' };
}
