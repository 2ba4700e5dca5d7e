import { describe, expect, it } from 'vitest';
import { FAKE } from '../redact/__fixtures__/fake-secrets';
import { recheckText } from './recheck-text';

const token = FAKE.githubClassic;

describe('recheckText', () => {
  it('shows a line decoded and redacted when its escapes spell a secret', () => {
    const entity = `${token.slice(0, 4)}&#${token.charCodeAt(4)};${token.slice(5)}`;
    const cdata = `<failure><![CDATA[push ${token.slice(0, 8)}]]><![CDATA[${token.slice(8)}]]></failure>`;
    const json = `{"Output":"auth \\u${token.charCodeAt(0).toString(16).padStart(4, '0')}${token.slice(1)}\\n"}`;
    const out = recheckText([`1│ clone ${entity}`, `2│ ${cdata}`, `3│ ${json}`].join('\n'));
    expect(out.text).not.toContain(token.slice(5));
    expect(out.text).not.toContain(token.slice(8));
    expect(out.text.split('\n')).toEqual([
      '1│ clone [REDACTED:github-token]',
      '2│ <failure>push [REDACTED:github-token]</failure>',
      '3│ {"Output":"auth [REDACTED:github-token]\\n"}',
    ]);
    expect(out.findings).toEqual([{ kind: 'github-token', count: 3 }]);
  });

  it('leaves escaped lines that hide no secret as they are', () => {
    const text = '1│ <failure message="a &lt; b &amp;&amp; c"/>\n2│ {"Output":"caf\\u00e9\\n"}';
    expect(recheckText(text)).toEqual({ text, findings: [] });
  });

  it('decodes CDATA next to plain text and around a comment, and drops what the decoding made invisible', () => {
    const out = recheckText(
      [
        `<![CDATA[clone ${token.slice(0, 12)}]]>${token.slice(12)}`,
        `${token.slice(0, 12)}<!-- c -->${token.slice(12)}`,
        'x <![CDATA[pass]]>word=Hunter2Hunter2x9',
        '{"Output":"login pass\\u200bword=Hunter2Hunter2x9\\n"}',
      ].join('\n'),
    );
    expect(out.text).not.toContain(token.slice(12));
    expect(out.text).not.toContain('Hunter2Hunter2x9');
    expect(out.findings).toContainEqual({ kind: 'password', count: 2 });
  });
});
