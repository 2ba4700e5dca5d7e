import type { AnalyzedFailure } from '@nightshift/log-parsing';
import type { FailureGroup } from '../types';
import { clip, clipStart } from './markdown';
import { cleanCode, cleanLine } from './sanitize';

/** GitHub allows 256; short titles read better in lists and notifications. */
export const TITLE_MAX = 120;

/** `[<source>] <test or job>: <short failure>`, at most TITLE_MAX characters, cleaned. */
export function renderTitle(source: string, group: Pick<FailureGroup, 'tests' | 'primary'>): string {
  const prefix = `[${cleanLine(source, 40)}] `;
  const subject = failureSubject(group);
  const failure = shortFailure(group.primary);
  const room = TITLE_MAX - prefix.length - 2;
  // The failure keeps at least 30 characters; long Ginkgo spec names keep their specific end.
  const subjectMax = Math.max(20, Math.min(subject.length, room - Math.min(30, failure.length)));
  const shownSubject = clipStart(subject, subjectMax);
  const title = `${prefix}${shownSubject}: ${clip(failure, Math.max(10, room - shownSubject.length))}`;
  return clip(title, TITLE_MAX);
}

/** The test, "N tests" for a spread signature, or the job/step for a job-level failure. */
export function failureSubject(group: Pick<FailureGroup, 'tests' | 'primary'>): string {
  if (group.tests.length > 1) return `${group.tests.length} tests`;
  const test = group.tests[0] ?? group.primary.test;
  // Clip from the start: the end of a long spec name is the specific part.
  if (test) return clipStart(cleanCode(stripNodePrefix(test)).replace(/\s+/g, ' ').trim(), 200) || 'test';
  const where = group.primary.evidence[0]?.path;
  const job = where ? where.split(/[/\\]/)[0]!.replace(/\.(log|txt)$/i, '') : '';
  const kind = group.primary.kind === 'test' ? 'job' : `${group.primary.kind} failure`;
  return cleanLine(job ? `${job} (${kind})` : kind, 200);
}

/** The rule's failure mode when there is one, else the first meaningful line of the message. */
export function shortFailure(primary: Pick<AnalyzedFailure, 'mode' | 'message'>): string {
  const text = primary.mode ?? firstMeaningfulLine(primary.message);
  return cleanLine(text, 200) || 'failed';
}

function stripNodePrefix(test: string): string {
  return test.replace(/^\[(It|BeforeSuite|SynchronizedBeforeSuite|AfterSuite|BeforeEach|AfterEach)\]\s*/, '');
}

function firstMeaningfulLine(message: string): string {
  for (const line of message.split('\n')) {
    const text = line
      .replace(/^\s*\[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\]\s*/i, '')
      .replace(/^\s*(Error|error|FAIL):\s*/, '')
      .trim();
    if (text.length > 0) return text;
  }
  return '';
}
