/**
 * Caps shared by every format parser. They bound memory per input: a parser keeps failed tests
 * and their messages, never the whole log, so these numbers (not the input size) decide how much
 * it holds.
 */
export const LIMITS = {
  /** Passing/skipped results kept per input; the rest are counted in `omittedTests`. */
  maxTests: 10_000,
  /** Failed results kept per input (kept apart so passing tests can never crowd failures out). */
  maxFailedTests: 10_000,
  maxFlaky: 10_000,
  maxJobFailures: 1_000,
  maxErrors: 100,
  /** Per failure message. */
  maxMessageLines: 200,
  maxMessageChars: 16 * 1024,
  /**
   * Message and output text kept per input across all failures. Past it, new failures keep a
   * 1 KiB message and no output, so 10,000 failures cannot hold 10,000 × 24 KiB.
   */
  maxRetainedChars: 16 * 1024 * 1024,
  /** Tail of captured output (JUnit system-out/err, Ginkgo writer output) kept for failed tests. */
  maxOutputTailChars: 8 * 1024,
  /** go test: tests that may be running at once, each with its own capped output buffer. */
  maxRunningTests: 2_000,
  /** Ginkgo JSON is a single document: it is buffered, up to this many UTF-16 units. */
  maxJsonChars: 512 * 1024 * 1024,
  /** JUnit XML structure caps. */
  maxXmlDepth: 64,
  maxXmlTagChars: 1024 * 1024,
  maxXmlTextChars: 16 * 1024 * 1024,
} as const;
