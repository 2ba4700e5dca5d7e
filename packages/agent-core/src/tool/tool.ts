import type { z } from 'zod';

/** What a tool's `run` receives besides its validated input. */
export interface ToolContext {
  /** Id of the model's tool call, for logs. */
  toolCallId: string;
  /** Fires when the run is aborted or its deadline passes; long tools should honour it. */
  abortSignal: AbortSignal;
  /** 1-based turn number of the agent loop. */
  turn: number;
}

/**
 * A tool the agent may call. `input` validates the model's arguments; its JSON Schema (derived
 * with `z.toJSONSchema`) is what the model sees, unless `inputJsonSchema` overrides it (the MCP
 * bridge passes the server's own schema through).
 */
export interface Tool<Input = unknown, Output = unknown> {
  name: string;
  description: string;
  input: z.ZodType<Input>;
  inputJsonSchema?: Record<string, unknown>;
  /** Result: a string is passed as is; anything else is JSON-encoded. Throw to report an error. */
  run(input: Input, context: ToolContext): Promise<Output> | Output;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous tool list needs an existential input type.
export type AnyTool = Tool<any, unknown>;
