import type { FormatId, LineParser, SkippingLineParser } from '../types';
import { GhRunViewLogParser } from './gh-run-view-log';
import { GinkgoConsoleParser } from './ginkgo-console';
import { GinkgoJsonParser } from './ginkgo-json';
import { GitHubActionsLogParser } from './github-actions-log';
import { GoTestJsonParser } from './go-test-json';
import { GoTestTextParser } from './go-test-text';
import { JUnitXmlParser } from './junit-xml';
import { PlainTextParser } from './plain-text';

export interface CreateParserOptions {
  /** Display path of the input; it names the input in every error. */
  path: string;
}

/** A fresh streaming parser for one input of the given format. */
export function createParser(format: FormatId, options: CreateParserOptions): LineParser {
  switch (format) {
    case 'github-actions-log':
      return new GitHubActionsLogParser(options);
    case 'gh-run-view-log':
      return new GhRunViewLogParser(options);
    case 'ginkgo-console':
      return new GinkgoConsoleParser(options);
    case 'ginkgo-json':
      return new GinkgoJsonParser(options);
    case 'go-test-text':
      return new GoTestTextParser(options);
    case 'go-test-json':
      return new GoTestJsonParser(options);
    case 'junit-xml':
      return new JUnitXmlParser(options);
    case 'plain':
      return new PlainTextParser(options);
  }
}

/** Whether `parser` can skip lines it would ignore (`SkippingLineParser`). */
export function isSkippingLineParser(parser: LineParser): parser is SkippingLineParser {
  return typeof (parser as Partial<SkippingLineParser>).ignores === 'function';
}
