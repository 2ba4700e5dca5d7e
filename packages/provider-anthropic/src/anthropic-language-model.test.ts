import type { ModelError } from '@nightshift/agent-core';
import {
  expectModelError,
  sampleConversation,
  startWireServer,
  type WireServer,
} from '@nightshift/agent-core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createAnthropic } from './anthropic-provider';

const apiKey = 'sk-ant-api03-test-secret-key';
let server: WireServer;

beforeEach(async () => {
  server = await startWireServer();
});
afterEach(async () => {
  await server.close();
});

function model(modelId = 'claude-sonnet-4-6') {
  return createAnthropic({ apiKey, baseURL: server.url, headers: { 'x-nightshift-run': 'run-42' } })(modelId);
}

describe('AnthropicLanguageModel request', () => {
  it('sends the exact Messages API body for a multi-turn tool conversation with cache hints', async () => {
    server.reply(replies.toolUse);
    await model().generate(sampleConversation());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/messages');
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 1024,
      temperature: 0,
      system: [
        {
          type: 'text',
          text: "You are Nightshift's triage agent. Quote evidence verbatim.",
          cache_control: { type: 'ephemeral' },
        },
      ],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why did the ptp-operator nightly fail?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me check the log and the config.' },
            { type: 'tool_use', id: 'call_1', name: 'grep_log', input: { pattern: 'FAIL' } },
            {
              type: 'tool_use',
              id: 'call_2',
              name: 'read_file',
              input: { repo: 'ptp-operator', path: 'config.yaml' },
            },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: 'L812: [FAIL] clock sync' },
            { type: 'tool_result', tool_use_id: 'call_2', content: 'config.yaml: not found', is_error: true },
            { type: 'text', text: 'Focus on the clock sync test.' },
          ],
        },
      ],
      tools: [
        {
          name: 'grep_log',
          description: 'Search the full job log with a regular expression.',
          input_schema: {
            type: 'object',
            properties: { pattern: { type: 'string' }, maxMatches: { type: 'integer', minimum: 1 } },
            required: ['pattern'],
            additionalProperties: false,
          },
        },
        {
          name: 'read_file',
          description: 'Read a file from a configured repository.',
          input_schema: {
            type: 'object',
            properties: { repo: { type: 'string' }, path: { type: 'string' } },
            required: ['repo', 'path'],
            additionalProperties: false,
          },
          cache_control: { type: 'ephemeral' },
        },
      ],
      tool_choice: { type: 'any' },
    });
  });

  it('sends the key, custom headers and no SDK retries', async () => {
    server.reply(replies.text);
    await model().generate(sampleConversation());
    const headers = server.requests[0]?.headers ?? {};
    // The SDK picks the auth header (x-api-key or a bearer token); either way it carries our key.
    const sentKey = headers['x-api-key'] ?? headers.authorization?.replace(/^Bearer /, '');
    expect(sentKey).toBe(apiKey);
    expect(headers['x-nightshift-run']).toBe('run-42');
    expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(headers['x-stainless-retry-count']).toBe('0');
  });

  it('uses a plain system string, the default max_tokens and no cache_control without hints', async () => {
    server.reply(replies.text);
    await model().generate({
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(server.requests[0]?.body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
  });

  it('honours defaultMaxOutputTokens from the model settings', async () => {
    server.reply(replies.text);
    const custom = createAnthropic({ apiKey, baseURL: server.url })('claude-haiku-4-5', {
      defaultMaxOutputTokens: 512,
    });
    await custom.generate({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    expect(server.requests[0]?.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 512 });
  });
});

describe('AnthropicLanguageModel response', () => {
  it('maps a text answer', async () => {
    server.reply(replies.text);
    const result = await model().generate(sampleConversation());
    expect(result).toEqual({
      content: [
        {
          type: 'text',
          text: 'The nightly failed because ptp4l never reached the LOCKED state within the 300s timeout.',
        },
      ],
      finishReason: 'stop',
      usage: { inputTokens: 2095, outputTokens: 21, cachedInputTokens: 0 },
      warnings: [],
      responseId: 'msg_01XFDUDYJgAACzvnptvVoYEL',
    });
  });

  it('maps parallel tool calls and cached-token usage', async () => {
    server.reply(replies.toolUse);
    const result = await model().generate(sampleConversation());
    expect(result.content).toEqual([
      { type: 'text', text: "I'll grep the build log and read the PtpConfig in parallel." },
      {
        type: 'tool-call',
        toolCallId: 'toolu_01A09q90qw90lq917835lq9',
        toolName: 'grep_log',
        input: { pattern: 'clock state.*FREERUN', maxMatches: 20 },
      },
      {
        type: 'tool-call',
        toolCallId: 'toolu_01B19r81rx81mr828946mr0',
        toolName: 'read_file',
        input: { repo: 'k8snetworkplumbingwg/ptp-operator', path: 'test/conformance/config/ptpconfig.yaml' },
      },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    // 45 uncached + 1840 read from cache + 212 written to cache.
    expect(result.usage).toEqual({ inputTokens: 2097, outputTokens: 138, cachedInputTokens: 1840 });
  });

  it('keeps multi-part text in order, drops empty text, warns about blocks it cannot use', async () => {
    server.reply(replies.multiPart);
    const result = await model().generate(sampleConversation());
    expect(result.content).toEqual([
      { type: 'text', text: 'Root cause: the grandmaster lost its GNSS fix.' },
      { type: 'text', text: 'Evidence: `gnss state: 0 (no fix)` at 02:14:07 in the daemon log.' },
    ]);
    expect(result.finishReason).toBe('length');
    expect(result.usage).toEqual({ inputTokens: 3310, outputTokens: 1024, cachedInputTokens: 0 });
    expect(result.warnings).toEqual(['ignored response content block of type redacted_thinking']);
  });
});

describe('AnthropicLanguageModel errors', () => {
  async function failWith(reply: (typeof replies)[keyof typeof replies]): Promise<ModelError> {
    server.reply(reply);
    return expectModelError(model().generate(sampleConversation()));
  }

  it('400 invalid request is not retryable and says why', async () => {
    const error = await failWith(replies.error400);
    expect(error).toMatchObject({
      provider: 'anthropic',
      statusCode: 400,
      isRetryable: false,
      retryAfterMs: undefined,
    });
    expect(error.message).toContain('HTTP 400 invalid_request_error');
    expect(error.message).toContain('without `tool_result` blocks');
    expect(error.message).toContain('req_011CSHoEeqs5C35K2UUqR7Fy');
  });

  it('401 is not retryable and never repeats the API key', async () => {
    const error = await failWith(replies.error401);
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(error.message).toContain('authentication_error');
    expect(error.message).not.toContain(apiKey);
    expect(error.message).toContain('[REDACTED]');
    // The raw SDK error echoes the key in its body, so it is not kept as the cause.
    expect(error.cause).toBeUndefined();
  });

  it('429 is retryable and carries retry-after', async () => {
    const error = await failWith(replies.error429);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 23_000 });
    expect(error.message).toContain('rate_limit_error');
  });

  it('500 is retryable', async () => {
    const error = await failWith(replies.error500);
    expect(error).toMatchObject({ statusCode: 500, isRetryable: true, retryAfterMs: undefined });
    expect(error.cause).toBeDefined();
  });

  it('529 overloaded is retryable', async () => {
    const error = await failWith(replies.error529);
    expect(error).toMatchObject({ statusCode: 529, isRetryable: true });
    expect(error.message).toContain('overloaded_error: Overloaded');
  });

  it('a refused connection is a retryable error without a status', async () => {
    const url = server.url;
    await server.close();
    const error = await expectModelError(
      createAnthropic({ apiKey, baseURL: url })('claude-sonnet-4-6').generate(sampleConversation()),
    );
    expect(error).toMatchObject({ statusCode: undefined, isRetryable: true });
    expect(error.message).toMatch(/^anthropic: connection failed/);
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
    expect(error).toMatchObject({ isRetryable: false, message: 'anthropic: request aborted' });
  });
});
