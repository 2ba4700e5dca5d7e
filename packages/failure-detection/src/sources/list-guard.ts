/**
 * github-ops list helpers paginate with Octokit; when a page is answered from the ETag cache (304),
 * the cached body may already have been reshaped by an earlier pagination, and the list then comes
 * back as `[{ jobs: [...] }]` instead of the jobs. Flatten that shape so no job or artifact is
 * silently dropped. A no-op for well-formed lists.
 */
export function flattenListPages<T>(items: readonly unknown[], key: string): T[] {
  const out: T[] = [];
  for (const item of items) {
    const nested =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(nested) && !('id' in (item as object))) out.push(...(nested as T[]));
    else out.push(item as T);
  }
  return out;
}
