import { describe, expect, it } from 'vitest';
import { builtinRules, createClassifier } from '../classify/index';
import { analyzeInput } from './analyze-input';

const classifier = createClassifier(builtinRules);

describe('analyze: lines cut to the cap', () => {
  it('tells the parser which lines the reader cut, so a one-line report says why it is incomplete', async () => {
    const cases = Array.from(
      { length: 40 },
      (_, i) => `<testcase name="t${i}" classname="c"><failure message="f"/></testcase>`,
    );
    const xml = `<?xml version="1.0"?><testsuite name="s">${cases.join('')}</testsuite>\n`;
    const result = await analyzeInput({
      path: 'one-line.xml',
      classifier,
      budgetTokens: 2000,
      maxLineBytes: 1000,
      async *open() {
        yield Buffer.from(xml);
      },
    });
    expect(result.report.partial).toBe(true);
    expect(result.report.errors[0]!.message).toContain('line cut by the reader');
    expect(result.report.tests.length).toBeGreaterThan(0);
    expect(result.report.tests.length).toBeLessThan(40);
  });
});
