import { AgentError } from '../agent-error';
import { BudgetTracker } from '../budget/budget';
import { costOf, DEFAULT_PRICE_TABLE, findModelPrice } from '../budget/price-table';
import { compactMessages } from '../context/compaction';
import { estimateTokens } from '../context/estimate-tokens';
import type { Message, ToolCallPart, ToolChoice } from '../model/index';
import { toToolDefinition } from '../tool/define-tool';
import { describeError } from './describe-error';
import type { ToolOutcome } from './execute-tool-calls';
import { DEFAULT_FINAL_TOOL_NAME, finalToolDefinition } from './final-answer';
import { LoopDetector } from './loop-detector';
import { runSignal } from './run-signal';
import { settleToolCalls } from './settle-tool-calls';
import { callModel } from './step';
import { indexTools } from './tool-registry';
import type { AgentResult, IncompleteReason, RunAgentOptions, StepRecord } from './types';

const DEFAULT_CONTEXT_WINDOW = 128_000;

/**
 * The ReAct loop: ask the model, run the tools it calls (concurrently), feed the results back,
 * until it submits a valid answer through the final tool or something stops the run. Every stop
 * other than a valid final answer returns `status: 'incomplete'` with a reason, so a caller can
 * never mistake a failed run for a success. Throws only for invalid options (AgentError).
 */
export async function runAgent<T>(options: RunAgentOptions<T>): Promise<AgentResult<T>> {
  const { model, system, finalTool, transcript } = options;
  if (model.specificationVersion !== 'v1') {
    throw new AgentError(
      `Model ${model.provider}/${model.modelId} implements spec ${String(model.specificationVersion)}, not v1.`,
    );
  }
  if (!Array.isArray(options.messages) || options.messages.length === 0) {
    throw new AgentError('runAgent needs at least one message.');
  }
  const now = options.now ?? Date.now;
  const finalName = finalTool.name ?? DEFAULT_FINAL_TOOL_NAME;
  const tools = indexTools(options.tools ?? [], finalName);
  const finalDef = finalToolDefinition(finalTool);
  const toolDefs = [...[...tools.values()].map(toToolDefinition), finalDef];
  const price = findModelPrice(options.priceTable ?? DEFAULT_PRICE_TABLE, model.modelId);
  const budget = new BudgetTracker(options.budget ?? {}, price, now, model.modelId);
  const loop = new LoopDetector(options.maxIdenticalCalls ?? 3);
  const maxChars = options.toolResultMaxChars ?? 20_000;
  const compaction = {
    ...options.context,
    contextWindow: options.context?.contextWindow ?? price?.contextWindow ?? DEFAULT_CONTEXT_WINDOW,
  };
  const fixedTokens = estimateTokens({ system, messages: [], tools: toolDefs });

  let messages: Message[] = [...options.messages];
  const steps: StepRecord[] = [];
  let repairsLeft = options.finalRepairAttempts ?? 1;
  let nudged = false;
  let toolChoice: ToolChoice = 'auto';
  let lastInputTokens = 0;
  const startedAt = now();
  transcript?.event('start', {
    at: startedAt,
    model: { provider: model.provider, modelId: model.modelId },
    tools: toolDefs.map((t) => t.name),
    budget: options.budget ?? {},
  });

  const finish = (reason: IncompleteReason | undefined, final?: T, error?: unknown): AgentResult<T> => {
    const result: AgentResult<T> = {
      status: reason === undefined ? 'complete' : 'incomplete',
      ...(reason === undefined ? { final: final as T } : { reason }),
      messages,
      usage: { ...budget.usage },
      costUsd: budget.costUsd,
      steps,
      ...(error === undefined ? {} : { error: describeError(error) }),
      durationMs: now() - startedAt,
    };
    transcript?.end(result as AgentResult<unknown>);
    return result;
  };

  for (;;) {
    if (options.abortSignal?.aborted) return finish('aborted');
    const compacted = compactMessages(messages, fixedTokens, compaction);
    messages = compacted.messages;
    // Each call re-sends the whole conversation, so unless we just compacted, the next request is
    // at least as large as the last one the provider counted: a better estimate than chars/4.
    const estimatedInput =
      compacted.compacted > 0
        ? compacted.estimatedTokens
        : Math.max(compacted.estimatedTokens, lastInputTokens);
    const stop = budget.checkBeforeCall(estimatedInput);
    if (stop) return finish(stop);

    const turn = budget.turns + 1;
    const stepStarted = now();
    const { signal, reason: signalReason } = runSignal(options.abortSignal, budget.msUntilDeadline());
    const remainingOutput = budget.remainingOutputTokens();
    const maxOutputTokens =
      remainingOutput === undefined
        ? options.maxOutputTokens
        : Math.min(remainingOutput, options.maxOutputTokens ?? remainingOutput);
    const requestToolChoice = toolChoice;
    const call = await callModel(
      model,
      {
        ...(system === undefined ? {} : { system }),
        messages: [...messages],
        tools: toolDefs,
        toolChoice: requestToolChoice,
        ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        abortSignal: signal,
        cacheHints: options.cacheHints ?? { system: true, tools: true },
      },
      { ...options.retry, signal, maxWaitMs: () => budget.msUntilDeadline() },
      now,
    );
    if (!call.ok) return finish(signalReason() ?? 'model-error', undefined, call.error);

    const { result } = call;
    budget.record(result.usage);
    lastInputTokens = Number.isFinite(result.usage.inputTokens) ? result.usage.inputTokens : 0;
    // Providers reject an empty assistant turn in the next request; keep the turn, marked.
    const content =
      result.content.length > 0 ? result.content : [{ type: 'text' as const, text: '(empty response)' }];
    messages.push({ role: 'assistant', content });

    const step: StepRecord = {
      turn,
      startedAt: stepStarted,
      durationMs: 0,
      modelDurationMs: call.durationMs,
      retries: call.retries,
      request: {
        messageCount: messages.length - 1,
        estimatedInputTokens: estimatedInput,
        compacted: compacted.compacted,
        toolChoice: requestToolChoice,
      },
      response: {
        content: result.content,
        finishReason: result.finishReason,
        warnings: result.warnings,
        ...(result.responseId === undefined ? {} : { responseId: result.responseId }),
      },
      toolCalls: [],
      usage: result.usage,
      costUsd: price ? costOf(price, result.usage) : undefined,
    };
    const endStep = async (outcomes: ToolOutcome[]) => {
      if (outcomes.length > 0) messages.push({ role: 'user', content: outcomes.map((o) => o.result) });
      step.toolCalls = outcomes.map((o) => o.record);
      step.durationMs = now() - stepStarted;
      steps.push(step);
      transcript?.step(step);
      await options.onStep?.(step);
    };

    const calls = result.content.filter((p): p is ToolCallPart => p.type === 'tool-call');
    if (calls.length === 0) {
      await endStep([]);
      if (nudged) return finish('no-final-answer');
      nudged = true;
      toolChoice = 'required';
      const why = result.finishReason === 'length' ? 'Your reply hit the output limit. ' : '';
      messages.push({
        role: 'user',
        content: [
          { type: 'text', text: `${why}You must finish by calling the ${finalName} tool with your answer.` },
        ],
      });
      continue;
    }

    const settled = await settleToolCalls(calls, {
      finalTool,
      finalDef,
      loop,
      execute: {
        tools,
        signal,
        turn,
        maxChars,
        concurrency: options.maxParallelToolCalls ?? 8,
        now,
        ...(options.toolTimeoutMs === undefined ? {} : { timeoutMs: options.toolTimeoutMs }),
      },
    });
    if (settled.kind === 'final') step.final = 'accepted';
    if (settled.kind === 'continue' && settled.invalidFinal) step.final = 'invalid';
    await endStep(settled.outcomes);
    if (settled.kind === 'final') return finish(undefined, settled.value);
    if (settled.kind === 'loop') return finish('loop-detected');

    const stopped = signalReason();
    if (stopped) return finish(stopped);
    if (settled.invalidFinal) {
      if (repairsLeft <= 0) return finish('final-invalid', undefined, new Error(settled.invalidFinal));
      repairsLeft -= 1;
      // The repair turn may only submit the answer; afterwards the model is free again.
      toolChoice = { type: 'tool', toolName: finalName };
    } else {
      toolChoice = nudged ? 'required' : 'auto';
    }
  }
}
