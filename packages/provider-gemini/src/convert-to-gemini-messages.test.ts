import { describe, expect, it } from 'vitest';
import { convertToGeminiMessages } from './convert-to-gemini-messages';

describe('convertToGeminiMessages', () => {
  it('omits an empty system prompt and skips empty messages with a warning', () => {
    const prompt = convertToGeminiMessages({
      system: '',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'go' }] },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
      ],
    });
    expect(prompt).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'go' }] }],
      warnings: ['messages[1] (assistant) has no non-empty content and was skipped'],
    });
  });

  it('replaces non-object call input with {} and keeps results for unknown calls last', () => {
    const prompt = convertToGeminiMessages({
      messages: [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'a', toolName: 'grep_log', input: 'oops' }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolCallId: 'zzz', toolName: 'stale', output: 'late' },
            { type: 'tool-result', toolCallId: 'a', toolName: 'grep_log', output: 'hit' },
          ],
        },
      ],
    });
    expect(prompt.contents).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'grep_log', args: {} } }] },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'grep_log', response: { output: 'hit' } } },
          { functionResponse: { name: 'stale', response: { output: 'late' } } },
        ],
      },
    ]);
    expect(prompt.warnings).toEqual(['messages[0] tool call a had non-object input; sent as {}']);
  });
});
