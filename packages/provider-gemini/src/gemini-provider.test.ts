import { inspect } from 'node:util';
import { startWireServer } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createGemini, createGeminiModel } from './gemini-provider';

const apiKey = 'AIzaSyProvider-test-key';

describe('createGemini', () => {
  it('rejects a missing or blank API key by name', () => {
    expect(() => createGemini({ apiKey: ' ' })).toThrow(
      'createGemini: settings.apiKey must be a non-empty string',
    );
    expect(() => createGemini({} as never)).toThrow(/settings\.apiKey/);
  });

  it('rejects an empty model id', () => {
    expect(() => createGemini({ apiKey })('')).toThrow('gemini: modelId must be a non-empty string');
  });

  it('describes the model without exposing the key', () => {
    const model = createGemini({ apiKey })('gemini-2.5-flash');
    expect(model).toMatchObject({
      specificationVersion: 'v1',
      provider: 'gemini',
      modelId: 'gemini-2.5-flash',
    });
    expect(JSON.stringify(model)).not.toContain(apiKey);
    expect(inspect(model, { depth: 5 })).not.toContain(apiKey);
  });

  it('createGeminiModel builds a working model; apiVersion and defaultMaxOutputTokens apply', async () => {
    const server = await startWireServer();
    try {
      server.reply(replies.text);
      const model = createGeminiModel('gemini-2.5-flash', {
        apiKey,
        baseURL: server.url,
        apiVersion: 'v1alpha',
        defaultMaxOutputTokens: 256,
      });
      const result = await model.generate({
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      });
      expect(result.finishReason).toBe('stop');
      expect(server.requests[0]?.path).toBe('/v1alpha/models/gemini-2.5-flash:generateContent');
      expect(server.requests[0]?.body).toMatchObject({ generationConfig: { maxOutputTokens: 256 } });
    } finally {
      await server.close();
    }
  });
});
