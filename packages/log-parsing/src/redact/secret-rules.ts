/**
 * The single-line secret rules, in the order they run. Formats follow gitleaks v8.30 (MIT) for
 * the provider tokens, rewritten for V8 (no inline flags) and bounded so no rule backtracks
 * badly on hostile input. Multi-line PEM private keys are handled separately (pem-blocks.ts).
 *
 * Each rule lists lower-case `keywords`: at least one of them is a substring (ignoring case) of
 * every possible match. That is what lets one combined keyword scan skip almost every log line.
 */
import { redactionMarker } from './redaction-types';
import { isPlaceholderValue, looksLikeAssignedSecret, looksLikeGeneratedSecret } from './secret-values';

export interface SecretReplacement {
  text: string;
  kind: string;
}

export interface SecretRule {
  kind: string;
  keywords: readonly string[];
  /** Global; must not match across a newline (the chunk redactor relies on it). */
  pattern: RegExp;
  /** Replacement for one match, or null to leave it alone. Default: the whole match. */
  replace?: (match: RegExpExecArray) => SecretReplacement | null;
  /**
   * A string every match contains, when the pattern's keywords do not say it: a line without it
   * skips the rule after one `indexOf`, not a failed regex run (`://` is common in CI logs, a
   * password in a URL is not: this skipped ~11% of redaction time on the real Prow logs).
   */
  needs?: string;
}

/** A token whose whole match is the secret. */
function token(kind: string, keywords: readonly string[], pattern: RegExp): SecretRule {
  return { kind, keywords, pattern };
}

/**
 * A rule with named groups `keep` (kept verbatim, e.g. `password=`) and `value` (replaced);
 * `accept` decides whether the value is a secret at all.
 */
function keyed(
  kind: string | ((m: RegExpExecArray) => string),
  keywords: readonly string[],
  pattern: RegExp,
  accept: (value: string, m: RegExpExecArray) => boolean,
): SecretRule {
  const kindOf = typeof kind === 'string' ? () => kind : kind;
  return {
    kind: typeof kind === 'string' ? kind : 'secret',
    keywords,
    pattern,
    replace(m) {
      const keep = m.groups?.keep ?? '';
      const value = m.groups?.value ?? '';
      if (!accept(value, m)) return null;
      const k = kindOf(m);
      return { text: keep + redactionMarker(k), kind: k };
    },
  };
}

/**
 * "Not glued to a preceding word": `(?<![A-Za-z0-9_])`, except that the `m` ending an ANSI
 * colour code (`\x1b[31m`) and the letter of a `\n`/`\t`/`\r` escape in JSON or Go-quoted
 * text do not count — both are common right before a value in CI logs.
 */
function notAfter(chars: string): string {
  return `(?:(?<![${chars}])|(?<=\\x1b\\[[0-9;]*m)|(?<=\\\\[nrt]))`;
}
const W = notAfter('A-Za-z0-9_');
const WD = notAfter('A-Za-z0-9_-');
const AN = notAfter('A-Za-z0-9');

// Distinctive prefixes match with no left boundary, as in gitleaks: `GH_TOKEN_ghp_…`, `TestA_ghp_…`
// and `1ghp_…` are tokens glued to a word, and nothing else starts `ghp_` + 36 alphanumerics.
// No quantifier here can fail after an unbounded scan, so dropping the boundary keeps them linear.
// A longer body is taken whole, but not into a glued second token (`ghp_…ghp_…`).
const GITHUB_CLASSIC = /(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?:(?!gh[pousr]_)[A-Za-z0-9])*/g;
const GITHUB_FINE_GRAINED = /github_pat_[A-Za-z0-9_]{22,}/g;
// gitleaks also lists the rare A3T and ACCA prefixes; left out so the prefilter stays cheap.
// Any left neighbour but an upper-case letter or digit (`keyAKIA…`, `_AKIA…`): inside an
// upper-case word such as `XAKIA…` the four letters are not a key's start.
const AWS_ACCESS_KEY = /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;
/**
 * A quote around a key or value, as written raw or escaped: `"`, `\"` (JSON inside a JSON string,
 * go test -json), `\\\"`, and the XML/HTML entities of raw JUnit (`&quot;`, `&#34;`, `&#x22;`,
 * `&apos;`, `&#39;`, `&#x27;`). Patterns with this are case-insensitive.
 */
const QUOTE = `(?:\\\\{0,3}["']|&(?:quot|apos|#0{0,3}3[49]|#x0{0,3}2[27]);)`;
const AWS_SECRET_KEY = new RegExp(
  `(?<keep>${AN}aws_?secret(?:_?access)?_?key${QUOTE}?[ \\t]*(?::=|[:=])[ \\t]*${QUOTE}?)(?<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`,
  'gi',
);
// `xox?-` followed by a digit is a Slack token wherever it starts; `xapp-` and the other shapes
// need a boundary (`myxapp-controller-deployment` is a pod name).
const SLACK_TOKEN = new RegExp(
  `(?:xox[abeoprs]-(?=[0-9])|${AN}(?:xox[abeoprs]|xapp)-)[A-Za-z0-9-]{10,}`,
  'g',
);
const SLACK_WEBHOOK =
  /(?<keep>hooks\.slack\.com\/(?:services|workflows|triggers)\/)(?<value>[A-Za-z0-9+/_-]{10,})/g;
const GOOGLE_API_KEY = /AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g;
// The versioned shape (`sk-ant-api03-…`) glued to anything; the loose one only after a boundary
// (`task-ant-…` is no key).
const ANTHROPIC_KEY = new RegExp(
  `sk-ant-[a-z]{3,5}[0-9]{2}-[A-Za-z0-9_-]{20,}|${WD}sk-ant-[A-Za-z0-9_-]{8,}`,
  'g',
);
const OPENAI_PROJECT_KEY = new RegExp(`${WD}sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}`, 'g');
// `T3BlbkFJ` (base64 of "OpenAI") makes any `sk-…` around it a key, glued or not.
const OPENAI_LEGACY_KEY = /sk-[A-Za-z0-9_-]{0,100}T3BlbkFJ[A-Za-z0-9_-]{10,}/g;
const NPM_TOKEN = /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g;
const GITLAB_TOKEN = /gl(?:pat|dt|rt|ptt|soat|cbt)-[A-Za-z0-9_-]{20,}/g;
// Keeps its boundary: `disk_test_…`, `risk_live_…` are test and variable names.
const STRIPE_KEY = new RegExp(`${W}[rs]k_(?:live|test)_[A-Za-z0-9]{16,}`, 'g');
const OPENSHIFT_TOKEN = /sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
// Keeps its boundary: base64url has no character that could mark where a glued JWT starts, and
// without one every `eyJ` of a long base64 run would rescan it (quadratic on hostile input).
const JWT = new RegExp(`${WD}eyJ[A-Za-z0-9_-]{8,}\\.ey[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*`, 'g');
/** Base64 of `-----BEGIN` (kubeconfig `client-key-data`, Secrets' `data:`); decoded to check. */
const BASE64_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/]*={0,2}/g;

const URL_PASSWORD =
  /(?<keep>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/?#@"'<>]{1,256}:)(?<value>[^\s/?#@"'<>]{1,256})(?=@)/g;

/**
 * A secret passed as a command-line flag's separate argument: `docker login -u bot --password x`,
 * `helm repo add --password x`, `oc login --token x` (the `--flag=value` form is an assignment).
 * Only long flags: `-p` means too many other things.
 */
const FLAG_SECRET =
  /(?<keep>(?<![A-Za-z0-9_-])--(?<key>password|passwd|token|secret|client-secret|api-key|access-token)[ \t]+)(?<value>[^\s"'`;&|<>]+)/gi;

const AUTH_SCHEMES = 'Bearer|Basic|Digest|Token|Negotiate|NTLM|Bot|AWS4-HMAC-SHA256';
// The value stops at a quote however it is written (`\"`, `&quot;`), so an escaped quoted header
// keeps its closing quote and the text around it stays valid JSON or XML.
const AUTHORIZATION = new RegExp(
  `(?<keep>${AN}(?:Proxy-)?Authorization${QUOTE}?[ \\t]*[:=][ \\t]*${QUOTE}?(?<scheme>(?:${AUTH_SCHEMES})[ \\t]+)?)(?<value>(?:[^\\s"'\`,;<>\\\\&]|\\\\(?![\\\\"'])|&(?![#A-Za-z0-9]+;))+)`,
  'gi',
);

// Keys whose presence is strong evidence of a secret, and keys that also show up in prose.
const STRONG_KEYS = [
  'password',
  'passwd',
  'client[_-]?secret',
  'secret[_-]?key',
  'secret[_-]?access[_-]?key',
  'api[_-]?key',
  'access[_-]?key',
  'private[_-]?key',
  'access[_-]?token',
  'auth[_-]?token',
  'refresh[_-]?token',
  'id[_-]?token',
  'bearer[_-]?token',
  'session[_-]?token',
  'client-key-data',
];
const WEAK_KEYS = ['secret', 'token', 'auth'];
// A quoted value runs to its closing quote, written the same way as the opening one (`"…"`,
// `\"…\"`, `&quot;…&quot;`; spaces allowed); a bare one to the first delimiter or escaped quote.
// With no opening quote, `\k<q>` is empty and `(?!\k<q>)` fails, so the bare form applies.
const VALUE = `(?<value>(?:(?!\\k<q>)[^\\n]){1,256}(?=\\k<q>)|(?:[^\\s"'\`,;&<>(){}\\[\\]\\\\]|\\\\(?![\\\\"']))+)`;
const ASSIGNMENT = new RegExp(
  `(?<keep>${AN}(?<key>${[...STRONG_KEYS, ...WEAK_KEYS].join('|')})${QUOTE}?(?<sep>[ \\t]*(?::=|[:=])[ \\t]*)(?<q>${QUOTE})?)${VALUE}`,
  'gi',
);
const STRONG_KEY = new RegExp(`^(?:${STRONG_KEYS.join('|')})$`, 'i');

function assignmentKind(key: string): string {
  const k = key.toLowerCase();
  if (k === 'client-key-data') return 'kubeconfig-client-key';
  if (k.startsWith('pass')) return 'password';
  if (k.includes('private')) return 'private-key';
  if (k.includes('secret')) return 'secret';
  if (k.includes('key')) return 'api-key';
  return 'token';
}

function decodesToPrivateKey(b64: string): boolean {
  const head = Buffer.from(b64.slice(0, 96), 'base64').toString('latin1');
  return /^-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY/.test(head);
}

export const SECRET_RULES: readonly SecretRule[] = [
  token('github-token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], GITHUB_CLASSIC),
  token('github-token', ['github_pat_'], GITHUB_FINE_GRAINED),
  token('aws-access-key', ['akia', 'asia', 'abia'], AWS_ACCESS_KEY),
  keyed('aws-secret-key', ['secret'], AWS_SECRET_KEY, (v) => !isPlaceholderValue(v)),
  token('slack-token', ['xox', 'xapp-'], SLACK_TOKEN),
  keyed('slack-webhook', ['hooks.slack.com'], SLACK_WEBHOOK, () => true),
  token('google-api-key', ['aiza'], GOOGLE_API_KEY),
  token('anthropic-api-key', ['sk-ant-'], ANTHROPIC_KEY),
  token('openai-api-key', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-'], OPENAI_PROJECT_KEY),
  token('openai-api-key', ['t3blbkfj'], OPENAI_LEGACY_KEY),
  token('npm-token', ['npm_'], NPM_TOKEN),
  token('gitlab-token', ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'glcbt-'], GITLAB_TOKEN),
  token('stripe-key', ['k_live_', 'k_test_'], STRIPE_KEY),
  token('openshift-token', ['sha256~'], OPENSHIFT_TOKEN),
  token('jwt', ['eyj'], JWT),
  {
    kind: 'private-key',
    keywords: ['ls0tls1crudjti'],
    pattern: BASE64_PEM,
    replace: (m) =>
      decodesToPrivateKey(m[0]) ? { text: redactionMarker('private-key'), kind: 'private-key' } : null,
  },
  { ...keyed('url-password', ['://'], URL_PASSWORD, (v) => !isPlaceholderValue(v)), needs: '@' },
  keyed('authorization', ['auth'], AUTHORIZATION, (v, m) =>
    m.groups?.scheme ? !isPlaceholderValue(v) : looksLikeGeneratedSecret(v),
  ),
  keyed(
    (m) => assignmentKind((m.groups?.key ?? '').replace(/-/g, '_')),
    ['--passw', '--token', '--secret', '--client-secret', '--api-key', '--access-token'],
    FLAG_SECRET,
    (v) => (v.startsWith('-') || v.startsWith('$') ? false : !isPlaceholderValue(v)),
  ),
  keyed(
    (m) => assignmentKind(m.groups?.key ?? ''),
    ['passw', 'secret', 'key', 'token', 'auth'],
    ASSIGNMENT,
    (v, m) => {
      const key = m.groups?.key ?? '';
      if (!STRONG_KEY.test(key)) return looksLikeGeneratedSecret(v);
      const proseLike = /:[ \t]/.test(m.groups?.sep ?? '');
      return looksLikeAssignedSecret(v, proseLike);
    },
  ),
];
