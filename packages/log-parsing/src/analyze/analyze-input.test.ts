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

describe('analyze: console lines cut to the cap', () => {
  const run = (text: string) =>
    analyzeInput({
      path: 'job.log',
      classifier,
      budgetTokens: 2000,
      maxLineBytes: 200,
      async *open() {
        yield Buffer.from(text);
      },
    });

  it('says a go test line was cut', async () => {
    const result = await run(`=== RUN   TestLong\n--- FAIL: TestLong (0.00s) ${'x'.repeat(300)}\nFAIL\n`);
    expect(result.report.errors.map((e) => e.message)).toEqual([
      'job.log line 2: line cut by the reader (over its line cap, 1 MiB unless set)',
    ]);
  });

  it('says a test2json event was lost to the cut, not that it was bad JSON', async () => {
    const event = JSON.stringify({ Action: 'output', Test: 'TestA', Output: `${'y'.repeat(300)}\n` });
    const result = await run(`${JSON.stringify({ Action: 'run', Test: 'TestA' })}\n${event}\n`);
    expect(result.report.errors.map((e) => e.message).join()).toContain('the test2json event is lost');
  });
});
