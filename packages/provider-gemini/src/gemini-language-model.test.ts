import type { GenerateResult, ModelError } from '@nightshift/agent-core';
import {
  expectModelError,
  sampleConversation,
  startWireServer,
  type WireReply,
  type WireServer,
} from '@nightshift/agent-core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createGemini } from './gemini-provider';

const apiKey = 'AIzaSyTest-gemini-secret-key';
let server: WireServer;

beforeEach(async () => {
  server = await startWireServer();
});
afterEach(async () => {
  await server.close();
});

function model(modelId = 'gemini-2.5-pro') {
  return createGemini({ apiKey, baseURL: server.url, headers: { 'x-nightshift-run': 'run-42' } })(modelId);
}

const toolSchemas = {
  grep_log: {
    type: 'object',
    properties: { pattern: { type: 'string' }, maxMatches: { type: 'integer', minimum: 1 } },
    required: ['pattern'],
    additionalProperties: false,
  },
  read_file: {
    type: 'object',
    properties: { repo: { type: 'string' }, path: { type: 'string' } },
    required: ['repo', 'path'],
    additionalProperties: false,
  },
};

describe('GeminiLanguageModel request', () => {
  it('sends the exact generateContent body for a multi-turn tool conversation', async () => {
    server.reply(replies.toolUse);
    await model().generate(sampleConversation());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(request?.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Why did the ptp-operator nightly fail?' }] },
        {
          role: 'model',
          parts: [
            { text: 'Let me check the log and the config.' },
            { functionCall: { name: 'grep_log', args: { pattern: 'FAIL' } } },
            { functionCall: { name: 'read_file', args: { repo: 'ptp-operator', path: 'config.yaml' } } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'grep_log', response: { output: 'L812: [FAIL] clock sync' } } },
            { functionResponse: { name: 'read_file', response: { error: 'config.yaml: not found' } } },
            { text: 'Focus on the clock sync test.' },
          ],
        },
      ],
      systemInstruction: {
        role: 'user',
        parts: [{ text: "You are Nightshift's triage agent. Quote evidence verbatim." }],
      },
      tools: [
        {
          functionDeclarations: [
            {
              name: 'grep_log',
              description: 'Search the full job log with a regular expression.',
              parametersJsonSchema: toolSchemas.grep_log,
            },
            {
              name: 'read_file',
              description: 'Read a file from a configured repository.',
              parametersJsonSchema: toolSchemas.read_file,
            },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
      generationConfig: { temperature: 0, maxOutputTokens: 1024 },
    });
  });

  it('sends the key in x-goog-api-key, custom headers, and never the key in the URL', async () => {
    server.reply(replies.text);
    await model().generate(sampleConversation());
    const request = server.requests[0];
    expect(request?.headers['x-goog-api-key']).toBe(apiKey);
    expect(request?.headers['x-nightshift-run']).toBe('run-42');
    expect(request?.path).not.toContain(apiKey);
  });

  it('sends results in the order of the calls they answer (Gemini matches by name and position)', async () => {
    server.reply(replies.text);
    const base = sampleConversation();
    const [first, second] = base.messages;
    await model().generate({
      messages: [
        first!,
        second!,
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolCallId: 'call_2', toolName: 'read_file', output: 'b' },
            { type: 'tool-result', toolCallId: 'call_1', toolName: 'grep_log', output: 'a' },
          ],
        },
      ],
    });
    expect(server.requests[0]?.body).toEqual({
      contents: [
        expect.objectContaining({ role: 'user' }),
        expect.objectContaining({ role: 'model' }),
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'grep_log', response: { output: 'a' } } },
            { functionResponse: { name: 'read_file', response: { output: 'b' } } },
          ],
        },
      ],
      generationConfig: {},
    });
  });

  it('sends thought signatures back with the function calls they came with', async () => {
    server.reply(replies.toolUse, replies.text);
    const gemini = model();
    const first = await gemini.generate(sampleConversation());
    const calls = first.content.filter((part) => part.type === 'tool-call');
    await gemini.generate({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why did it fail?' }] },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: calls.map((call) => ({
            type: 'tool-result' as const,
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            output: 'ok',
          })),
        },
      ],
    });
    const body = server.requests[1]?.body as { contents: { parts: Record<string, unknown>[] }[] };
    expect(body.contents[1]?.parts).toEqual([
      { text: "I'll grep the build log and read the PtpConfig." },
      {
        functionCall: { name: 'grep_log', args: { pattern: 'clock state.*FREERUN', maxMatches: 20 } },
        thoughtSignature: 'CiQB0e2Kb7vQ0Y5mC8h1sX9nZq3TfWlR2uE4aJ6pHdK1oYcMgS0SdgEB0e2Kb8dWnV3',
      },
      {
        functionCall: {
          name: 'read_file',
          args: { repo: 'k8snetworkplumbingwg/ptp-operator', path: 'test/conformance/config/ptpconfig.yaml' },
        },
      },
    ]);
  });

  it('sends no system, tools or toolConfig when none are asked for, and ignores cache hints', async () => {
    server.reply(replies.text);
    await model().generate({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      cacheHints: { system: true, tools: true },
    });
    // The SDK always sends a generationConfig object, empty here.
    expect(server.requests[0]?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      generationConfig: {},
    });
  });
});

describe('GeminiLanguageModel response', () => {
  it('maps a text answer, counting thinking tokens as output', async () => {
    server.reply(replies.text);
    expect(await model().generate(sampleConversation())).toEqual({
      content: [
        {
          type: 'text',
          text: 'The nightly failed because ptp4l never reached the LOCKED state within the 300s timeout.',
        },
      ],
      finishReason: 'stop',
      usage: { inputTokens: 1873, outputTokens: 77, cachedInputTokens: 0 },
      warnings: [],
      responseId: 'Wq0kacXmBsKVkdUP8b2mqQk',
    } satisfies GenerateResult);
  });

  it('maps parallel function calls to stable synthesised ids and cached-token usage', async () => {
    server.reply(replies.toolUse, replies.toolUse);
    const first = await model().generate(sampleConversation());
    expect(first.content).toEqual([
      { type: 'text', text: "I'll grep the build log and read the PtpConfig." },
      {
        type: 'tool-call',
        toolCallId: 'gemini_gq0kaYyQL8Ldz7IPs8TL-Q4_0',
        toolName: 'grep_log',
        input: { pattern: 'clock state.*FREERUN', maxMatches: 20 },
      },
      {
        type: 'tool-call',
        toolCallId: 'gemini_gq0kaYyQL8Ldz7IPs8TL-Q4_1',
        toolName: 'read_file',
        input: { repo: 'k8snetworkplumbingwg/ptp-operator', path: 'test/conformance/config/ptpconfig.yaml' },
      },
    ]);
    // Gemini says STOP; the calls make it a tool-calls turn.
    expect(first.finishReason).toBe('tool-calls');
    expect(first.usage).toEqual({ inputTokens: 2048, outputTokens: 173, cachedInputTokens: 1536 });
    // Same response, same ids: transcripts replay identically.
    const again = await model().generate(sampleConversation());
    expect(again.content).toEqual(first.content);
  });

  it('skips thought summaries and empty text, warns about parts it cannot use', async () => {
    server.reply(replies.multiPart);
    const result = await model().generate(sampleConversation());
    expect(result.content).toEqual([
      { type: 'text', text: 'Root cause: the grandmaster lost its GNSS fix.' },
      { type: 'text', text: 'Evidence: `gnss state: 0 (no fix)` at 02:14:07 in the daemon log.' },
    ]);
    expect(result.finishReason).toBe('length');
    expect(result.warnings).toEqual(['ignored response part with fields executableCode']);
  });

  it('reports a blocked prompt as content-filter with a warning', async () => {
    server.reply(replies.blocked);
    const result = await model().generate(sampleConversation());
    expect(result).toEqual({
      content: [],
      finishReason: 'content-filter',
      usage: { inputTokens: 12, outputTokens: 0, cachedInputTokens: 0 },
      warnings: ['prompt blocked: PROHIBITED_CONTENT'],
      responseId: 'qq0kaf2jDMPZz7IPk7SlsQc',
    });
  });
});

describe('GeminiLanguageModel errors', () => {
  async function failWith(reply: WireReply): Promise<ModelError> {
    server.reply(reply);
    return expectModelError(model().generate(sampleConversation()));
  }

  it('400 INVALID_ARGUMENT is not retryable and says why', async () => {
    const error = await failWith(replies.error400);
    expect(error).toMatchObject({
      provider: 'gemini',
      statusCode: 400,
      isRetryable: false,
      retryAfterMs: undefined,
    });
    expect(error.message).toMatch(
      /^gemini: HTTP 400 INVALID_ARGUMENT: \* GenerateContentRequest\.tools\[0\]/,
    );
  });

  it('401 UNAUTHENTICATED is not retryable', async () => {
    const error = await failWith(replies.error401);
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(error.message).toContain('UNAUTHENTICATED');
  });

  it('429 RESOURCE_EXHAUSTED is retryable and carries RetryInfo.retryDelay', async () => {
    const error = await failWith(replies.error429);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 17_000 });
  });

  it('500 INTERNAL is retryable', async () => {
    const error = await failWith(replies.error500);
    expect(error).toMatchObject({ statusCode: 500, isRetryable: true, retryAfterMs: undefined });
  });

  it('503 UNAVAILABLE (overloaded) is retryable', async () => {
    const error = await failWith(replies.error503);
    expect(error).toMatchObject({ statusCode: 503, isRetryable: true });
    expect(error.message).toBe(
      'gemini: HTTP 503 UNAVAILABLE: The model is overloaded. Please try again later.',
    );
  });

  it('a non-JSON error page still gives a clear error', async () => {
    const error = await failWith({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad Gateway</html>',
    });
    expect(error).toMatchObject({ statusCode: 502, isRetryable: true });
    expect(error.message).toContain('<html>Bad Gateway</html>');
  });

  it('a refused connection is a retryable error without a status', async () => {
    const url = server.url;
    await server.close();
    const error = await expectModelError(
      createGemini({ apiKey, baseURL: url })('gemini-2.5-pro').generate(sampleConversation()),
    );
    expect(error).toMatchObject({ statusCode: undefined, isRetryable: true });
    expect(error.message).toMatch(/^gemini: connection failed/);
    server = await startWireServer(); // afterEach closes it again
  });

  it('abort cancels the request and is not retryable', async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const pending = expectModelError(
      model().generate(sampleConversation({ abortSignal: controller.signal })),
    );
    await server.received(0);
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ isRetryable: false, message: 'gemini: request aborted' });
  });
});
