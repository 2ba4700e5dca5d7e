import type { GenerateOptions, ToolDefinition } from '../model/index';

/*
 * A provider-neutral conversation that exercises every part of the model interface an adapter must
 * translate (system prompt, multi-turn text, parallel tool calls, a failed tool result, tool choice,
 * cache hints). Shared so every adapter's wire tests start from the same request.
 */

/** Tool definitions as `z.toJSONSchema` produces them (note the `$schema` key). */
export const sampleTools: ToolDefinition[] = [
  {
    name: 'grep_log',
    description: 'Search the full job log with a regular expression.',
    inputSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { pattern: { type: 'string' }, maxMatches: { type: 'integer', minimum: 1 } },
      required: ['pattern'],
      additionalProperties: false,
    },
  },
  {
    name: 'read_file',
    description: 'Read a file from a configured repository.',
    inputSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { repo: { type: 'string' }, path: { type: 'string' } },
      required: ['repo', 'path'],
      additionalProperties: false,
    },
  },
];

/** A triage conversation: system prompt, two turns, parallel tool calls, one failed tool result. */
export function sampleConversation(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    system: "You are Nightshift's triage agent. Quote evidence verbatim.",
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'Why did the ptp-operator nightly fail?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check the log and the config.' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'grep_log', input: { pattern: 'FAIL' } },
          {
            type: 'tool-call',
            toolCallId: 'call_2',
            toolName: 'read_file',
            input: { repo: 'ptp-operator', path: 'config.yaml' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Focus on the clock sync test.' },
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'grep_log',
            output: 'L812: [FAIL] clock sync',
          },
          {
            type: 'tool-result',
            toolCallId: 'call_2',
            toolName: 'read_file',
            output: 'config.yaml: not found',
            isError: true,
          },
        ],
      },
    ],
    tools: sampleTools,
    toolChoice: 'required',
    maxOutputTokens: 1024,
    temperature: 0,
    cacheHints: { system: true, tools: true },
    ...overrides,
  };
}
