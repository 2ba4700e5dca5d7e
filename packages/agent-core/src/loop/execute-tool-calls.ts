import { z } from 'zod';
import type { ToolCallPart, ToolResultPart } from '../model/index';
import { toToolDefinition } from '../tool/define-tool';
import { protectToolOutput, toOutputText } from '../tool/protect-tool-output';
import type { AnyTool } from '../tool/tool';
import { mapLimit } from '../util/map-limit';
import type { ToolCallRecord } from './types';

export interface ExecuteOptions {
  tools: ReadonlyMap<string, AnyTool>;
  signal: AbortSignal;
  turn: number;
  maxChars: number;
  concurrency: number;
  /** A call still running after this long gets an error result. Default 5 minutes. */
  timeoutMs?: number;
  now: () => number;
  /** Extra text appended to a call's result (loop-detector warnings), by tool call id. */
  notes?: ReadonlyMap<string, string>;
}

export interface ToolOutcome {
  result: ToolResultPart;
  record: ToolCallRecord;
}

/**
 * Runs one turn's tool calls concurrently. Nothing here throws: unknown tools, invalid
 * arguments and tool exceptions all become error results the model can read and react to,
 * with the expected schema where that helps it correct itself.
 */
export function executeToolCalls(
  calls: readonly ToolCallPart[],
  options: ExecuteOptions,
): Promise<ToolOutcome[]> {
  return mapLimit(calls, options.concurrency, (call) => executeOne(call, options));
}

async function executeOne(call: ToolCallPart, options: ExecuteOptions): Promise<ToolOutcome> {
  const started = options.now();
  const { text, isError } = await runTool(call, options);
  const note = options.notes?.get(call.toolCallId);
  return toOutcome(
    call,
    note ? `${text}\n${note}` : text,
    isError,
    options.maxChars,
    options.now() - started,
  );
}

async function runTool(
  call: ToolCallPart,
  options: ExecuteOptions,
): Promise<{ text: string; isError: boolean }> {
  const tool = options.tools.get(call.toolName);
  if (!tool) {
    const names = [...options.tools.keys()].join(', ') || '(none)';
    return {
      isError: true,
      text: `Unknown tool ${JSON.stringify(call.toolName)}. Available tools: ${names}.`,
    };
  }
  const parsed = tool.input.safeParse(call.input);
  if (!parsed.success) {
    return {
      isError: true,
      text:
        `Invalid arguments for ${tool.name}:\n${z.prettifyError(parsed.error)}\n\n` +
        `Expected arguments matching this JSON Schema:\n${JSON.stringify(toToolDefinition(tool).inputSchema)}`,
    };
  }
  if (options.signal.aborted) return { isError: true, text: 'Not executed: the run was stopped.' };
  const timeoutMs = options.timeoutMs ?? 300_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  try {
    // Raced against the signal: a tool that ignores it must not hold the run past its deadline.
    const output = await raceAbort(
      Promise.resolve().then(() =>
        tool.run(parsed.data, { toolCallId: call.toolCallId, abortSignal: signal, turn: options.turn }),
      ),
      signal,
    );
    return { isError: false, text: toOutputText(output) };
  } catch (error) {
    if (timeout.aborted && !options.signal.aborted) {
      return { isError: true, text: `Tool ${tool.name} timed out after ${timeoutMs} ms.` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { isError: true, text: `Tool ${tool.name} failed: ${message}` };
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Builds the result the model sees; every path goes through protectToolOutput. */
export function toOutcome(
  call: ToolCallPart,
  rawText: string,
  isError: boolean,
  maxChars: number,
  durationMs = 0,
): ToolOutcome {
  const safe = protectToolOutput(rawText, maxChars);
  return {
    result: {
      type: 'tool-result',
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      output: safe.text,
      ...(isError ? { isError: true } : {}),
    },
    record: {
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input: call.input,
      output: safe.text,
      isError,
      redactions: safe.redactions,
      truncated: safe.truncated,
      durationMs,
    },
  };
}
