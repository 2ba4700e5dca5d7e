import type { Message, ToolResultPart, UserMessage } from '../model/index';
import { messageChars } from './estimate-tokens';

export interface CompactionOptions {
  /** The model's context window in tokens. */
  contextWindow: number;
  /** Compact when the estimate exceeds this fraction of the window. Default 0.75. */
  threshold?: number;
  /** Compact down to this fraction. Default 0.5. */
  target?: number;
  /** Tool results in the last N user messages are never compacted. Default 2. */
  keepRecent?: number;
}

export interface CompactionResult {
  messages: Message[];
  /** Number of tool results replaced by a stub. */
  compacted: number;
  estimatedTokens: number;
}

const STUB_PREFIX = '[Earlier tool output removed to save context';

/**
 * Keeps a long run inside the context window by replacing the outputs of OLD tool results with
 * a short stub, oldest first, until the estimate is under `target`. Tool calls and results stay
 * paired (providers reject an orphaned result), the system prompt and the model's own text are
 * untouched, and recent results are kept because the model is usually still working with them.
 * Returns new message objects; the input array is not mutated.
 */
export function compactMessages(
  messages: readonly Message[],
  fixedTokens: number,
  options: CompactionOptions,
): CompactionResult {
  const threshold = options.threshold ?? 0.75;
  const target = options.target ?? 0.5;
  const keepRecent = options.keepRecent ?? 2;
  let estimated = fixedTokens + Math.ceil(messages.reduce((n, m) => n + messageChars(m), 0) / 4);
  if (estimated <= options.contextWindow * threshold) {
    return { messages: [...messages], compacted: 0, estimatedTokens: estimated };
  }

  const userIndexes = messages.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const protectedFrom = userIndexes[Math.max(0, userIndexes.length - keepRecent)] ?? messages.length;
  const out = [...messages];
  let compacted = 0;
  for (let i = 0; i < protectedFrom && estimated > options.contextWindow * target; i++) {
    const message = out[i];
    if (message?.role !== 'user') continue;
    let changed = false;
    const content = message.content.map((part) => {
      if (part.type !== 'tool-result' || part.output.startsWith(STUB_PREFIX) || part.output.length < 200) {
        return part;
      }
      const stub = `${STUB_PREFIX} (${part.output.length} characters). Call ${part.toolName} again if you need it.]`;
      estimated -= Math.floor((part.output.length - stub.length) / 4);
      compacted++;
      changed = true;
      return { ...part, output: stub } satisfies ToolResultPart;
    });
    if (changed) out[i] = { ...message, content } satisfies UserMessage;
  }
  return { messages: out, compacted, estimatedTokens: estimated };
}
