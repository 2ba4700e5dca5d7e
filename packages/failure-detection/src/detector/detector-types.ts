import type { Classifier } from '@nightshift/log-parsing';
import type { NightshiftConfig } from '../config/index';
import type { Octokit } from '../tracking/octokit';
import type { CiSource } from '../types';

export interface DetectorDeps {
  /** A github-ops client (`createGitHubClient`): retry, throttling and the ETag cache matter here. */
  octokit: Octokit;
  sources: CiSource[];
  classifier: Classifier;
  now?: () => Date;
  log?: (line: string) => void;
  /**
   * Login the issues are written by, when the config has no `issues.botLogin` (an app can pass
   * `github-actions[bot]` for the workflow token). Without either, `GET /user` is asked.
   */
  botLogin?: string;
}

export interface DetectorInputs {
  config: NightshiftConfig;
  issueRepo: { owner: string; repo: string };
  /** Compute everything, write nothing, return `plannedOperations`. Default: `config.dryRun`. */
  dryRun?: boolean;
  /** ISO date or a duration (`7d`): where a source with no recorded cursor starts. Overrides `lookback`. */
  since?: string;
}

export interface IssueRef {
  number: number;
  url: string;
  title: string;
  key: string;
}

export interface DetectorResult {
  created: IssueRef[];
  updated: IssueRef[];
  reopened: IssueRef[];
  recovered: IssueRef[];
  flaky: IssueRef[];
  /** Failures seen this cycle whose issue already said everything (no write). */
  unchanged: number;
  runsProcessed: number;
  runsSkippedInProgress: number;
  /** Sources that could not be read at all (their runs could not even be listed). */
  sourceErrors: { source: string; message: string }[];
  /**
   * Runs whose logs or reports could not be read. The source's other runs were processed; these
   * hold its cursor back and are read again next cycle. Not a source failure.
   */
  runErrors: { source: string; run: string; message: string }[];
  /** Dry run only: what would have been written. */
  plannedOperations?: PlannedOperation[];
}

/** A write the detector would make (dry run), in the order it would make it. */
export type PlannedOperation =
  | { action: 'ensure-labels'; labels: string[] }
  | { action: 'create-issue'; key: string; title: string; labels: string[]; body: string }
  | {
      action: 'update-issue';
      number: number;
      key: string;
      labels: string[];
      body: string;
      state?: 'open' | 'closed';
    }
  | { action: 'comment'; number: number | null; key: string; body: string }
  | {
      action: 'upsert-digest';
      number: number | null;
      source: string;
      day: string;
      title: string;
      body: string;
    }
  | { action: 'close-digest'; number: number; source: string; day: string }
  | { action: 'write-state'; number: number | null; body: string };
