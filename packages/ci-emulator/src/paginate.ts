import type { RequestContext } from './context';

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** `per_page` (default 30, max 100) and `page` like GitHub, with a `Link` header when needed. */
export function paginate<T>(ctx: RequestContext, items: readonly T[], defaultPerPage = 30): Page<T> {
  const perPage = clamp(Number.parseInt(ctx.query.get('per_page') ?? '', 10) || defaultPerPage, 1, 100);
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const links: string[] = [];
  const link = (target: number, rel: string) => {
    const url = new URL(ctx.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    links.push(`<${url.toString()}>; rel="${rel}"`);
  };
  if (page > 1) link(Math.min(page - 1, last), 'prev');
  if (page < last) {
    link(page + 1, 'next');
    link(last, 'last');
  }
  if (page > 1) link(1, 'first');
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
