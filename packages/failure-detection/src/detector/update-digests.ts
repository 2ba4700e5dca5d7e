import {
  closeIssue,
  createIssue,
  findMarker,
  isTrustedAuthor,
  listIssues,
  type RepoRef,
  updateIssue,
} from '@nightshift/github-ops';
import { z } from 'zod';
import {
  DIGEST_LABEL,
  DIGEST_MARKER,
  type DigestEntry,
  type DigestState,
  digestTitle,
  renderDigestBody,
} from '../render/digest-body';
import type { Octokit } from '../tracking/octokit';
import { checkAuthor } from './apply-plans';
import type { PlannedOperation } from './detector-types';

/** One source's contribution to today's digest from this cycle. */
export interface DigestUpdate {
  source: string;
  runs: number;
  new: DigestEntry[];
  failing: DigestEntry[];
  recovered: DigestEntry[];
}

export interface DigestContext {
  octokit: Octokit;
  repo: RepoRef;
  trusted: string;
  dryRun: boolean;
  /** `YYYY-MM-DD` (UTC) of this cycle. */
  day: string;
  log: (line: string) => void;
}

const entry = z.object({ number: z.number().int().positive(), title: z.string().max(500) });
const digestSchema = z.object({
  source: z.string().min(1).max(200),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  runs: z.number().int().min(0).catch(0),
  new: z.array(entry).max(1000).catch([]),
  failing: z.array(entry).max(1000).catch([]),
  recovered: z.array(entry).max(1000).catch([]),
});

interface OpenDigest {
  number: number;
  body: string;
  digest: DigestState;
}

/**
 * One issue per day and source listing new, still failing and recovered failures, merged across
 * the day's cycles. When a new day's digest is opened, the source's older open digests are closed.
 */
export async function updateDigests(
  updates: readonly DigestUpdate[],
  ctx: DigestContext,
): Promise<PlannedOperation[]> {
  if (updates.length === 0) return [];
  const open = await listOpenDigests(ctx);
  const planned: PlannedOperation[] = [];
  for (const update of updates) {
    const existing = open.find((d) => d.digest.source === update.source && d.digest.day === ctx.day);
    const merged = mergeDigest(existing?.digest ?? null, update, ctx.day);
    const body = renderDigestBody(merged);
    const title = digestTitle(update.source, ctx.day);
    if (existing?.body === body) continue;
    planned.push({
      action: 'upsert-digest',
      number: existing?.number ?? null,
      source: update.source,
      day: ctx.day,
      title,
      body,
    });
    const stale = open.filter((d) => d.digest.source === update.source && d.digest.day < ctx.day);
    for (const old of stale)
      planned.push({
        action: 'close-digest',
        number: old.number,
        source: old.digest.source,
        day: old.digest.day,
      });
    if (ctx.dryRun) continue;
    if (existing) {
      await updateIssue(ctx.octokit, ctx.repo, existing.number, { body });
    } else {
      const issue = await createIssue(ctx.octokit, ctx.repo, { title, body, labels: [DIGEST_LABEL] });
      await checkAuthor(issue, ctx);
      ctx.log(`digest #${issue.number}: ${title}`);
    }
    for (const old of stale) await closeIssue(ctx.octokit, ctx.repo, old.number, 'completed');
  }
  return planned;
}

async function listOpenDigests(ctx: DigestContext): Promise<OpenDigest[]> {
  const issues = await listIssues(ctx.octokit, ctx.repo, {
    state: 'open',
    labels: [DIGEST_LABEL],
    limit: 500,
  });
  const out: OpenDigest[] = [];
  for (const issue of issues.sort((a, b) => a.number - b.number)) {
    if (!isTrustedAuthor(issue.user?.login, ctx.trusted)) continue;
    const parsed = digestSchema.safeParse(findMarker(issue.body, DIGEST_MARKER)?.data);
    if (parsed.success) out.push({ number: issue.number, body: issue.body ?? '', digest: parsed.data });
  }
  return out;
}

function mergeDigest(previous: DigestState | null, update: DigestUpdate, day: string): DigestState {
  const union = (a: DigestEntry[], b: DigestEntry[]) => {
    const byNumber = new Map(a.map((e) => [e.number, e]));
    for (const e of b) byNumber.set(e.number, e);
    return [...byNumber.values()].sort((x, y) => x.number - y.number);
  };
  const base = previous ?? { source: update.source, day, runs: 0, new: [], failing: [], recovered: [] };
  const recovered = union(base.recovered, update.recovered);
  const isNew = new Set(union(base.new, update.new).map((e) => e.number));
  return {
    source: update.source,
    day,
    runs: base.runs + update.runs,
    new: union(base.new, update.new),
    // Opened today means new, not "still failing"; recovered today leaves the failing list.
    failing: union(base.failing, update.failing).filter(
      (e) => !isNew.has(e.number) && !recovered.some((r) => r.number === e.number),
    ),
    recovered,
  };
}
