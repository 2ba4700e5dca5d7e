import type { Occurrence } from '../tracking/failure-state';
import { formatDate, inlineCode, link } from './markdown';
import { cleanLine, proseLine } from './sanitize';

/** Comments Nightshift posts on failure issues: only when something a reader should know changed. */

function runLink(o: Occurrence): string {
  const attempt = o.attempt > 1 ? ` (attempt ${o.attempt})` : '';
  return `${link(`run ${proseLine(o.runId, 40)}${attempt}`, o.url)} of ${inlineCode(cleanLine(o.source, 60))} on ${formatDate(o.at)}`;
}

function values(list: string[]): string {
  return list.map((v) => inlineCode(cleanLine(v, 60))).join(', ');
}

export function newlyAffectedComment(latest: Occurrence, affected: string[], sources: string[]): string {
  const parts: string[] = [];
  if (affected.length > 0) parts.push(`now also fails on ${values(affected)}`);
  if (sources.length > 0) parts.push(`now also fails in ${values(sources)}`);
  return `This failure ${parts.join(' and ')}: ${runLink(latest)}.`;
}

export function backAfterRecoveryComment(latest: Occurrence): string {
  return `This failure is back after it had recovered: ${runLink(latest)}.`;
}

export function regressionComment(latest: Occurrence): string {
  return `Reopening: this failure came back after the issue was closed (regression): ${runLink(latest)}.`;
}

export function recoveredComment(runs: number, closing: boolean): string {
  const tail = closing ? ' Closing; it will be reopened if the failure returns.' : '';
  return `This failure has not occurred in the last ${runs} completed runs of its source(s): marking it recovered.${tail}`;
}

export function duplicateComment(kept: { number: number; url: string }): string {
  return `Duplicate of #${kept.number} (two detectors ran at once); closing this one. ${link('Tracked here', kept.url)}.`;
}
