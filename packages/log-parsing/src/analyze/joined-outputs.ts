import { redactShown } from '../redact/index';
import type { RedactionResult } from '../redact/redaction-types';

/**
 * `go test -json` (test2json) cuts a test's output into events wherever the test flushed, so a
 * secret can arrive split across two `"Output"` strings on two lines. Each line was redacted
 * alone and neither half matches a rule; the failure message, which joins the outputs, is
 * redacted, but the excerpt quotes the raw lines, where a reader joins the halves at a glance.
 *
 * So the excerpt's runs of consecutive rows that are output events are read joined: when the
 * joined output holds more secrets than its pieces, the run's first row shows the joined output,
 * redacted, and the others say where their text went. Rows that are not plain output events
 * (another action, a line cut to the row's length, a collapsed repeat) end a run.
 */
export function redactJoinedOutputs(text: string): RedactionResult {
  if (text.indexOf('"Output"') === -1) return { text, findings: [] };
  const rows = text.split('\n');
  const findings = new Map<string, number>();
  let run: { index: number; no: number; output: string }[] = [];
  const close = () => {
    if (run.length >= 2) rewriteRun(rows, run, findings);
    run = [];
  };
  rows.forEach((row, index) => {
    const event = outputEvent(row);
    if (event === null) {
      close();
      return;
    }
    const last = run[run.length - 1];
    if (last !== undefined && event.no !== last.no + 1) close();
    run.push({ index, ...event });
  });
  close();
  if (findings.size === 0) return { text, findings: [] };
  return { text: rows.join('\n'), findings: [...findings].map(([kind, count]) => ({ kind, count })) };
}

/** A rendered row (`123│ {…}`) holding one test2json output event: its line number and output. */
function outputEvent(row: string): { no: number; output: string } | null {
  const m = ROW.exec(row);
  if (m === null) return null;
  let event: unknown;
  try {
    event = JSON.parse(m[2]!);
  } catch {
    return null;
  }
  if (typeof event !== 'object' || event === null) return null;
  const { Action, Output } = event as { Action?: unknown; Output?: unknown };
  if (Action !== 'output' || typeof Output !== 'string') return null;
  return { no: Number(m[1]), output: Output };
}

/** One line's row: its number, `│ `, the raw line (a row of several lines has `a–b`: no match). */
const ROW = /^(\d+)│ (\{.*\})$/;

function rewriteRun(
  rows: string[],
  run: readonly { index: number; no: number; output: string }[],
  findings: Map<string, number>,
): void {
  let alone = 0;
  for (const piece of run) for (const f of redactShown(piece.output).findings) alone += f.count;
  const joined = redactShown(run.map((piece) => piece.output).join(''));
  let together = 0;
  for (const f of joined.findings) together += f.count;
  if (together <= alone) return;
  for (const f of joined.findings) findings.set(f.kind, (findings.get(f.kind) ?? 0) + f.count);
  const first = run[0]!;
  const last = run[run.length - 1]!;
  rows[first.index] =
    `${first.no}│ [nightshift: the output of lines ${first.no}–${last.no}, joined: a secret spans them] ` +
    JSON.stringify(joined.text);
  for (const piece of run.slice(1))
    rows[piece.index] = `${piece.no}│ [nightshift: output joined into line ${first.no}]`;
}
