import { describe, expect, it } from 'vitest';
import { convertToOpenAIMessages } from './convert-to-openai-messages';

describe('convertToOpenAIMessages', () => {
  it('uses a content array for several text parts and skips empty messages with a warning', () => {
    const prompt = convertToOpenAIMessages({
      system: '',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
        { role: 'user', content: [] },
      ],
    });
    expect(prompt).toEqual({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
      ],
      warnings: [
        'messages[1] (assistant) has no non-empty content and was skipped',
        'messages[2] (user) has no non-empty content and was skipped',
      ],
    });
  });

  it('sends a tool-only assistant turn with null content and keeps string input verbatim', () => {
    const prompt = convertToOpenAIMessages({
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'c1', toolName: 'grep_log', input: '{"pattern": "FA' },
            { type: 'tool-call', toolCallId: 'c2', toolName: 'list_repos', input: undefined },
          ],
        },
      ],
    });
    expect(prompt.messages).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'grep_log', arguments: '{"pattern": "FA' } },
          { id: 'c2', type: 'function', function: { name: 'list_repos', arguments: '{}' } },
        ],
      },
    ]);
  });
});
