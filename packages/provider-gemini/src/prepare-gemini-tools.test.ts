import { sampleTools } from '@nightshift/agent-core/testing';
import { describe, expect, it } from 'vitest';
import { prepareGeminiTools } from './prepare-gemini-tools';

describe('prepareGeminiTools', () => {
  it.each([
    ['auto', { functionCallingConfig: { mode: 'AUTO' } }],
    ['none', { functionCallingConfig: { mode: 'NONE' } }],
    ['required', { functionCallingConfig: { mode: 'ANY' } }],
    [
      { type: 'tool', toolName: 'read_file' },
      { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['read_file'] } },
    ],
  ] as const)('maps toolChoice %j', (toolChoice, expected) => {
    expect(prepareGeminiTools({ tools: sampleTools, toolChoice }).toolConfig).toEqual(expected);
  });

  it('puts JSON Schema in parametersJsonSchema without the $schema URI, and no toolConfig by default', () => {
    const prepared = prepareGeminiTools({ tools: sampleTools });
    expect(prepared.toolConfig).toBeUndefined();
    expect(prepared.tools?.[0]?.functionDeclarations?.map((d) => d.name)).toEqual(['grep_log', 'read_file']);
    expect(prepared.tools?.[0]?.functionDeclarations?.[0]?.parametersJsonSchema).not.toHaveProperty(
      '$schema',
    );
  });

  it('drops toolChoice with a warning when there are no tools', () => {
    expect(prepareGeminiTools({ toolChoice: { type: 'tool', toolName: 'x' } })).toEqual({
      warnings: ['toolChoice was ignored because no tools were given'],
    });
  });
});
