import { contentAsText, contentBytes } from './check-content';
import type { FileMode, WritePlan } from './types';

/** One API call a write plan would make, as data (what dry-run returns). */
export type PlannedOperation =
  | { op: 'create-blob'; path: string; bytes: number; encoding: 'utf-8' | 'base64' }
  | {
      op: 'create-tree';
      baseTree: string;
      entries: { path: string; mode: FileMode; action: 'write' | 'delete' }[];
    }
  | { op: 'create-commit'; message: string; parent: string }
  | { op: 'create-ref'; ref: string; sha: string }
  | { op: 'update-ref'; ref: string; sha: string; force: false }
  | {
      op: 'create-pull-request';
      head: string;
      base: string;
      title: string;
      draft: boolean;
      bodyChars: number;
    };

/**
 * The calls `commitFiles` + `createPullRequest` would make for a plan, in order. Pure: values
 * only known after a call (the new commit SHA, the head of a branch) appear as `<placeholders>`.
 */
export function planOperations(plan: WritePlan): PlannedOperation[] {
  const ops: PlannedOperation[] = [];
  const files = plan.files ?? [];
  const branch = plan.branch ?? '<branch>';
  const parent = plan.baseSha ?? `<head of ${branch}>`;
  if (files.length > 0) {
    for (const file of files) {
      if (file.delete || file.content === undefined) continue;
      const text = contentAsText(file.content);
      ops.push({
        op: 'create-blob',
        path: file.path,
        bytes: contentBytes(file.content),
        encoding: text === null ? 'base64' : 'utf-8',
      });
    }
    ops.push({
      op: 'create-tree',
      baseTree: `<tree of ${parent}>`,
      entries: files.map((f) => ({
        path: f.path,
        mode: f.mode ?? '100644',
        action: f.delete ? 'delete' : 'write',
      })),
    });
    ops.push({ op: 'create-commit', message: plan.message ?? '', parent });
    ops.push(
      plan.createBranch
        ? { op: 'create-ref', ref: `refs/heads/${branch}`, sha: '<new commit>' }
        : { op: 'update-ref', ref: `heads/${branch}`, sha: '<new commit>', force: false },
    );
  } else if (plan.createBranch && plan.baseSha) {
    ops.push({ op: 'create-ref', ref: `refs/heads/${branch}`, sha: plan.baseSha });
  }
  if (plan.pullRequest) {
    ops.push({
      op: 'create-pull-request',
      head: branch,
      base: plan.pullRequest.base,
      title: plan.pullRequest.title,
      draft: plan.pullRequest.draft ?? true,
      bodyChars: plan.pullRequest.body.length,
    });
  }
  return ops;
}
