import { describe, expect, it } from 'vitest';
import { neutralizeClosingKeywords } from './neutralize-closing-keywords';
import { neutralizeCommands, neutralizeWorkflowCommands } from './neutralize-commands';
import { neutralizeMentions } from './neutralize-mentions';

describe('neutralizeMentions', () => {
  it.each([
    ['@user please look', '`@user` please look'],
    ['cc @org/security-team, @alice.', 'cc `@org/security-team`, `@alice`.'],
    ['&#64;maintainers and &commat;org/team', '`@maintainers` and `@org/team`'],
    ['full-width ＠admin', 'full-width `@admin`'],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected);
  });

  it('leaves emails, versions after a word, plain @ and @ inside live URLs alone', () => {
    for (const s of [
      'mail git@github.com or a.b@example.org',
      'go install x@latest',
      'a @ b',
      'see https://www.npmjs.com/package/@nightshift/log-parsing',
    ]) {
      expect(neutralizeMentions(s)).toBe(s);
    }
  });

  it('uses a backtick run that does not pair with backticks already in the block', () => {
    expect(neutralizeMentions('see `code` and @bob')).toBe('see `code` and ``@bob``');
    // An unmatched backtick cannot capture our wrapper either.
    expect(neutralizeMentions('odd ` tick @bob')).toBe('odd ` tick ``@bob``');
  });

  it('falls back to "@ user" next to a backtick or inside raw HTML', () => {
    expect(neutralizeMentions('x`@bob')).toBe('x`@ bob');
    expect(neutralizeMentions('<div>\n@bob\n</div>')).toBe('<div>\n@ bob\n</div>');
  });

  it('neutralises mentions inside defanged (dead) URLs', () => {
    expect(neutralizeMentions('hxxps://evil.example/@bob')).toBe('hxxps://evil.example/`@bob`');
  });

  it('decides per blank-line-delimited block', () => {
    expect(neutralizeMentions('<b>x</b> @a\n\n@b')).toBe('<b>x</b> @ a\n\n`@b`');
  });
});

describe('neutralizeClosingKeywords', () => {
  it.each([
    ['Fixes #1, closes #2, resolves other/repo#3', '`Fixes #1`, `closes #2`, `resolves other/repo#3`'],
    ['fix: #12', '`fix: #12`'],
    ['Closed GH-7', '`Closed GH-7`'],
    ['resolves https://github.com/o/r/issues/4', '`resolves https://github.com/o/r/issues/4`'],
    ['fixes &#35;9', '`fixes &#35;9`'],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeClosingKeywords(input)).toBe(expected);
  });

  it('leaves plain references and other words alone', () => {
    for (const s of ['see #12', 'closest #1', 'prefixes #2', 'fixed in #12', 'resolver #4']) {
      expect(neutralizeClosingKeywords(s)).toBe(s);
    }
  });

  it('inserts "issue" where a code span cannot be trusted', () => {
    expect(neutralizeClosingKeywords('<p>fixes #1</p>')).toBe('<p>fixes issue #1</p>');
    expect(neutralizeClosingKeywords('`x`fixes #1')).toBe('`x`fixes issue #1');
  });
});

describe('neutralizeCommands', () => {
  it('escapes slash commands at the start of a line', () => {
    expect(neutralizeCommands('/approve\n  /lgtm\nplease /retest not')).toBe(
      '\\/approve\n  \\/lgtm\nplease /retest not',
    );
  });

  it('leaves paths in the middle of lines alone', () => {
    expect(neutralizeCommands('see /tmp/x and a/b')).toBe('see /tmp/x and a/b');
  });
});

describe('neutralizeWorkflowCommands', () => {
  it('defuses ::commands:: and ##[markers] at the start of a line', () => {
    const input =
      '::add-mask::x\n::error file=README.md,line=1::owned\n  ::stop-commands::abc\n::set-output name=approved::true\n##[error]boom';
    expect(neutralizeWorkflowCommands(input)).toBe(
      '\\::add-mask::x\n\\::error file=README.md,line=1::owned\n  \\::stop-commands::abc\n\\::set-output name=approved::true\n\\##[error]boom',
    );
  });

  it('leaves :: inside a line (C++, IPv6) alone', () => {
    for (const s of ['std::string', 'addr fe80::1']) expect(neutralizeWorkflowCommands(s)).toBe(s);
  });
});
