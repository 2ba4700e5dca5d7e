import { estimateTokens } from '../context/estimate-tokens';
import { DEFAULT_FINAL_TOOL_NAME } from '../loop/final-answer';
import type {
  FinishReason,
  GenerateOptions,
  GenerateResult,
  LanguageModel,
  TextPart,
  ToolCallPart,
  Usage,
} from '../model/index';
import { ModelError } from '../model/index';

/** One scripted reply. `final` becomes a call of the final tool with that value as arguments. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; input: unknown; id?: string }[];
  final?: unknown;
  usage?: Partial<Usage>;
  finishReason?: FinishReason;
  warnings?: string[];
}

/** Throw this instead of replying (e.g. a retryable ModelError to exercise retries). */
export interface ScriptedFailure {
  error: unknown;
}

export type ScriptedStep = ScriptedReply | ScriptedFailure;

export interface ScriptedCall {
  index: number;
  /** Snapshot of the request (messages deep-copied; the abort signal left out). */
  options: Omit<GenerateOptions, 'abortSignal'>;
  /** The live signal, for tests that abort or check it. */
  abortSignal: AbortSignal | undefined;
}

export type Script = ScriptedStep[] | ((call: ScriptedCall) => ScriptedStep | Promise<ScriptedStep>);

export interface ScriptedModelOptions {
  provider?: string;
  modelId?: string;
  /** Name used for `final` replies. Default `final_answer`. */
  finalToolName?: string;
}

/**
 * A LanguageModel that replays a script, for tests and recorded scenarios. It records every
 * request in `calls`. Without explicit `usage`, it reports deterministic estimates (~4 chars per
 * token of the request and reply) so budgets behave realistically. Running past the end of an
 * array script throws a non-retryable ModelError, which the loop reports as `model-error`.
 */
export class ScriptedModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly calls: ScriptedCall[] = [];
  private readonly finalToolName: string;

  constructor(
    private readonly script: Script,
    options: ScriptedModelOptions = {},
  ) {
    this.provider = options.provider ?? 'scripted';
    this.modelId = options.modelId ?? 'scripted-model';
    this.finalToolName = options.finalToolName ?? DEFAULT_FINAL_TOOL_NAME;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const { abortSignal, ...rest } = options;
    const call: ScriptedCall = { index: this.calls.length, options: structuredClone(rest), abortSignal };
    this.calls.push(call);
    abortSignal?.throwIfAborted();
    const step = await this.next(call);
    abortSignal?.throwIfAborted();
    if ('error' in step) throw step.error;
    return this.toResult(step, call);
  }

  private async next(call: ScriptedCall): Promise<ScriptedStep> {
    if (typeof this.script === 'function') return this.script(call);
    const step = this.script[call.index];
    if (step === undefined) {
      throw new ModelError({
        provider: this.provider,
        message: `ScriptedModel: the script has ${this.script.length} replies; call ${call.index + 1} has none.`,
        isRetryable: false,
      });
    }
    return step;
  }

  private toResult(reply: ScriptedReply, call: ScriptedCall): GenerateResult {
    const content: (TextPart | ToolCallPart)[] = [];
    if (reply.text !== undefined) content.push({ type: 'text', text: reply.text });
    (reply.toolCalls ?? []).forEach((tc, i) => {
      content.push({
        type: 'tool-call',
        toolCallId: tc.id ?? `call_${call.index}_${i}`,
        toolName: tc.name,
        input: tc.input,
      });
    });
    if ('final' in reply) {
      content.push({
        type: 'tool-call',
        toolCallId: `call_${call.index}_final`,
        toolName: this.finalToolName,
        input: reply.final,
      });
    }
    const outChars = content.reduce(
      (n, p) => n + (p.type === 'text' ? p.text.length : JSON.stringify(p.input ?? null).length),
      0,
    );
    const usage: Usage = {
      inputTokens: reply.usage?.inputTokens ?? estimateTokens(call.options),
      outputTokens: reply.usage?.outputTokens ?? Math.ceil(outChars / 4),
      cachedInputTokens: reply.usage?.cachedInputTokens ?? 0,
    };
    const hasCalls = content.some((p) => p.type === 'tool-call');
    return {
      content,
      finishReason: reply.finishReason ?? (hasCalls ? 'tool-calls' : 'stop'),
      usage,
      warnings: reply.warnings ?? [],
      responseId: `scripted-${call.index}`,
    };
  }
}
