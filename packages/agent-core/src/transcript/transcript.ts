import type { AgentResult, StepRecord } from '../loop/types';
import type { Usage } from '../model/index';
import { redactDeep } from './redact-deep';

export interface TranscriptOptions {
  /** Receives each JSONL line (without newline) as it is written, e.g. to append to a file. */
  sink?: (line: string) => void;
  /** Longest string kept in a line; tool outputs and texts are cut. Default 2,000. */
  maxFieldChars?: number;
}

export interface TranscriptSummary {
  status?: AgentResult<unknown>['status'];
  reason?: AgentResult<unknown>['reason'];
  turns: number;
  toolCalls: number;
  toolErrors: number;
  redactions: number;
  byTool: Record<string, { calls: number; errors: number }>;
  usage: Usage;
  costUsd: number | undefined;
  durationMs: number;
}

/**
 * The run's audit record: one redacted JSON line per event (`start`, `step`, `end`). Lines are
 * redacted and size-capped when written, so what reaches disk or an artifact never holds a
 * secret the redactor knows, even if the model echoed one.
 */
export class Transcript {
  private readonly out: string[] = [];
  private readonly maxFieldChars: number;
  private readonly stats: TranscriptSummary = {
    turns: 0,
    toolCalls: 0,
    toolErrors: 0,
    redactions: 0,
    byTool: {},
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
    costUsd: undefined,
    durationMs: 0,
  };

  constructor(private readonly options: TranscriptOptions = {}) {
    this.maxFieldChars = options.maxFieldChars ?? 2000;
  }

  /** Any event; `type` names it. Used by the loop for `start`, and open to callers. */
  event(type: string, data: Record<string, unknown>): void {
    const { value, redactions } = redactDeep({ type, ...data }, this.maxFieldChars);
    this.stats.redactions += redactions;
    const line = JSON.stringify(value);
    this.out.push(line);
    this.options.sink?.(line);
  }

  step(step: StepRecord): void {
    this.stats.turns += 1;
    for (const call of step.toolCalls) {
      this.stats.toolCalls += 1;
      const entry = this.stats.byTool[call.toolName] ?? { calls: 0, errors: 0 };
      this.stats.byTool[call.toolName] = entry;
      entry.calls += 1;
      if (call.isError) {
        this.stats.toolErrors += 1;
        entry.errors += 1;
      }
    }
    this.event('step', { ...step });
  }

  end(result: AgentResult<unknown>): void {
    Object.assign(this.stats, {
      status: result.status,
      reason: result.reason,
      usage: { ...result.usage },
      costUsd: result.costUsd,
      durationMs: result.durationMs,
    });
    this.event('end', {
      status: result.status,
      reason: result.reason,
      error: result.error,
      final: result.final,
      summary: this.summary(),
    });
  }

  get lines(): readonly string[] {
    return this.out;
  }

  toJSONL(): string {
    return this.out.length === 0 ? '' : `${this.out.join('\n')}\n`;
  }

  /** Totals for a step summary or a cost report. */
  summary(): TranscriptSummary {
    return structuredClone(this.stats);
  }
}
