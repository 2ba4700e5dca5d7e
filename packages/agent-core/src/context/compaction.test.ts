import { describe, expect, it } from 'vitest';
import type { Message } from '../model/index';
import { compactMessages } from './compaction';

function conversation(turns: number, outputChars: number): Message[] {
  const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Triage this failure.' }] }];
  for (let i = 0; i < turns; i++) {
    messages.push({
      role: 'assistant',
      content: [{ type: 'tool-call', toolCallId: `c${i}`, toolName: 'read_log', input: { page: i } }],
    });
    messages.push({
      role: 'user',
      content: [
        {
          type: 'tool-result',
          toolCallId: `c${i}`,
          toolName: 'read_log',
          output: `page ${i} `.padEnd(outputChars, 'x'),
        },
      ],
    });
  }
  return messages;
}

const outputs = (messages: Message[]) =>
  messages.flatMap((m) => m.content.flatMap((p) => (p.type === 'tool-result' ? [p.output] : [])));

describe('compactMessages', () => {
  it('leaves a conversation under the threshold alone', () => {
    const messages = conversation(3, 1000);
    const result = compactMessages(messages, 0, { contextWindow: 100_000 });
    expect(result.compacted).toBe(0);
    expect(result.messages).toEqual(messages);
  });

  it('stubs the oldest tool results first, keeps recent ones, pairing and the prompt intact', () => {
    const messages = conversation(10, 8000); // ~20k tokens
    const before = structuredClone(messages);
    const result = compactMessages(messages, 0, { contextWindow: 20_000, keepRecent: 2 });
    expect(result.compacted).toBeGreaterThan(0);
    expect(result.estimatedTokens).toBeLessThanOrEqual(10_000);
    const out = outputs(result.messages);
    expect(out[0]).toMatch(/^\[Earlier tool output removed.*read_log again/);
    expect(out[8]).toMatch(/^page 8 /);
    expect(out[9]).toMatch(/^page 9 /);
    // Same shape: every call still has its result, the prompt is untouched.
    expect(result.messages).toHaveLength(messages.length);
    expect(result.messages[0]).toEqual(messages[0]);
    expect(result.messages.map((m) => m.content.map((p) => p.type))).toEqual(
      messages.map((m) => m.content.map((p) => p.type)),
    );
    // Input not mutated.
    expect(messages).toEqual(before);
  });

  it('does not stub again what is already a stub, and stops when nothing is left to compact', () => {
    const messages = conversation(4, 8000);
    const once = compactMessages(messages, 0, { contextWindow: 1000, keepRecent: 1 });
    const twice = compactMessages(once.messages, 0, { contextWindow: 1000, keepRecent: 1 });
    expect(once.compacted).toBe(3);
    expect(twice.compacted).toBe(0);
    expect(outputs(twice.messages)[3]).toMatch(/^page 3 /);
  });
});
