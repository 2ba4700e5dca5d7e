import type { FailureKind, FormatId, SourceLocation } from '../types';

/** The `nightshift analyze --format json` contract. Bump `schemaVersion` on breaking changes. */
export interface AnalysisResult {
  schemaVersion: 1;
  status: 'failed' | 'passed' | 'unknown';
  inputs: AnalyzedInput[];
  failures: AnalyzedFailure[];
  flaky: { test: string; attempts: number }[];
  excerpt: AnalysisExcerpt;
  /** What redaction removed, by kind (never the values). */
  redactions: { kind: string; count: number }[];
}

export interface AnalyzedInput {
  path: string;
  /**
   * The format it was parsed as; `unreadable` when it could not be read (missing, no permission,
   * corrupt archive, zip bomb); `skipped` when it was left out on purpose (a binary file, a symbolic
   * link met while walking a directory). `errors` says why in both cases.
   */
  format: FormatId | 'unreadable' | 'skipped';
  bytes: number;
  lines: number;
  partial: boolean;
  errors: string[];
  /** Test counts parsed from this input, when it held test results. */
  tests?: { total: number; failed: number; passed: number; skipped: number };
}

export interface Evidence {
  path: string;
  line: number;
  text: string;
}

export interface AnalyzedFailure {
  test: string | null;
  suite: string | null;
  kind: FailureKind;
  message: string;
  location: SourceLocation | null;
  category: string;
  rule: string | null;
  /** Failure mode from the rule's template, when it has one. */
  mode: string | null;
  signature: string;
  fingerprint: string;
  evidence: Evidence[];
  /** Other tests that failed the same way in this run (one signature spread over many tests). */
  durationSec?: number | null;
  failureType?: string;
}

export interface AnalysisExcerpt {
  /** The input the excerpt was cut from (null when there was nothing to excerpt). */
  path: string | null;
  text: string;
  tokens: number;
  ranges: [number, number][];
}

export interface AnalyzeProgress {
  path: string;
  bytes: number;
  lines: number;
  done: boolean;
}
