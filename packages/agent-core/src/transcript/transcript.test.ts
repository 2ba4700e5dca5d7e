import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineFinalTool } from '../loop/final-answer';
import { runAgent } from '../loop/run-agent';
import { ScriptedModel } from '../testing/index';
import { defineTool } from '../tool/define-tool';
import { Transcript } from './transcript';

const token = 'ghp_' + 'A1b2'.repeat(9);
const finalTool = defineFinalTool({ description: 'Answer.', schema: z.object({ answer: z.string() }) });
const grep = defineTool({
  name: 'grep',
  description: 'Search.',
  input: z.object({ q: z.string() }),
  run: ({ q }) =>
    q === 'boom' ? Promise.reject(new Error('no such file')) : `match: ${q} ${'z'.repeat(5000)}`,
});

async function run(transcript: Transcript) {
  // The model echoes a secret in its own text and tool arguments: the transcript must not keep it.
  const model = new ScriptedModel(
    [
      {
        text: `I saw ${token} in the log`,
        toolCalls: [
          { name: 'grep', input: { q: token } },
          { name: 'grep', input: { q: 'boom' } },
        ],
      },
      {
        final: { answer: `done ${token}` },
        usage: { inputTokens: 1000, outputTokens: 20, cachedInputTokens: 600 },
      },
    ],
    { modelId: 'claude-sonnet-4-5-20250929', provider: 'anthropic' },
  );
  return runAgent({
    model,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }],
    tools: [grep],
    finalTool,
    transcript,
  });
}

describe('Transcript', () => {
  it('writes one redacted JSON line per event, streaming to the sink', async () => {
    const streamed: string[] = [];
    const transcript = new Transcript({ sink: (line) => streamed.push(line), maxFieldChars: 500 });
    const result = await run(transcript);
    expect(result.status).toBe('complete');
    const jsonl = transcript.toJSONL();
    expect(jsonl).not.toContain(token);
    expect(streamed).toEqual(transcript.lines);
    const events = jsonl
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step', 'end']);
    expect(events[0]).toMatchObject({ model: { provider: 'anthropic' }, tools: ['grep', 'final_answer'] });
    const step = events[1];
    expect(step).toMatchObject({
      turn: 1,
      request: { toolChoice: 'auto' },
      response: { finishReason: 'tool-calls' },
    });
    expect(step.toolCalls).toHaveLength(2);
    expect(step.toolCalls[1]).toMatchObject({
      toolName: 'grep',
      isError: true,
      output: 'Tool grep failed: no such file',
    });
    // Long tool output is cut in the transcript.
    expect(step.toolCalls[0].output.length).toBeLessThan(600);
    expect(step.toolCalls[0].output).toMatch(/more chars\]$/);
    expect(events[3]).toMatchObject({
      status: 'complete',
      final: { answer: expect.stringContaining('done') },
    });
  });

  it('summarises tokens, cost and tool use', async () => {
    const transcript = new Transcript();
    const result = await run(transcript);
    const summary = transcript.summary();
    expect(summary).toMatchObject({
      status: 'complete',
      turns: 2,
      toolCalls: 3, // two grep calls + the final answer
      toolErrors: 1,
      byTool: { grep: { calls: 2, errors: 1 }, final_answer: { calls: 1, errors: 0 } },
      usage: result.usage,
    });
    expect(summary.redactions).toBeGreaterThanOrEqual(3);
    // Priced from the default table (Sonnet 4.5: $3 in, $0.30 cached, $15 out per MTok).
    expect(summary.costUsd).toBe(result.costUsd);
    expect(result.costUsd).toBeGreaterThan((400 * 3 + 600 * 0.3 + 20 * 15) / 1e6);
  });

  it('records an incomplete run with its reason and a redacted error', async () => {
    const transcript = new Transcript();
    const model = new ScriptedModel([{ error: new Error(`upstream said: bad token ${token}`) }]);
    const result = await runAgent({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }],
      finalTool,
      transcript,
    });
    expect(result).toMatchObject({ status: 'incomplete', reason: 'model-error' });
    expect(result.error?.message).not.toContain(token);
    const end = JSON.parse(transcript.lines.at(-1)!);
    expect(end).toMatchObject({ type: 'end', status: 'incomplete', reason: 'model-error' });
    expect(transcript.toJSONL()).not.toContain(token);
  });

  it('bounds hostile structures', () => {
    const transcript = new Transcript();
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }
    transcript.event('custom', { root, wide: Array.from({ length: 50_000 }, (_, i) => i) });
    const line = transcript.lines[0]!;
    expect(line.length).toBeLessThan(200_000);
    expect(JSON.parse(line).type).toBe('custom');
  });
});
