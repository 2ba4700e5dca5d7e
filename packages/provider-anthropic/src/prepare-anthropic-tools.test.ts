import { sampleTools } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { prepareAnthropicTools } from './prepare-anthropic-tools';

describe('prepareAnthropicTools', () => {
  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [
      { type: 'tool', toolName: 'read_file' },
      { type: 'tool', name: 'read_file' },
    ],
  ] as const)('maps toolChoice %j to %j', (toolChoice, expected) => {
    expect(prepareAnthropicTools({ tools: sampleTools, toolChoice }).tool_choice).toEqual(expected);
  });

  it('sends no tool_choice when none is given, and no cache_control without the hint', () => {
    const prepared = prepareAnthropicTools({ tools: sampleTools });
    expect(prepared.tool_choice).toBeUndefined();
    expect(prepared.tools?.map((t) => t.cache_control)).toEqual([undefined, undefined]);
    expect(prepared.tools?.[0]?.input_schema).not.toHaveProperty('$schema');
  });

  it('drops toolChoice with a warning when there are no tools (the API would reject it)', () => {
    expect(prepareAnthropicTools({ tools: [], toolChoice: 'required' })).toEqual({
      warnings: ['toolChoice was ignored because no tools were given'],
    });
    expect(prepareAnthropicTools({ toolChoice: 'none' })).toEqual({ warnings: [] });
  });
});
