import { addJob, addRun, addWorkflow } from '../state/actions';
import { addArtifact } from '../state/artifacts';
import { addComment, addIssue, addLabel } from '../state/issues';
import { addProwBuild, putObject } from '../state/prow';
import { addPull } from '../state/pulls';
import { addRepo } from '../state/repos';
import { addToken, addUser } from '../state/users';
import { createWorld, type World } from '../state/world';
import { ScenarioError } from './scenario-error';
import type { Scenario } from './schema';

/** Builds a fresh world from a scenario (or an empty one). Called at start and on every reset. */
export async function seedWorld(scenario: Scenario | undefined, now: () => Date): Promise<World> {
  const world = createWorld(now);
  if (!scenario) return world;
  try {
    await seed(world, scenario);
  } catch (error) {
    if (ScenarioError.isInstance(error)) throw error;
    throw new ScenarioError(`Scenario could not be applied: ${(error as Error).message}`, { cause: error });
  }
  return world;
}

function unresolved(field: string): never {
  throw new ScenarioError(
    `${field} refers to a file; load the scenario with loadScenario(dir) or pass the directory`,
  );
}

async function seed(world: World, scenario: Scenario): Promise<void> {
  if (scenario.defaultUser) world.defaultLogin = scenario.defaultUser;
  for (const user of scenario.users ?? []) {
    addUser(world, { login: user.login, type: user.type, name: user.name, email: user.email });
  }
  for (const [r, input] of (scenario.repos ?? []).entries()) {
    if (input.filesDir) unresolved(`repos.${r}.filesDir`);
    const repo = addRepo(world, {
      owner: input.owner,
      name: input.name,
      private: input.private,
      description: input.description,
      defaultBranch: input.defaultBranch,
      files: input.files ?? {},
      branches: input.branches,
    });
    for (const label of input.labels ?? []) addLabel(world, repo, label);
    for (const [i, issueInput] of (input.issues ?? []).entries()) {
      if (issueInput.bodyFile) unresolved(`repos.${r}.issues.${i}.bodyFile`);
      const { comments = [], bodyFile: _, ...fields } = issueInput;
      const issue = addIssue(world, repo, fields);
      for (const comment of comments) {
        if (comment.bodyFile) unresolved(`repos.${r}.issues.${i}.comments.bodyFile`);
        addComment(world, repo, issue, {
          body: comment.body ?? '',
          user: comment.user,
          createdAt: comment.createdAt,
        });
      }
    }
    for (const pull of input.pulls ?? []) addPull(world, repo, pull);
    for (const workflowInput of input.workflows ?? []) {
      const workflow = addWorkflow(world, repo, workflowInput);
      for (const { jobs = [], artifacts = [], ...runInput } of workflowInput.runs ?? []) {
        const run = addRun(world, repo, { ...runInput, workflow: workflow.id });
        for (const job of jobs) {
          if (job.logFile) unresolved(`job ${job.name}: logFile`);
          addJob(world, run, {
            ...job,
            steps: job.steps?.map((step) => (step.logFile ? unresolved(`step ${step.name}: logFile`) : step)),
          });
        }
        for (const artifact of artifacts) {
          if (artifact.dir || artifact.zipFile) unresolved(`artifact ${artifact.name}: dir/zipFile`);
          await addArtifact(world, run, artifact);
        }
      }
    }
  }
  for (const user of scenario.users ?? []) {
    if (user.permissions) addUser(world, { login: user.login, permissions: user.permissions });
  }
  for (const token of scenario.tokens ?? []) {
    addToken(world, { token: token.token, login: token.user, readOnly: token.readOnly ?? false });
  }
  if (scenario.prow?.dir) unresolved('prow.dir');
  for (const object of scenario.prow?.objects ?? [])
    putObject(world, object.bucket, object.name, object.data);
  for (const build of scenario.prow?.builds ?? []) {
    if (build.dir) unresolved(`prow build ${build.job}/${build.buildId}: dir`);
    addProwBuild(world, { ...build, files: build.files ?? {} });
  }
}
