import type { World } from './world';

export interface StateSnapshot {
  repos: Array<{
    fullName: string;
    defaultBranch: string;
    branches: Record<string, string>;
    tags: Record<string, string>;
    commits: Array<{
      sha: string;
      message: string;
      parents: string[];
      tree: string;
      author: string;
      date: string;
    }>;
    labels: Array<{ name: string; color: string; description: string | null }>;
    issues: Array<{
      number: number;
      title: string;
      body: string | null;
      state: string;
      stateReason: string | null;
      user: string;
      labels: string[];
      createdAt: string;
      updatedAt: string;
      closedAt: string | null;
      comments: Array<{ id: number; user: string; body: string; createdAt: string; updatedAt: string }>;
    }>;
    pulls: Array<{
      number: number;
      title: string;
      body: string | null;
      head: string;
      base: string;
      draft: boolean;
      state: string;
      user: string;
    }>;
  }>;
  users: Array<{ login: string; type: string }>;
}

/** A JSON-ready picture of what a run changed: the demo writes this out at the end. */
export function snapshot(world: World): StateSnapshot {
  const repos = [...world.repos.values()].map((repo) => {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    const refs = [...repo.refs.entries()];
    const commits = [...repo.objects.entries()].flatMap(([sha, object]) =>
      object.type === 'commit'
        ? [
            {
              sha,
              message: object.message,
              parents: object.parents,
              tree: object.tree,
              author: object.author.name,
              date: object.author.date,
            },
          ]
        : [],
    );
    commits.sort((a, b) => a.date.localeCompare(b.date) || a.sha.localeCompare(b.sha));
    const issues = [...repo.issues.values()].sort((a, b) => a.number - b.number);
    return {
      fullName: `${repo.owner}/${repo.name}`,
      defaultBranch: repo.defaultBranch,
      branches: Object.fromEntries(
        refs.filter(([ref]) => ref.startsWith('refs/heads/')).map(([ref, sha]) => [ref.slice(11), sha]),
      ),
      tags: Object.fromEntries(
        refs.filter(([ref]) => ref.startsWith('refs/tags/')).map(([ref, sha]) => [ref.slice(10), sha]),
      ),
      commits,
      labels: [...repo.labels.values()].map(({ name, color, description }) => ({ name, color, description })),
      issues: issues
        .filter((issue) => !issue.pull)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          body: issue.body,
          state: issue.state,
          stateReason: issue.stateReason,
          user: issue.user,
          labels: [...issue.labels],
          createdAt: issue.createdAt,
          updatedAt: issue.updatedAt,
          closedAt: issue.closedAt,
          comments: [...world.comments.values()]
            .filter((comment) => comment.repo === key && comment.issueNumber === issue.number)
            .map(({ id, user, body, createdAt, updatedAt }) => ({ id, user, body, createdAt, updatedAt })),
        })),
      pulls: issues.flatMap((issue) =>
        issue.pull
          ? [
              {
                number: issue.number,
                title: issue.title,
                body: issue.body,
                head: issue.pull.head,
                base: issue.pull.base,
                draft: issue.pull.draft,
                state: issue.state,
                user: issue.user,
              },
            ]
          : [],
      ),
    };
  });
  return { repos, users: [...world.users.values()].map(({ login, type }) => ({ login, type })) };
}
