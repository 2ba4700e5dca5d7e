import { inspect } from 'node:util';
import { startWireServer } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createAnthropic, createAnthropicModel } from './anthropic-provider';

const apiKey = 'sk-ant-api03-provider-test-key';

describe('createAnthropic', () => {
  it('rejects a missing or blank API key by name', () => {
    expect(() => createAnthropic({ apiKey: '' })).toThrow(
      'createAnthropic: settings.apiKey must be a non-empty string',
    );
    expect(() => createAnthropic({} as never)).toThrow(/settings\.apiKey/);
  });

  it('rejects an empty model id', () => {
    expect(() => createAnthropic({ apiKey })('')).toThrow('anthropic: modelId must be a non-empty string');
  });

  it('describes the model without exposing the key', () => {
    const model = createAnthropic({ apiKey })('claude-haiku-4-5');
    expect(model).toMatchObject({
      specificationVersion: 'v1',
      provider: 'anthropic',
      modelId: 'claude-haiku-4-5',
    });
    expect(JSON.stringify(model)).not.toContain(apiKey);
    expect(inspect(model, { depth: 5 })).not.toContain(apiKey);
  });

  it('createAnthropicModel builds a working model in one call', async () => {
    const server = await startWireServer();
    try {
      server.reply(replies.text);
      const model = createAnthropicModel('claude-haiku-4-5', {
        apiKey,
        baseURL: server.url,
        defaultMaxOutputTokens: 256,
      });
      const result = await model.generate({
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      });
      expect(result.finishReason).toBe('stop');
      expect(server.requests[0]?.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 256 });
    } finally {
      await server.close();
    }
  });
});
