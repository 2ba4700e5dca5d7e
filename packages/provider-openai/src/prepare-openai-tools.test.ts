import { sampleTools } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { prepareOpenAITools } from './prepare-openai-tools';

describe('prepareOpenAITools', () => {
  it.each([
    ['auto', 'auto'],
    ['none', 'none'],
    ['required', 'required'],
    [
      { type: 'tool', toolName: 'read_file' },
      { type: 'function', function: { name: 'read_file' } },
    ],
  ] as const)('maps toolChoice %j', (toolChoice, expected) => {
    expect(prepareOpenAITools({ tools: sampleTools, toolChoice }).tool_choice).toEqual(expected);
  });

  it('sends no tool_choice by default and strips the $schema URI', () => {
    const prepared = prepareOpenAITools({ tools: sampleTools });
    expect(prepared.tool_choice).toBeUndefined();
    expect(prepared.tools?.[0]?.function.parameters).not.toHaveProperty('$schema');
  });

  it('drops toolChoice with a warning when there are no tools', () => {
    expect(prepareOpenAITools({ tools: [], toolChoice: 'auto' })).toEqual({
      warnings: ['toolChoice was ignored because no tools were given'],
    });
  });
});
