import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentError } from '../agent-error';
import { defineTool, toInputJsonSchema, toToolDefinition } from './define-tool';

describe('defineTool', () => {
  const grep = defineTool({
    name: 'grep_log',
    description: 'Search the job log.',
    input: z.object({ pattern: z.string().describe('RE2 pattern'), maxLines: z.number().int().default(50) }),
    run: ({ pattern, maxLines }) => `${pattern}:${maxLines}`,
  });

  it('derives the JSON Schema the model sees from zod', () => {
    const def = toToolDefinition(grep);
    expect(def.name).toBe('grep_log');
    expect(def.inputSchema).toMatchObject({
      type: 'object',
      properties: { pattern: { type: 'string', description: 'RE2 pattern' }, maxLines: { type: 'integer' } },
      required: ['pattern'],
    });
    expect(def.inputSchema).not.toHaveProperty('$schema');
  });

  it('prefers an explicit JSON Schema when given', () => {
    const schema = { type: 'object', properties: { q: { type: 'string' } } };
    const tool = defineTool({
      name: 'x',
      description: 'd',
      input: z.any(),
      inputJsonSchema: schema,
      run: () => 1,
    });
    expect(toToolDefinition(tool).inputSchema).toBe(schema);
  });

  it('rejects names providers would refuse, and non-object inputs', () => {
    expect(() =>
      defineTool({ name: 'has space', description: '', input: z.object({}), run: () => 1 }),
    ).toThrow(AgentError);
    expect(() =>
      defineTool({ name: 'x'.repeat(65), description: '', input: z.object({}), run: () => 1 }),
    ).toThrow(/1-64/);
    expect(() => toInputJsonSchema('s', z.string())).toThrow(/must be a zod object/);
    expect(() => toInputJsonSchema('d', z.object({ when: z.date() }))).toThrow(/cannot be expressed/);
  });
});
