/** How much of an input is sniffed for NUL bytes: the first 8 KiB, like git and grep. */
export const BINARY_SNIFF_BYTES = 8192;

/** True when `head` holds a NUL byte. Text logs never do; UTF-16 text does and is refused too. */
export function looksBinary(head: Uint8Array): boolean {
  return head.indexOf(0) !== -1;
}

/** Reads up to `size` bytes from the start of `source`, then stops it (the rest is never read). */
export async function readPrefix(source: AsyncIterable<Uint8Array>, size: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) break;
  }
  return Buffer.concat(parts).subarray(0, size);
}

/**
 * Reads the first `size` bytes of a one-shot stream (stdin) without losing them: `rest` replays
 * the chunks already read, then continues the same stream. Iterate `rest` at most once, or call
 * `cancel` to release the stream when the input is refused.
 */
export async function peekStream(
  source: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Uint8Array>; cancel(): Promise<void> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      yield* seen.splice(0);
      while (!done) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Stopped early by the consumer: let the underlying stream clean up.
      await iterator.return?.().catch(() => undefined);
    }
  }
  const cancel = async () => {
    await iterator.return?.().catch(() => undefined);
  };
  return { head: Buffer.concat(seen).subarray(0, size), rest: rest(), cancel };
}
