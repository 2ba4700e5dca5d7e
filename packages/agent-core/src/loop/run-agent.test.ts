import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Message, ToolResultPart } from '../model/index';
import { ModelError } from '../model/index';
import { ScriptedModel } from '../testing/index';
import { defineTool } from '../tool/define-tool';
import { defineFinalTool } from './final-answer';
import { runAgent } from './run-agent';
import type { StepRecord } from './types';

const report = defineFinalTool({
  description: 'Submit the triage report.',
  schema: z.object({ summary: z.string().min(1), confidence: z.enum(['low', 'medium', 'high']) }),
});
const goodAnswer = { summary: 'ptp4l lost lock', confidence: 'high' } as const;
const prompt: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Why did the nightly fail?' }] }];

const readLog = defineTool({
  name: 'read_log',
  description: 'Read a page of the job log.',
  input: z.object({ page: z.number().int().min(0) }),
  run: ({ page }) => `log page ${page}: FAIL clock class 248`,
});

/** Tool results the model received in the request of call `index`. */
function resultsSeen(model: ScriptedModel, index: number): ToolResultPart[] {
  return model.calls[index]!.options.messages.flatMap((m) =>
    m.content.filter((p) => p.type === 'tool-result'),
  );
}

describe('runAgent: routing and final answers', () => {
  it('routes tool calls, feeds results back, and completes with a validated final answer', async () => {
    const model = new ScriptedModel([
      { text: 'Let me read the log.', toolCalls: [{ name: 'read_log', input: { page: 2 } }] },
      { final: goodAnswer },
    ]);
    const steps: StepRecord[] = [];
    const result = await runAgent({
      model,
      system: 'You triage CI failures.',
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      onStep: (s) => void steps.push(s),
    });
    expect(result.status).toBe('complete');
    expect(result.reason).toBeUndefined();
    expect(result.final).toEqual(goodAnswer);
    expect(resultsSeen(model, 1)).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'call_0_0',
        toolName: 'read_log',
        output: 'log page 2: FAIL clock class 248',
      },
    ]);
    expect(steps.map((s) => s.turn)).toEqual([1, 2]);
    expect(steps[1]!.final).toBe('accepted');
    // The model saw both tools, the system prompt and caching hints.
    const first = model.calls[0]!.options;
    expect(first.tools?.map((t) => t.name)).toEqual(['read_log', 'final_answer']);
    expect(first.system).toBe('You triage CI failures.');
    expect(first.cacheHints).toEqual({ system: true, tools: true });
    expect(first.toolChoice).toBe('auto');
    // The caller's array is not mutated; the result ends with a well-formed tool-result turn.
    expect(prompt).toHaveLength(1);
    expect(result.messages.at(-1)).toMatchObject({
      role: 'user',
      content: [{ type: 'tool-result', output: 'Final answer accepted.' }],
    });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeUndefined(); // the scripted model has no price
  });

  it('runs the calls of one turn in parallel, results in call order', async () => {
    let started = 0;
    let release!: () => void;
    const allStarted = new Promise<void>((r) => {
      release = r;
    });
    // Each call waits until all three have started: this only finishes if they run concurrently.
    const slow = defineTool({
      name: 'slow',
      description: 'd',
      input: z.object({ id: z.string() }),
      run: async ({ id }) => {
        if (++started === 3) release();
        await allStarted;
        return `done ${id}`;
      },
    });
    const model = new ScriptedModel([
      { toolCalls: ['a', 'b', 'c'].map((id) => ({ name: 'slow', input: { id } })) },
      { final: goodAnswer },
    ]);
    const result = await runAgent({ model, messages: prompt, tools: [slow], finalTool: report });
    expect(result.status).toBe('complete');
    expect(resultsSeen(model, 1).map((r) => r.output)).toEqual(['done a', 'done b', 'done c']);
  });

  it('returns unknown tools, invalid arguments and tool errors to the model as error results', async () => {
    const broken = defineTool({
      name: 'broken',
      description: 'd',
      input: z.object({}),
      run: () => {
        throw new Error('connection reset');
      },
    });
    const model = new ScriptedModel([
      {
        toolCalls: [
          { name: 'rm_rf', input: {} },
          { name: 'read_log', input: { page: 'two' } },
          { name: 'broken', input: {} },
        ],
      },
      { final: goodAnswer },
    ]);
    const result = await runAgent({ model, messages: prompt, tools: [readLog, broken], finalTool: report });
    expect(result.status).toBe('complete');
    const [unknown, invalid, failed] = resultsSeen(model, 1);
    expect(unknown).toMatchObject({ isError: true });
    expect(unknown!.output).toMatch(/Unknown tool "rm_rf"\. Available tools: read_log, broken/);
    expect(invalid!.isError).toBe(true);
    expect(invalid!.output).toMatch(/Invalid arguments for read_log/);
    expect(invalid!.output).toMatch(/page/);
    expect(invalid!.output).toContain('"required":["page"]');
    expect(failed).toMatchObject({ isError: true, output: 'Tool broken failed: connection reset' });
    expect(result.steps[0]!.toolCalls.map((c) => c.isError)).toEqual([true, true, true]);
  });

  it('gives one repair attempt for an invalid final answer, forcing the final tool', async () => {
    const model = new ScriptedModel([
      { final: { summary: '', confidence: 'certain' } },
      { final: goodAnswer },
    ]);
    const result = await runAgent({ model, messages: prompt, finalTool: report });
    expect(result.status).toBe('complete');
    expect(result.final).toEqual(goodAnswer);
    const feedback = resultsSeen(model, 1)[0]!;
    expect(feedback.isError).toBe(true);
    expect(feedback.output).toMatch(/final_answer arguments are invalid/);
    expect(feedback.output).toMatch(/confidence/);
    expect(feedback.output).toContain('"enum":["low","medium","high"]');
    expect(model.calls[1]!.options.toolChoice).toEqual({ type: 'tool', toolName: 'final_answer' });
    expect(result.steps.map((s) => s.final)).toEqual(['invalid', 'accepted']);
  });

  it('ends incomplete (final-invalid) when the repair is invalid too', async () => {
    const model = new ScriptedModel([
      { final: { summary: 'x' } },
      { final: { summary: 'x', confidence: 'none' } },
    ]);
    const result = await runAgent({ model, messages: prompt, finalTool: report });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'final-invalid' });
    expect(result.final).toBeUndefined();
    expect(result.error?.message).toMatch(/confidence/);
  });

  it('nudges once when the model answers in free text, then gives up (no-final-answer)', async () => {
    const model = new ScriptedModel([{ text: 'It is probably flaky.' }, { text: 'Really, it is flaky.' }]);
    const result = await runAgent({ model, messages: prompt, finalTool: report });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'no-final-answer' });
    const nudge = model.calls[1]!.options.messages.at(-1)!;
    expect(nudge).toMatchObject({ role: 'user', content: [{ type: 'text' }] });
    expect(JSON.stringify(nudge)).toMatch(/must finish by calling the final_answer tool/);
    expect(model.calls[1]!.options.toolChoice).toBe('required');
  });

  it('accepts a final answer after a nudge', async () => {
    const model = new ScriptedModel([{ text: 'Done.' }, { final: goodAnswer }]);
    const result = await runAgent({ model, messages: prompt, finalTool: report });
    expect(result).toMatchObject({ status: 'complete', final: goodAnswer });
  });

  it('does not run other tools of the turn that carries a valid final answer', async () => {
    let ran = 0;
    const counter = defineTool({ name: 'counter', description: 'd', input: z.object({}), run: () => ++ran });
    const model = new ScriptedModel([{ toolCalls: [{ name: 'counter', input: {} }], final: goodAnswer }]);
    const result = await runAgent({ model, messages: prompt, tools: [counter], finalTool: report });
    expect(result.status).toBe('complete');
    expect(ran).toBe(0);
    expect(result.steps[0]!.toolCalls.map((c) => c.output)).toEqual([
      'Not executed: the run ended with the final answer.',
      'Final answer accepted.',
    ]);
  });
});

describe('runAgent: stops', () => {
  it('detects a model repeating the same call: warns on the 2nd, stops on the 3rd', async () => {
    const model = new ScriptedModel(() => ({ toolCalls: [{ name: 'read_log', input: { page: 1 } }] }));
    const result = await runAgent({ model, messages: prompt, tools: [readLog], finalTool: report });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'loop-detected' });
    expect(model.calls).toHaveLength(3);
    expect(resultsSeen(model, 2).at(-1)!.output).toMatch(/identical call number 2 to read_log/);
    expect(result.messages.at(-1)).toMatchObject({
      role: 'user',
      content: [
        { type: 'tool-result', isError: true, output: expect.stringMatching(/stopped after 3 identical/) },
      ],
    });
  });

  it('stops at max turns', async () => {
    let page = 0;
    const model = new ScriptedModel(() => ({ toolCalls: [{ name: 'read_log', input: { page: page++ } }] }));
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      budget: { maxTurns: 4 },
    });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'max-turns' });
    expect(model.calls).toHaveLength(4);
    expect(result.steps).toHaveLength(4);
  });

  it('stops on the token budget before a call that would exceed it', async () => {
    let page = 0;
    const model = new ScriptedModel(() => ({
      toolCalls: [{ name: 'read_log', input: { page: page++ } }],
      usage: { inputTokens: 400, outputTokens: 10 },
    }));
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      budget: { maxInputTokens: 1000 },
    });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'budget-tokens' });
    expect(model.calls).toHaveLength(2);
    expect(result.usage.inputTokens).toBe(800);
  });

  it('limits each call to the output tokens left in the budget', async () => {
    const model = new ScriptedModel([
      {
        toolCalls: [{ name: 'read_log', input: { page: 0 } }],
        usage: { inputTokens: 10, outputTokens: 300 },
      },
      { final: goodAnswer, usage: { inputTokens: 10, outputTokens: 50 } },
    ]);
    await runAgent({
      model,
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      maxOutputTokens: 4096,
      budget: { maxOutputTokens: 1000 },
    });
    expect(model.calls.map((c) => c.options.maxOutputTokens)).toEqual([1000, 700]);
  });

  it('stops on the dollar budget using the (overridable) price table', async () => {
    let page = 0;
    const model = new ScriptedModel(
      () => ({
        toolCalls: [{ name: 'read_log', input: { page: page++ } }],
        usage: { inputTokens: 100_000, outputTokens: 1000 },
      }),
      { modelId: 'house-model-2026-01-01' },
    );
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      priceTable: { 'house-model': { inputPerMTok: 10, outputPerMTok: 40 } },
      budget: { maxCostUsd: 3 },
    });
    // Each call costs $1.04; the third would pass $3.
    expect(result).toMatchObject({ status: 'incomplete', reason: 'budget-dollars' });
    expect(model.calls).toHaveLength(2);
    expect(result.costUsd).toBeCloseTo(2.08, 10);
    expect(result.steps.map((s) => s.costUsd)).toEqual([1.04, 1.04]);
  });

  it('stops at the deadline, using the injected clock', async () => {
    let now = 0;
    let page = 0;
    const model = new ScriptedModel(() => {
      now += 60_000; // each call "takes" a minute
      return { toolCalls: [{ name: 'read_log', input: { page: page++ } }] };
    });
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [readLog],
      finalTool: report,
      now: () => now,
      budget: { deadline: 150_000 },
    });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'deadline' });
    expect(model.calls).toHaveLength(3);
    expect(result.durationMs).toBe(180_000);
  });

  it('retries a retryable model error, then reports a persistent one as model-error', async () => {
    const overloaded = new ModelError({ message: 'overloaded', provider: 'scripted', statusCode: 529 });
    const waits: number[] = [];
    const retry = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5, baseDelayMs: 100 };
    const flaky = new ScriptedModel([{ error: overloaded }, { final: goodAnswer }]);
    const ok = await runAgent({ model: flaky, messages: prompt, finalTool: report, retry });
    expect(ok.status).toBe('complete');
    expect(ok.steps[0]!.retries).toBe(1);
    expect(waits).toEqual([50]);

    const denied = new ModelError({ message: 'invalid x-api-key', provider: 'scripted', statusCode: 401 });
    const broken = new ScriptedModel([{ error: denied }]);
    const failed = await runAgent({ model: broken, messages: prompt, finalTool: report, retry });
    expect(failed).toMatchObject({
      status: 'incomplete',
      reason: 'model-error',
      error: { message: 'invalid x-api-key', statusCode: 401, provider: 'scripted' },
    });
    expect(broken.calls).toHaveLength(1);
  });

  it('reports a malformed adapter result as model-error, not a crash', async () => {
    const model = new ScriptedModel([]);
    model.generate = async () => ({ content: 'oops' }) as never;
    const result = await runAgent({ model, messages: prompt, finalTool: report });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'model-error' });
    expect(result.error?.message).toMatch(/malformed result: content is not an array/);
  });

  it('stops as aborted when the caller aborts, even mid-call', async () => {
    const controller = new AbortController();
    const model = new ScriptedModel(async ({ abortSignal }) => {
      controller.abort();
      abortSignal?.throwIfAborted();
      return { final: goodAnswer };
    });
    const result = await runAgent({
      model,
      messages: prompt,
      finalTool: report,
      abortSignal: controller.signal,
    });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'aborted' });

    const early = await runAgent({
      model,
      messages: prompt,
      finalTool: report,
      abortSignal: AbortSignal.abort(),
    });
    expect(early).toMatchObject({ status: 'incomplete', reason: 'aborted', steps: [] });
  });

  it('does not wait forever for a tool that ignores its signal', async () => {
    const hung = defineTool({
      name: 'hung',
      description: 'd',
      input: z.object({}),
      run: () => new Promise<never>(() => {}),
    });
    const model = new ScriptedModel([{ toolCalls: [{ name: 'hung', input: {} }] }, { final: goodAnswer }]);
    const timedOut = await runAgent({
      model,
      messages: prompt,
      tools: [hung],
      finalTool: report,
      toolTimeoutMs: 20,
    });
    expect(timedOut.status).toBe('complete');
    expect(timedOut.steps[0]!.toolCalls[0]).toMatchObject({
      isError: true,
      output: 'Tool hung timed out after 20 ms.',
    });

    const controller = new AbortController();
    const abortingHung = defineTool({
      name: 'hung',
      description: 'd',
      input: z.object({}),
      run: () => {
        queueMicrotask(() => controller.abort());
        return new Promise<never>(() => {});
      },
    });
    const model2 = new ScriptedModel([{ toolCalls: [{ name: 'hung', input: {} }] }, { final: goodAnswer }]);
    const aborted = await runAgent({
      model: model2,
      messages: prompt,
      tools: [abortingHung],
      finalTool: report,
      abortSignal: controller.signal,
    });
    expect(aborted).toMatchObject({ status: 'incomplete', reason: 'aborted' });
    expect(model2.calls).toHaveLength(1);
    expect(aborted.steps[0]!.toolCalls[0]!.isError).toBe(true);
  });

  it('refuses invalid configuration up front', async () => {
    const model = new ScriptedModel([]);
    await expect(runAgent({ model, messages: [], finalTool: report })).rejects.toThrow(
      /at least one message/,
    );
    await expect(
      runAgent({ model, messages: prompt, tools: [readLog, readLog], finalTool: report }),
    ).rejects.toThrow(/Two tools are named read_log/);
    const clash = defineTool({ name: 'final_answer', description: 'd', input: z.object({}), run: () => 1 });
    await expect(runAgent({ model, messages: prompt, tools: [clash], finalTool: report })).rejects.toThrow(
      /collides/,
    );
    await expect(
      runAgent({ model, messages: prompt, finalTool: report, budget: { maxCostUsd: 1 } }),
    ).rejects.toThrow(/no price/);
    expect(model.calls).toHaveLength(0);
  });
});

describe('runAgent: context and safety', () => {
  it('compacts old tool results when nearing the context window', async () => {
    const bigLog = defineTool({
      name: 'big_log',
      description: 'd',
      input: z.object({ page: z.number() }),
      run: ({ page }) => `page ${page} `.padEnd(16_000, 'x'),
    });
    let page = 0;
    const model = new ScriptedModel(({ index }) =>
      index < 6 ? { toolCalls: [{ name: 'big_log', input: { page: page++ } }] } : { final: goodAnswer },
    );
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [bigLog],
      finalTool: report,
      context: { contextWindow: 16_000, keepRecent: 1 },
    });
    expect(result.status).toBe('complete');
    const compactedAt = result.steps.findIndex((s) => s.request.compacted > 0);
    expect(compactedAt).toBeGreaterThan(0);
    const lastRequest = model.calls.at(-1)!.options.messages;
    const outputs = lastRequest.flatMap((m) =>
      m.content.flatMap((p) => (p.type === 'tool-result' ? [p.output] : [])),
    );
    expect(outputs[0]).toMatch(/^\[Earlier tool output removed/);
    expect(outputs.at(-1)).toMatch(/^page 5 /);
    expect(Math.ceil(JSON.stringify(lastRequest).length / 4)).toBeLessThan(16_000);
  });

  it('redacts a secret planted in a tool result before the model sees it', async () => {
    const token = 'ghp_' + 'A1b2'.repeat(9);
    const env = defineTool({
      name: 'read_file',
      description: 'd',
      input: z.object({ path: z.string() }),
      run: () => `# .env\nGITHUB_TOKEN=${token}\nLOG_LEVEL=debug`,
    });
    const model = new ScriptedModel([
      { toolCalls: [{ name: 'read_file', input: { path: '.env' } }] },
      { final: goodAnswer },
    ]);
    const result = await runAgent({ model, messages: prompt, tools: [env], finalTool: report });
    expect(JSON.stringify(model.calls[1]!.options)).not.toContain(token);
    expect(resultsSeen(model, 1)[0]!.output).toContain('LOG_LEVEL=debug');
    expect(result.steps[0]!.toolCalls[0]!.redactions).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(result.messages)).not.toContain(token);
  });

  it('caps tool results at toolResultMaxChars', async () => {
    const huge = defineTool({
      name: 'huge',
      description: 'd',
      input: z.object({}),
      run: () => 'y'.repeat(100_000),
    });
    const model = new ScriptedModel([{ toolCalls: [{ name: 'huge', input: {} }] }, { final: goodAnswer }]);
    const result = await runAgent({
      model,
      messages: prompt,
      tools: [huge],
      finalTool: report,
      toolResultMaxChars: 1000,
    });
    expect(resultsSeen(model, 1)[0]!.output.length).toBeLessThanOrEqual(1000);
    expect(result.steps[0]!.toolCalls[0]!.truncated).toBe(true);
  });
});
