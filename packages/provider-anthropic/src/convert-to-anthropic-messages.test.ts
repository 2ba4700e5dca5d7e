import { describe, expect, it } from 'vitest';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages';

describe('convertToAnthropicMessages', () => {
  it('omits an empty system prompt', () => {
    expect(convertToAnthropicMessages({ system: '', messages: [], cacheSystem: true })).toEqual({
      system: undefined,
      messages: [],
      warnings: [],
    });
  });

  it('drops empty text and skips a message left empty, with a warning', () => {
    const prompt = convertToAnthropicMessages({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'go' }] },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'again' },
          ],
        },
      ],
    });
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'go' }] },
      { role: 'user', content: [{ type: 'text', text: 'again' }] },
    ]);
    expect(prompt.warnings).toEqual(['messages[1] (assistant) has no non-empty content and was skipped']);
  });

  it('replaces non-object tool input with {} and says so', () => {
    const prompt = convertToAnthropicMessages({
      messages: [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'grep_log', input: '{"pattern": "FA' }],
        },
      ],
    });
    expect(prompt.messages).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'grep_log', input: {} }] },
    ]);
    expect(prompt.warnings).toEqual(['messages[0] tool call c1 had non-object input; sent as {}']);
  });
});
