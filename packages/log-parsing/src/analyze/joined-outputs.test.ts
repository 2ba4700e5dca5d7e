import { describe, expect, it } from 'vitest';
import { builtinRules, createClassifier } from '../classify/index';
import { analyzeInput } from './analyze-input';
import { redactJoinedOutputs } from './joined-outputs';

const TOKEN = `ghp_${'Ab1'.repeat(12)}`;
const event = (output: string, action = 'output') =>
  JSON.stringify({
    Time: '2026-07-08T00:00:00Z',
    Action: action,
    Package: 'p',
    Test: 'TestSecret',
    Output: output,
  });
const row = (no: number, text: string) => `${no}│ ${text}`;

describe('redactJoinedOutputs', () => {
  it('joins consecutive output rows when a secret spans them, and redacts it', () => {
    const text = [
      row(7, event(`cloning with ${TOKEN.slice(0, 20)}`)),
      row(8, event(`${TOKEN.slice(20)} failed\n`)),
      row(9, event('', 'fail')),
    ].join('\n');
    const { text: out, findings } = redactJoinedOutputs(text);
    expect(out).not.toContain(TOKEN.slice(0, 20));
    expect(out).not.toContain(TOKEN.slice(20));
    expect(out.split('\n')).toEqual([
      '7│ [nightshift: the output of lines 7–8, joined: a secret spans them] "cloning with [REDACTED:github-token] failed\\n"',
      '8│ [nightshift: output joined into line 7]',
      row(9, event('', 'fail')),
    ]);
    expect(findings).toEqual([{ kind: 'github-token', count: 1 }]);
  });

  it('leaves rows alone when joining finds nothing more than the rows do alone', () => {
    const text = [row(1, event('step 1\n')), row(2, event('step 2 [REDACTED:github-token]\n'))].join('\n');
    expect(redactJoinedOutputs(text)).toEqual({ text, findings: [] });
  });

  it('joins only rows of consecutive lines that are plain output events', () => {
    const halves = [event(`token ${TOKEN.slice(0, 20)}`), event(`${TOKEN.slice(20)}\n`)];
    for (const text of [
      // An omitted line between them.
      [row(3, halves[0]!), '… [line 4 omitted] …', row(5, halves[1]!)].join('\n'),
      // A collapsed repeat, and a row cut to its length.
      [row(3, halves[0]!), `4–5│ ${halves[1]} (repeated 2 times)`].join('\n'),
      [row(3, halves[0]!), row(4, `${halves[1]!.slice(0, 30)} … [+40 chars]`)].join('\n'),
    ]) {
      expect(redactJoinedOutputs(text).text).toBe(text);
    }
  });
});

describe('analyzeInput on go test -json output cut through a secret', () => {
  it('shows no half of it in the excerpt, and counts it', async () => {
    const lines = [
      event('', 'run'),
      event(`    secret_test.go:12: cloning with ${TOKEN.slice(0, 20)}`),
      event(`${TOKEN.slice(20)} failed\n`),
      event('--- FAIL: TestSecret (0.00s)\n'),
      event('', 'fail'),
    ];
    const result = await analyzeInput({
      path: 'test.jsonl',
      classifier: createClassifier(builtinRules),
      budgetTokens: 2000,
      async *open() {
        yield Buffer.from(`${lines.join('\n')}\n`);
      },
    });
    expect(result.format).toBe('go-test-json');
    expect(result.excerpt.text).not.toContain(TOKEN.slice(0, 20));
    expect(result.excerpt.text).not.toContain(TOKEN.slice(20));
    expect(result.excerpt.text).toContain('[REDACTED:github-token]');
    expect(result.redactions.get('github-token')).toBeGreaterThanOrEqual(1);
  });
});
