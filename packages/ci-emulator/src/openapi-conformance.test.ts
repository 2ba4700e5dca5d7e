import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRouter } from './routes';
import type { Emulator } from './server';
import { fixedClock, useEmulator } from './test-helpers';

/**
 * Every GitHub route the emulator serves is requested here and its status and body are
 * validated against GitHub's published OpenAPI description (@octokit/openapi), so the
 * emulator cannot drift from the shapes real clients parse.
 */

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
}

const specFile = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
let spec: Spec;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes an explicit null alternative (Ajv only
 * accepts `nullable` next to `type`), and local `$ref`s point into the registered `gh` document.
 */
function toJsonSchema(value: unknown, prefixRefs: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => toJsonSchema(item, prefixRefs));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && prefixRefs
        ? `gh${inner}`
        : toJsonSchema(inner, prefixRefs);
  }
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string' && out.enum === undefined) return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

/** The emulator's `{path+}` templates and the root contents listing map onto the spec's paths. */
function specPath(template: string): string {
  const path = template.replace(/\{(\w+)\+\}/g, '{$1}');
  return path === '/repos/{owner}/{repo}/contents' ? '/repos/{owner}/{repo}/contents/{path}' : path;
}

function validatorFor(route: string, status: number): ValidateFunction | 'no-body' | undefined {
  const [method, template] = route.split(' ') as [string, string];
  const operation = spec.paths[specPath(template)]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${route} is not in GitHub's OpenAPI description`);
  let response = operation.responses[String(status)];
  if (!response) {
    if (status < 400) return undefined;
    // GitHub documents only some error statuses per operation; all of them use basic-error.
    return compile(`error`, { $ref: '#/components/schemas/basic-error' });
  }
  if (response.$ref) response = spec.components.responses[response.$ref.split('/').pop()!]!;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return 'no-body';
  // Some error responses are `oneOf` two schemas that both accept `{ message }` (basic-error vs
  // repository-rule-violation-error), so no body can match exactly one: accept any alternative.
  const top = schema as { oneOf?: unknown[] };
  return compile(`${route} ${status}`, top.oneOf ? { anyOf: top.oneOf } : schema);
}

function compile(key: string, schema: unknown): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema, true) as object);
    validators.set(key, validate);
  }
  return validate;
}

const start = useEmulator();

beforeAll(() => {
  spec = JSON.parse(readFileSync(specFile, 'utf8')) as Spec;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'gh', components: { schemas: toJsonSchema(spec.components.schemas, false) } });
});

async function seed(emulator: Emulator) {
  const { state } = emulator;
  state.addRepo({
    owner: 'octo',
    name: 'demo',
    files: {
      'README.md': 'hello\n',
      'src/main.go': 'package main // ptp\n',
      'bin/run': { content: '#!/bin/sh\n', mode: '100755' },
    },
    branches: { feature: { 'src/main.go': 'package main // fixed\n' } },
  });
  state.addUser('alice', { permissions: { 'octo/demo': 'maintain' } });
  state.addLabel('octo/demo', { name: 'ci-failure', color: 'd73a4a', description: 'CI failed' });
  state.addIssue('octo/demo', {
    title: 'PTP sync lost',
    body: 'clock ptp4l',
    labels: ['ci-failure'],
    user: 'alice',
  });
  state.addComment('octo/demo', 1, { body: 'seen again', user: 'alice' });
  const run = state.addWorkflowRun('octo/demo', {
    workflow: 'ci.yml',
    conclusion: 'failure',
    previousAttempts: [{ conclusion: 'failure' }],
  });
  const job = state.addJob(run.id, {
    name: 'e2e',
    conclusion: 'failure',
    steps: [{ name: 'Run tests', log: 'FAIL\n' }],
  });
  const artifact = await state.addArtifact(run.id, {
    name: 'junit',
    files: { 'junit.xml': '<testsuites/>' },
  });
  return { run, job, artifact };
}

function post(emulator: Emulator, path: string, body: unknown): Promise<Response> {
  return fetch(emulator.url + path, {
    method: 'POST',
    headers: { authorization: 'token conformance', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('OpenAPI conformance', () => {
  it('answers every GitHub route with the status and body GitHub documents', async () => {
    const emulator = await start({ now: fixedClock().now });
    const { run, job, artifact } = await seed(emulator);
    const headSha = emulator.state.repo('octo/demo').refs.get('refs/heads/main')!;
    const treeSha = emulator.state.snapshot().repos[0]!.commits.at(-1)!.tree;
    const r = '/repos/octo/demo';
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const tagBody = { tag: 'v1.0', message: 'release', object: headSha, type: 'commit' };
    const tagSha = (
      (await (await post(emulator, '/repos/octo/demo/git/tags', tagBody)).json()) as { sha: string }
    ).sha;
    const cases: Array<[string, string, unknown?]> = [
      ['GET', r],
      ['GET', '/repos/octo/missing'],
      ['GET', '/users/alice'],
      ['GET', '/rate_limit'],
      ['GET', `${r}/collaborators/alice/permission`],
      ['GET', `${r}/issues?state=all&labels=ci-failure`],
      ['POST', `${r}/issues`, { title: 'New', body: 'b', labels: ['flaky'] }],
      ['POST', `${r}/issues`, { body: 'no title' }],
      ['GET', '/user'],
      ['GET', `${r}/issues/1`],
      [
        'PATCH',
        `${r}/issues/1`,
        { state: 'closed', state_reason: 'completed', title: 'PTP sync lost (closed)' },
      ],
      ['GET', `${r}/issues/1/comments`],
      ['POST', `${r}/issues/1/comments`, { body: 'triage report' }],
      ['GET', `${r}/issues/comments`],
      ['GET', `${r}/issues/comments/400001`],
      ['PATCH', `${r}/issues/comments/400001`, { body: 'edited' }],
      ['GET', `${r}/issues/1/labels`],
      ['POST', `${r}/issues/1/labels`, { labels: ['triaged'] }],
      ['PUT', `${r}/issues/1/labels`, { labels: ['ci-failure', 'triaged'] }],
      ['DELETE', `${r}/issues/1/labels/triaged`],
      ['GET', `${r}/labels`],
      ['POST', `${r}/labels`, { name: 'recovered', color: '0e8a16' }],
      ['POST', `${r}/labels`, { name: 'recovered' }],
      ['GET', `${r}/labels/ci-failure`],
      ['GET', '/search/issues?q=repo:octo/demo+is:issue+label:ci-failure+ptp4l'],
      ['GET', '/search/code?q=ptp+repo:octo/demo+extension:go'],
      ['GET', `${r}/actions/workflows`],
      ['GET', `${r}/actions/workflows/ci.yml`],
      ['GET', `${r}/actions/workflows/ci.yml/runs?status=failure`],
      ['GET', `${r}/actions/runs?created=>=2024-01-01`],
      ['GET', `${r}/actions/runs/${run.id}`],
      ['GET', `${r}/actions/runs/${run.id}/attempts/1`],
      ['GET', `${r}/actions/runs/${run.id}/jobs?filter=all`],
      ['GET', `${r}/actions/runs/${run.id}/attempts/2/jobs`],
      ['GET', `${r}/actions/jobs/${job.id}`],
      ['GET', `${r}/actions/jobs/${job.id}/logs`],
      ['GET', `${r}/actions/runs/${run.id}/logs`],
      ['GET', `${r}/actions/runs/${run.id}/attempts/2/logs`],
      ['GET', `${r}/actions/runs/${run.id}/artifacts`],
      ['GET', `${r}/actions/artifacts/${artifact.id}`],
      ['GET', `${r}/actions/artifacts/${artifact.id}/zip`],
      ['GET', `${r}/contents`],
      ['GET', `${r}/contents/src/main.go?ref=feature`],
      ['GET', `${r}/contents/nope`],
      ['PUT', `${r}/contents/docs/a.md`, { message: 'add', content: b64('a\n') }],
      ['PUT', `${r}/contents/README.md`, { message: 'stale', content: b64('x'), sha: 'a'.repeat(40) }],
      ['GET', `${r}/git/trees/${treeSha}?recursive=1`],
      ['GET', `${r}/git/blobs/ce013625030ba8dba906f756967f9e9ca394464a`],
      ['POST', `${r}/git/blobs`, { content: 'new\n', encoding: 'utf-8' }],
      [
        'POST',
        `${r}/git/trees`,
        { base_tree: treeSha, tree: [{ path: 'x/y.txt', mode: '100644', type: 'blob', content: 'y' }] },
      ],
      ['POST', `${r}/git/commits`, { message: 'm', tree: treeSha, parents: [headSha] }],
      ['GET', `${r}/git/commits/${headSha}`],
      ['POST', `${r}/git/tags`, { ...tagBody, tag: 'v1.1' }],
      ['POST', `${r}/git/tags`, { ...tagBody, object: 'f'.repeat(40) }],
      ['GET', `${r}/git/tags/${tagSha}`],
      ['GET', `${r}/git/ref/heads/main`],
      ['GET', `${r}/git/matching-refs/heads`],
      ['POST', `${r}/git/refs`, { ref: 'refs/heads/fix', sha: headSha }],
      ['POST', `${r}/git/refs`, { ref: 'refs/heads/fix', sha: headSha }],
      ['PATCH', `${r}/git/refs/heads/fix`, { sha: headSha, force: false }],
      ['GET', `${r}/branches/main`],
      ['GET', `${r}/commits/${headSha}`],
      ['POST', `${r}/pulls`, { title: 'Fix', head: 'feature', base: 'main', draft: true, body: 'Fixes' }],
      ['POST', `${r}/pulls`, { title: 'Again', head: 'feature', base: 'main' }],
      ['GET', `${r}/pulls?state=open&head=octo:feature`],
      ['GET', `${r}/pulls/3`],
      ['DELETE', `${r}/git/refs/heads/fix`],
      ['DELETE', `${r}/issues/comments/400001`],
    ];

    const failures: string[] = [];
    const served = new Set<string>();
    for (const [method, path, body] of cases) {
      const response = await fetch(emulator.url + path, {
        method,
        redirect: 'manual',
        headers: { authorization: 'token conformance', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const route = emulator.requests().at(-1)!.route;
      if (response.status < 400) served.add(route);
      const text = await response.text();
      const validate = validatorFor(route, response.status);
      if (validate === undefined) {
        failures.push(`${method} ${path}: status ${response.status} is not documented for ${route}`);
      } else if (validate !== 'no-body' && !validate(JSON.parse(text))) {
        failures.push(
          `${method} ${path} → ${response.status}: ${ajv.errorsText(validate.errors, { separator: '\n    ' })}`,
        );
      }
    }
    expect(failures).toEqual([]);

    const githubRoutes = buildRouter()
      .routes()
      // GraphQL is not in the REST description: routes/viewer.test.ts checks its one query.
      .filter(({ handler, route }) => handler.kind === 'github' && route !== 'POST /graphql')
      .map(({ route }) => route);
    expect([...served].sort()).toEqual(githubRoutes.sort());
  });
});
