import type { ToolCallPart, ToolDefinition } from '../model/index';
import { type ExecuteOptions, executeToolCalls, type ToolOutcome, toOutcome } from './execute-tool-calls';
import { type FinalTool, validateFinalAnswer } from './final-answer';
import type { LoopDetector } from './loop-detector';

export type Settlement<T> =
  /** A valid final answer: the run is complete. Other calls of the turn were not executed. */
  | { kind: 'final'; value: T; outcomes: ToolOutcome[] }
  /** Too many identical calls: nothing was executed. */
  | { kind: 'loop'; outcomes: ToolOutcome[] }
  /** Tools ran; `invalidFinal` holds the repair message if the final answer failed validation. */
  | { kind: 'continue'; outcomes: ToolOutcome[]; invalidFinal?: string };

export interface SettleContext<T> {
  finalTool: FinalTool<T>;
  finalDef: ToolDefinition;
  loop: LoopDetector;
  execute: Omit<ExecuteOptions, 'notes'>;
}

/**
 * Decides what one turn's tool calls amount to and produces exactly one result per call, in
 * call order, so the conversation stays well-formed whatever happens (providers reject a tool
 * call without a result).
 */
export async function settleToolCalls<T>(
  calls: ToolCallPart[],
  ctx: SettleContext<T>,
): Promise<Settlement<T>> {
  const finalName = ctx.finalDef.name;
  const maxChars = ctx.execute.maxChars;
  const firstFinal = calls.find((c) => c.toolName === finalName);
  const others = calls.filter((c) => c.toolName !== finalName);
  const verdict = firstFinal ? validateFinalAnswer(ctx.finalTool, ctx.finalDef, firstFinal.input) : undefined;

  if (verdict?.ok) {
    const outcomes = calls.map((c) =>
      c === firstFinal
        ? toOutcome(c, 'Final answer accepted.', false, maxChars)
        : toOutcome(c, 'Not executed: the run ended with the final answer.', true, maxChars),
    );
    return { kind: 'final', value: verdict.value, outcomes };
  }

  const notes = new Map<string, string>();
  let repeats = 0;
  for (const c of others) {
    const v = ctx.loop.record(c.toolName, c.input);
    if (v.action === 'stop') repeats = Math.max(repeats, v.count);
    if (v.action === 'warn') notes.set(c.toolCallId, v.note);
  }
  if (repeats > 0) {
    const text = `Not executed: the run was stopped after ${repeats} identical tool calls.`;
    return { kind: 'loop', outcomes: calls.map((c) => toOutcome(c, text, true, maxChars)) };
  }

  const executed = await executeToolCalls(others, { ...ctx.execute, notes });
  const byCall = new Map(others.map((c, i) => [c, executed[i]]));
  const outcomes = calls.map((c) => {
    const done = byCall.get(c);
    if (done) return done;
    const text =
      c === firstFinal && verdict && !verdict.ok
        ? verdict.message
        : `Only one ${finalName} call per turn is allowed.`;
    return toOutcome(c, text, true, maxChars);
  });
  return verdict && !verdict.ok
    ? { kind: 'continue', outcomes, invalidFinal: verdict.message }
    : { kind: 'continue', outcomes };
}
