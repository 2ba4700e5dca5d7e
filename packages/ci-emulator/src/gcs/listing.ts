import type { GcsObjectRecord } from '../state/world';

export interface ListOptions {
  prefix: string;
  delimiter: string;
  maxResults: number;
  /** Resume after this name/prefix (decoded page token). */
  after: string | undefined;
}

export interface Listing {
  items: GcsObjectRecord[];
  prefixes: string[];
  /** Last name or prefix returned, when more remain. */
  next: string | undefined;
}

/**
 * GCS list semantics: names in byte order; with a delimiter, names that continue past it below
 * the prefix collapse into one `prefixes` entry. `maxResults` counts items and prefixes together.
 */
export function listObjects(objects: Iterable<GcsObjectRecord>, options: ListOptions): Listing {
  const sorted = [...objects]
    .filter((object) => object.name.startsWith(options.prefix))
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const entries: Array<{ key: string; object?: GcsObjectRecord }> = [];
  let lastPrefix: string | undefined;
  for (const object of sorted) {
    if (options.delimiter) {
      const at = object.name.indexOf(options.delimiter, options.prefix.length);
      if (at !== -1) {
        const prefix = object.name.slice(0, at + options.delimiter.length);
        if (prefix !== lastPrefix) entries.push({ key: prefix });
        lastPrefix = prefix;
        continue;
      }
    }
    entries.push({ key: object.name, object });
  }
  const start = options.after === undefined ? 0 : entries.findIndex((entry) => entry.key > options.after!);
  const page = start === -1 ? [] : entries.slice(start, start + options.maxResults);
  const more = start !== -1 && start + options.maxResults < entries.length;
  return {
    items: page.flatMap((entry) => (entry.object ? [entry.object] : [])),
    prefixes: page.flatMap((entry) => (entry.object ? [] : [entry.key])),
    next: more ? page[page.length - 1]?.key : undefined,
  };
}
