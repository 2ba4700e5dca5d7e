import { inspect } from 'node:util';
import { startWireServer } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createOpenAI, createOpenAIModel } from './openai-provider';

const apiKey = 'sk-proj-provider-test-key';

describe('createOpenAI', () => {
  it('rejects a blank API key and an unknown compatibility by name', () => {
    expect(() => createOpenAI({ apiKey: '' })).toThrow(
      'createOpenAI: settings.apiKey must be a non-empty string when given',
    );
    expect(() => createOpenAI({ compatibility: 'loose' as never })).toThrow(
      "createOpenAI: settings.compatibility must be 'strict' or 'compatible'",
    );
  });

  it('rejects an empty model id, naming the provider', () => {
    expect(() => createOpenAI({ name: 'ollama' })('')).toThrow('ollama: modelId must be a non-empty string');
  });

  it('describes the model without exposing the key', () => {
    const model = createOpenAI({ apiKey, name: 'vllm' })('Qwen/Qwen3-32B');
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'vllm', modelId: 'Qwen/Qwen3-32B' });
    expect(JSON.stringify(model)).not.toContain(apiKey);
    expect(inspect(model, { depth: 5 })).not.toContain(apiKey);
  });

  it('createOpenAIModel builds a working model; defaultMaxOutputTokens applies', async () => {
    const server = await startWireServer();
    try {
      server.reply(replies.text);
      const model = createOpenAIModel('gpt-5-mini', {
        apiKey,
        baseURL: `${server.url}/v1`,
        defaultMaxOutputTokens: 256,
      });
      const result = await model.generate({
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      });
      expect(result.finishReason).toBe('stop');
      expect(server.requests[0]?.body).toEqual({
        model: 'gpt-5-mini',
        messages: [{ role: 'user', content: 'hi' }],
        max_completion_tokens: 256,
      });
    } finally {
      await server.close();
    }
  });
});
