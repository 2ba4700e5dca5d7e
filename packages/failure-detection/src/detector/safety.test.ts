import type { Emulator } from '@nightshift/ci-emulator';
import { parseMarkers, stripMarkers } from '@nightshift/github-ops';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BODY_MAX } from '../render/failure-body';
import { parseFailureState } from '../tracking/failure-state';
import { at, detect, failureIssues, issues, startTestEmulator } from './__fixtures__/harness';
import { junit } from './__fixtures__/junit';
import { MemorySource } from './__fixtures__/memory-source';

// Built by concatenation so no scanner ever sees a literal token in this file.
const GITHUB_TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const AWS_KEY = 'AKIA' + 'IOSFODNN7EXAMPLE';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('what reaches an issue', () => {
  it('never carries a secret from the failure text, test names, logs or branches', async () => {
    const source = new MemorySource('e2e', { branch: `feature-${GITHUB_TOKEN}` });
    const message = `request failed: Authorization: Bearer ${GITHUB_TOKEN}\naws_access_key_id=${AWS_KEY}\n[FAILED] could not log in`;
    const log = `step 1\ncurl -H "Authorization: token ${GITHUB_TOKEN}" https://api.example.test\n--- FAIL: TestLogin (0.1s)\n    login_test.go:12: ${message}\nFAIL\n`;
    source.addRun({
      at: at(1),
      files: [
        { path: 'junit.xml', text: junit([{ name: `logs in with ${GITHUB_TOKEN}`, failure: message }]) },
        { path: 'job.log', text: log },
      ],
    });

    await detect(emulator, [source]);

    const everything = issues(emulator)
      .flatMap((i) => [i.title, i.body, ...i.comments])
      .join('\n');
    // The JUnit failure and the go test failure in the log.
    expect(failureIssues(emulator).length).toBeGreaterThanOrEqual(1);
    expect(everything).toContain('[REDACTED:');
    expect(everything).not.toContain(GITHUB_TOKEN);
    expect(everything).not.toContain(GITHUB_TOKEN.slice(4, 24));
    expect(everything).not.toContain(AWS_KEY);
  });

  it('neutralises hostile text: forged markers, mentions, closing keywords, HTML', async () => {
    const source = new MemorySource('e2e');
    const forged = '<!-- nightshift:failure {"key":"fp:forged","total":999} -->';
    const message = `${forged}\n@octocat please look, fixes #1\n<img src=https://evil.test/x.png>\n[FAILED] boom`;
    source.addRun({
      at: at(1),
      files: [{ path: 'junit.xml', text: junit([{ name: `@octocat ${forged}`, failure: message }]) }],
    });

    await detect(emulator, [source]);

    const [issue] = failureIssues(emulator);
    const markers = parseMarkers<{ key: string }>(issue?.body, 'failure');
    expect(markers).toHaveLength(1);
    expect(markers[0]?.data.key).not.toBe('fp:forged');
    expect(issue?.body).not.toContain('<!-- nightshift:failure {"key":"fp:forged"');
    expect(issue?.title).not.toContain('<!--');
    // Mentions appear only inside code, where GitHub never links them.
    // What GitHub renders as prose: no markers (HTML comments), no code blocks, no code spans.
    const prose = stripMarkers(issue!.body)
      .replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '')
      .replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toMatch(/(^|[^`\w])@octocat/);
  });

  it('keeps a huge failure (400 long-named tests, a 1 MB log) under the size limit', async () => {
    const source = new MemorySource('e2e');
    const message = `Unauthorized\n${Array.from({ length: 200 }, (_, i) => `ptp4l[${i}]: master offset ${i * 7} s2 freq +${i}`).join('\n')}`;
    const container = 'a describe container with a long and detailed description '.repeat(16);
    const tests = Array.from({ length: 400 }, (_, i) => ({
      name: `[It] PTP e2e ${container} case ${i}`,
      failure: message,
    }));
    const log = Array.from(
      { length: 5_000 },
      (_, i) =>
        `E0101 00:00:${String(i % 60).padStart(2, '0')} error: ptp4l offset ${i} too large ${'x'.repeat(200)}`,
    ).join('\n');
    source.addRun({
      at: at(1),
      files: [
        { path: 'junit.xml', text: junit(tests) },
        { path: 'build-log.txt', text: `${log}\nFAIL\n` },
      ],
    });

    const result = await detect(emulator, [source]);

    expect(result.created).toHaveLength(1);
    const [issue] = failureIssues(emulator);
    expect(issue!.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(issue?.title.length).toBeLessThanOrEqual(120);
    // Every part is capped on the way in (50 tests listed, a 2,000-token excerpt, a 4,000-character
    // message), so the pipeline stays far below the limit; failure-body.test.ts drives the trimming.
    expect(issue?.body).toContain('### Failed tests (400)');
    expect(parseFailureState(parseMarkers(issue?.body, 'failure')[0]?.data)?.testCount).toBe(400);
  });
});
