import { describe, expect, it } from 'vitest';
import { ModelError } from '../model/index';
import { ScriptedModel } from './scripted-model';

const request = {
  messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hello there' }] }],
};

describe('ScriptedModel', () => {
  it('replays text, tool calls and final answers, recording each request', async () => {
    const model = new ScriptedModel(
      [{ text: 'thinking', toolCalls: [{ name: 'grep', input: { q: 'x' } }] }, { final: { ok: true } }],
      { finalToolName: 'submit' },
    );
    const first = await model.generate(request);
    expect(first.content).toEqual([
      { type: 'text', text: 'thinking' },
      { type: 'tool-call', toolCallId: 'call_0_0', toolName: 'grep', input: { q: 'x' } },
    ]);
    expect(first.finishReason).toBe('tool-calls');
    expect(first.usage.inputTokens).toBeGreaterThan(0);
    const second = await model.generate({ ...request, toolChoice: 'required' });
    expect(second.content).toEqual([
      { type: 'tool-call', toolCallId: 'call_1_final', toolName: 'submit', input: { ok: true } },
    ]);
    expect(model.calls.map((c) => c.options.toolChoice)).toEqual([undefined, 'required']);
    expect(model.specificationVersion).toBe('v1');
  });

  it('snapshots requests, so later mutation by the caller does not rewrite history', async () => {
    const model = new ScriptedModel([{ text: 'a' }]);
    const messages = [...request.messages];
    await model.generate({ messages });
    messages.push({ role: 'user', content: [{ type: 'text', text: 'later' }] });
    expect(model.calls[0]!.options.messages).toHaveLength(1);
  });

  it('accepts a function of the conversation, and throws scripted errors', async () => {
    const model = new ScriptedModel(({ index, options }) =>
      index === 0
        ? { error: new ModelError({ message: 'rate limited', provider: 'scripted', statusCode: 429 }) }
        : { text: `seen ${options.messages.length}` },
    );
    await expect(model.generate(request)).rejects.toMatchObject({ statusCode: 429, isRetryable: true });
    await expect(model.generate(request)).resolves.toMatchObject({
      content: [{ text: 'seen 1' }],
      finishReason: 'stop',
    });
  });

  it('fails clearly when the script runs out, and honours an aborted signal', async () => {
    const model = new ScriptedModel([]);
    const error = await model.generate(request).catch((e: unknown) => e);
    expect(ModelError.isInstance(error)).toBe(true);
    expect((error as ModelError).message).toMatch(/script has 0 replies; call 1 has none/);
    await expect(
      new ScriptedModel([{ text: 'x' }]).generate({ ...request, abortSignal: AbortSignal.abort() }),
    ).rejects.toThrow();
  });
});
