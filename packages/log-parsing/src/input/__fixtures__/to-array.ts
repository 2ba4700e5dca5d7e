/** Array.fromAsync stand-in (the repo's lib is ES2023, which does not declare it). */
export async function toArray<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
