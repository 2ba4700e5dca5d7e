import type { GenerateResult, ModelError } from '@nightshift/agent-core';
import {
  expectModelError,
  sampleConversation,
  startWireServer,
  type WireServer,
} from '@nightshift/agent-core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replies } from './__fixtures__/wire-fixtures';
import { createOpenAI } from './openai-provider';
import type { OpenAIProviderSettings } from './openai-settings';

const apiKey = 'sk-proj-test-openai-secret-key';
let server: WireServer;

beforeEach(async () => {
  server = await startWireServer();
});
afterEach(async () => {
  await server.close();
});

function model(settings: Partial<OpenAIProviderSettings> = {}, modelId = 'gpt-5') {
  return createOpenAI({
    apiKey,
    baseURL: `${server.url}/v1`,
    headers: { 'x-nightshift-run': 'run-42' },
    ...settings,
  })(modelId);
}

const expectedMessages = [
  { role: 'system', content: "You are Nightshift's triage agent. Quote evidence verbatim." },
  { role: 'user', content: 'Why did the ptp-operator nightly fail?' },
  {
    role: 'assistant',
    content: 'Let me check the log and the config.',
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'grep_log', arguments: '{"pattern":"FAIL"}' } },
      {
        id: 'call_2',
        type: 'function',
        function: { name: 'read_file', arguments: '{"repo":"ptp-operator","path":"config.yaml"}' },
      },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: 'L812: [FAIL] clock sync' },
  { role: 'tool', tool_call_id: 'call_2', content: 'Error: config.yaml: not found' },
  { role: 'user', content: 'Focus on the clock sync test.' },
];

const expectedTools = [
  {
    type: 'function',
    function: {
      name: 'grep_log',
      description: 'Search the full job log with a regular expression.',
      parameters: {
        type: 'object',
        properties: { pattern: { type: 'string' }, maxMatches: { type: 'integer', minimum: 1 } },
        required: ['pattern'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'read_file',
      description: 'Read a file from a configured repository.',
      parameters: {
        type: 'object',
        properties: { repo: { type: 'string' }, path: { type: 'string' } },
        required: ['repo', 'path'],
        additionalProperties: false,
      },
    },
  },
];

describe('OpenAILanguageModel request', () => {
  it('sends the exact Chat Completions body (strict: max_completion_tokens)', async () => {
    server.reply(replies.toolUse);
    await model().generate(sampleConversation());
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body).toEqual({
      model: 'gpt-5',
      messages: expectedMessages,
      tools: expectedTools,
      tool_choice: 'required',
      max_completion_tokens: 1024,
      temperature: 0,
    });
  });

  it('sends max_tokens and no stream_options in compatible mode', async () => {
    server.reply(replies.ollamaTextAndTool);
    await model({ compatibility: 'compatible' }, 'qwen3:32b').generate(
      sampleConversation({ toolChoice: { type: 'tool', toolName: 'read_file' } }),
    );
    expect(server.requests[0]?.body).toEqual({
      model: 'qwen3:32b',
      messages: expectedMessages,
      tools: expectedTools,
      tool_choice: { type: 'function', function: { name: 'read_file' } },
      max_tokens: 1024,
      temperature: 0,
    });
  });

  it('sends the key as a bearer token with custom headers and no SDK retries', async () => {
    server.reply(replies.text);
    await model().generate(sampleConversation());
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(headers['x-nightshift-run']).toBe('run-42');
    expect(headers['x-stainless-retry-count']).toBe('0');
    expect(headers['openai-organization']).toBeUndefined();
  });

  it('sends no Authorization header at all for a keyless local server', async () => {
    server.reply(replies.ollamaTextAndTool);
    const local = createOpenAI({ baseURL: `${server.url}/v1`, compatibility: 'compatible', name: 'ollama' })(
      'qwen3:32b',
    );
    await local.generate({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.body).toEqual({
      model: 'qwen3:32b',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
});

describe('OpenAILanguageModel response', () => {
  it('maps a text answer', async () => {
    server.reply(replies.text);
    expect(await model().generate(sampleConversation())).toEqual({
      content: [
        {
          type: 'text',
          text: 'The nightly failed because ptp4l never reached the LOCKED state within the 300s timeout.',
        },
      ],
      finishReason: 'stop',
      usage: { inputTokens: 2095, outputTokens: 21, cachedInputTokens: 0 },
      warnings: [],
      responseId: 'chatcmpl-CXk2pL7Q3mZrN8vY1aB4cD5eF6gH',
    } satisfies GenerateResult);
  });

  it('maps parallel tool calls and cached-token usage', async () => {
    server.reply(replies.toolUse);
    const result = await model().generate(sampleConversation());
    expect(result.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_Vg5qvEMfVNb1aTqYJYQ9gKhs',
        toolName: 'grep_log',
        input: { pattern: 'clock state.*FREERUN', maxMatches: 20 },
      },
      {
        type: 'tool-call',
        toolCallId: 'call_4bL0nRjQ8uXkWm2zPfT7yD1c',
        toolName: 'read_file',
        input: { repo: 'k8snetworkplumbingwg/ptp-operator', path: 'test/conformance/config/ptpconfig.yaml' },
      },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toEqual({ inputTokens: 2048, outputTokens: 173, cachedInputTokens: 1792 });
  });

  it('maps text plus a tool call, even when the server says stop (Ollama)', async () => {
    server.reply(replies.ollamaTextAndTool);
    const result = await model({ compatibility: 'compatible', name: 'ollama' }, 'qwen3:32b').generate(
      sampleConversation(),
    );
    expect(result).toEqual({
      content: [
        { type: 'text', text: "I'll grep the daemon log for the GNSS state first." },
        {
          type: 'tool-call',
          toolCallId: 'call_u1r7c3kq',
          toolName: 'grep_log',
          input: { pattern: 'gnss state' },
        },
      ],
      finishReason: 'tool-calls',
      usage: { inputTokens: 512, outputTokens: 30, cachedInputTokens: 0 },
      warnings: [],
      responseId: 'chatcmpl-417',
    });
  });

  it('compatible mode tolerates missing usage, missing ids, object and broken arguments, with warnings', async () => {
    server.reply(replies.compatibleQuirks);
    const result = await model({ compatibility: 'compatible' }, 'llama-3.3-70b-instruct').generate(
      sampleConversation(),
    );
    expect(result.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_chatcmpl-quirks_0',
        toolName: 'grep_log',
        input: '{"pattern": "FAIL", "maxMatches": 5',
      },
      {
        type: 'tool-call',
        toolCallId: 'call_obj',
        toolName: 'read_file',
        input: { repo: 'ptp-operator', path: 'Makefile' },
      },
      { type: 'tool-call', toolCallId: 'call_empty', toolName: 'list_repos', input: {} },
    ]);
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toBe('tool call 0 (grep_log) had no id; using call_chatcmpl-quirks_0');
    expect(result.warnings[1]).toMatch(
      /^tool call call_chatcmpl-quirks_0 \(grep_log\) arguments are not valid JSON: .+; passed through as a string$/,
    );
    expect(result.warnings[2]).toBe('the response has no usage; token counts are reported as 0');
  });

  it('strict mode rejects the same quirks with a clear ModelError', async () => {
    server.reply(replies.compatibleQuirks);
    const error = await expectModelError(model().generate(sampleConversation()));
    expect(error).toMatchObject({
      provider: 'openai',
      isRetryable: false,
      message: 'openai: tool call 0 (grep_log) has no id',
    });
  });
});

describe('OpenAILanguageModel protocol checks', () => {
  const brokenCall = {
    id: 'call_1',
    type: 'function',
    function: { name: 'grep_log', arguments: '{"pattern": "FA' },
  };
  /** A completion shaped like the text fixture; `usage: null` leaves the usage field out. */
  function completion(finishReason: string, message: object, usage: object | null = replies.text.body.usage) {
    const { usage: _dropped, ...rest } = replies.text.body;
    return {
      body: {
        ...rest,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, ...message },
            finish_reason: finishReason,
          },
        ],
        ...(usage === null ? {} : { usage }),
      },
    };
  }
  const fail = (settings = {}) => expectModelError(model(settings).generate(sampleConversation()));

  it('strict: broken arguments are a retryable error (a new sample usually fixes them)', async () => {
    server.reply(completion('tool_calls', { tool_calls: [brokenCall] }));
    const error = await fail();
    expect(error).toMatchObject({ isRetryable: true, statusCode: undefined });
    expect(error.message).toMatch(/^openai: tool call call_1 \(grep_log\) arguments are not valid JSON/);
  });

  it('strict: broken arguments in truncated output are passed through with a warning', async () => {
    server.reply(completion('length', { tool_calls: [brokenCall] }));
    const result = await model().generate(sampleConversation());
    expect(result.finishReason).toBe('length');
    expect(result.content).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'grep_log', input: '{"pattern": "FA' },
    ]);
    expect(result.warnings).toHaveLength(1);
  });

  it('strict: a response without usage is an error that names the fix', async () => {
    server.reply(completion('stop', { content: 'hi' }, null));
    const error = await fail();
    expect(error).toMatchObject({
      isRetryable: false,
      message: "openai: the response has no usage (use compatibility: 'compatible' for such servers)",
    });
  });

  it('a response without choices is an error in either mode', async () => {
    server.reply({ body: { ...replies.text.body, choices: [] } });
    const error = await fail({ compatibility: 'compatible' });
    expect(error).toMatchObject({ isRetryable: false, message: 'openai: the response has no choices' });
  });

  it('a refusal comes back as text with finish reason content-filter', async () => {
    server.reply(completion('stop', { refusal: "I can't help with that." }));
    const result = await model().generate(sampleConversation());
    expect(result.content).toEqual([{ type: 'text', text: "I can't help with that." }]);
    expect(result.finishReason).toBe('content-filter');
  });
});

describe('OpenAILanguageModel errors', () => {
  async function failWith(reply: (typeof replies)[keyof typeof replies], settings = {}): Promise<ModelError> {
    server.reply(reply);
    return expectModelError(model(settings).generate(sampleConversation()));
  }

  it('400 is not retryable and says why', async () => {
    const error = await failWith(replies.error400);
    expect(error).toMatchObject({
      provider: 'openai',
      statusCode: 400,
      isRetryable: false,
      retryAfterMs: undefined,
    });
    expect(error.message).toBe(
      "openai: HTTP 400 invalid_request_error: Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'. (request req_8f3c1a2b4d5e6f708192a3b4c5d6e7f8)",
    );
  });

  it('401 is not retryable and never repeats the API key', async () => {
    const error = await failWith(replies.error401);
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(error.message).toContain('invalid_api_key');
    expect(error.message).not.toContain(apiKey);
    expect(error.cause).toBeUndefined();
  });

  it('429 is retryable and prefers retry-after-ms', async () => {
    const error = await failWith(replies.error429);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 1400 });
  });

  it('429 insufficient_quota is not retryable (billing, not load)', async () => {
    const error = await failWith(replies.error429Quota);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: false });
  });

  it('500 is retryable', async () => {
    const error = await failWith(replies.error500);
    expect(error).toMatchObject({ statusCode: 500, isRetryable: true });
  });

  it('a vLLM-style error body (no error wrapper) still gives a clear message', async () => {
    const error = await failWith(replies.vllmError400, { compatibility: 'compatible', name: 'vllm' });
    expect(error).toMatchObject({ provider: 'vllm', statusCode: 400, isRetryable: false });
    expect(error.message).toMatch(
      /^vllm: HTTP 400 BadRequestError: This model's maximum context length is 32768 tokens/,
    );
  });

  it('a refused connection is a retryable error without a status', async () => {
    const url = server.url;
    await server.close();
    const error = await expectModelError(
      createOpenAI({ apiKey, baseURL: `${url}/v1` })('gpt-5').generate(sampleConversation()),
    );
    expect(error).toMatchObject({ statusCode: undefined, isRetryable: true });
    expect(error.message).toMatch(/^openai: connection failed/);
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
    expect(error).toMatchObject({ isRetryable: false, message: 'openai: request aborted' });
  });
});
