/**
 * Arbitrary CI logs as raw bytes, for differential tests of the analyze input paths: lines from
 * every source the parsers, rules and redactor react to, joined by any line ending, with invalid
 * UTF-8 spliced in, then cut into chunks at the places a byte scanner is most likely to get wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { failureBlock, prng, ptpLogLines } from '../../../bench/generate-ptp-log';
import { logLines } from '../../formats/__fixtures__/skipping-lines';

/** A line: text, with raw bytes (usually invalid UTF-8) spliced between its pieces. */
export type Piece = string | { raw: number[] };
export type Line = Piece[];

export const STAMP = '2026-07-08T00:00:00.0240001Z ';

/** Every line of the real fixtures, file by file (Ginkgo, go test, GitHub, Prow, PTP excerpts). */
const fixtureFiles: string[][] = [
  ['../../formats/__fixtures__/', /\.(log|txt|jsonl)$/],
  ['../../classify/__fixtures__/ptp-excerpts/', /\.txt$/],
].flatMap(([dir, pattern]) => {
  const url = new URL(dir as string, import.meta.url);
  return readdirSync(url)
    .filter((name) => (pattern as RegExp).test(name))
    .sort()
    .map((name) => readFileSync(new URL(name, url), 'utf8').split(/\r?\n/));
});

/** Lines with characters >= U+0080: those bytes must send a line down the decoding path. */
const nonAscii = [
  '• [FAILED] [12.345 seconds]',
  '  ✓ passed: clock class 6',
  '🚀 deploying linuxptp-daemon 🎉',
  '测试失败：时钟未同步',
  'offset\u2028separator inside a line',
  '\uFEFF2026-07-08T00:00:00.0240001Z ##[error]BOM in the middle of the file',
  'mid\uFEFFline zero-width no-break space',
  'ý ě \uff1b plain text that latin1 would misread',
  'caf\u00e9 na\u00efve \u00ff\u00fe',
  '\u009b31m##[error]C1 escape as a character',
  '▶ START spec two',
  '■ DONE spec two FAILED',
  // Punctuation a quiet line may hold (analyze/quiet-line.ts), first and further on.
  '… waiting for the grandmaster',
  '— clock class 6 — locked',
  '“ens2f0” lost its lock ‘again’',
  '‣ step two of three',
  '‛reversed quote (not quiet)',
];

/** Coloured lines: an escape must keep a skipping parser from ignoring the line. */
const coloured = [
  '\x1b[31mERROR\x1b[0m sync failed on ens2f0',
  '\x1b[1m##[group]Run tests\x1b[0m',
  '\x1b[0m##[error]step failed',
  '\x1b[38;5;9m• [FAILED] [300.528 seconds]\x1b[0m',
  '\x1b[32m--- PASS: TestOk (0.00s)\x1b[0m',
  '\x1b[33mpanic: \x1b[0mcoloured panic',
  // Quiet lines (analyze/quiet-line.ts) and near misses.
  '\x1b[38;5;10m•\x1b[0m [12.345 seconds] [It] [oc-serial] a passed spec',
  '•\x1b[0m [1.0 seconds] [It] the bullet, then its colour',
  '\x1b[38;5;10m•\x1b[0m \x1b[1m[FAILED]\x1b[0m a failed one behind a colour',
  '  \x1b[1mSTEP:\x1b[0m Checking metrics for ens2f0',
  '\x1b[1m\x1b[38;5;9m[FAILED]\x1b[0m a run of codes',
  '\x1b[36m…\x1b[0m panic: after an ellipsis',
  '\x1b[32m--- FAIL: TestColoured (0.01s)\x1b[0m',
];

/** Lines the built-in and PTP rules match. */
const ruleLines = [
  'panic: runtime error: index out of range [3] with length 3',
  'Get "https://10.0.0.1:6443/api": context deadline exceeded',
  'Warning  Failed  pod/linuxptp-daemon-x  Back-off pulling image: ImagePullBackOff',
  'dial tcp 10.0.0.1:443: connect: connection refused',
  'Last State: Terminated Reason: OOMKilled',
  'fatal error: concurrent map writes',
  'Timed out after 300.000s.',
  'error: timed out waiting for the condition on daemonsets/linuxptp-daemon',
  '##[error]Process completed with exit code 2.',
];

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');
const word = (chars: string[], n: number) =>
  fc.array(fc.constantFrom(...chars), { minLength: n, maxLength: n }).map((cs) => cs.join(''));

/** Secrets, one per line or as PEM blocks (which the redactor holds lines back for). */
const secretLines: fc.Arbitrary<string[]> = fc.oneof(
  word(ALNUM, 36).map((w) => [`git clone https://x-access-token:ghp_${w}@github.com/o/r`]),
  word(ALNUM, 36).map((w) => [`export GITHUB_TOKEN=ghp_${w}`]),
  word(UPPER_ALNUM, 16).map((w) => [`aws_access_key_id = AKIA${w}`]),
  fc.constant<string[]>(['db login password=hunter2 user=admin']),
  fc.constant<string[]>(['curl -H "Authorization: Bearer abc.def.ghi" https://api.example.com']),
  fc
    .integer({ min: 0, max: 6 })
    .map((n) => [
      '-----BEGIN RSA PRIVATE KEY-----',
      ...Array.from({ length: n }, (_, i) => `MIIEpAIBAAKCAQEA${String(i).repeat(48)}`),
      '-----END RSA PRIVATE KEY-----',
    ]),
  // Never closed: the redactor holds lines back until its cap or the end of the input.
  fc
    .integer({ min: 1, max: 40 })
    .map((n) => [
      '-----BEGIN RSA PRIVATE KEY-----',
      ...Array.from({ length: n }, (_, i) => `QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo${i}`),
    ]),
  fc.constant<string[]>([
    '-----BEGIN CERTIFICATE-----',
    'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa',
    '-----END CERTIFICATE-----',
  ]),
);

/** Lines of a few KB, with the interesting part past a small line cap. */
const longLines: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.integer({ min: 1000, max: 6000 }),
    fc.constantFrom('x', '€', '•', 'ab ', '\x1b[0m'),
    fc.constantFrom('', ' panic: boom', ' password=hunter2', ' ##[error]late', ' ✓'),
  )
  .map(([n, unit, tail]) => [`${unit.repeat(Math.ceil(n / unit.length))}${tail}`]);

const stampLine = (line: string, i: number) =>
  /^\uFEFF?\d{4}-\d\d-\d\dT/.test(line) || i % 11 === 3 ? line : `${STAMP}${line}`;

/** One stretch of a log: lines from one source. `stamp`: add the runner timestamp to most lines. */
const segment = (stamp: boolean): fc.Arbitrary<string[]> => {
  const stamped = (lines: string[]) => (stamp ? lines.map(stampLine) : lines);
  return fc.oneof(
    { weight: 3, arbitrary: logLines },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(fixtureFiles.length - 1), fc.nat(200), fc.integer({ min: 1, max: 60 }))
        .map(([f, start, n]) => {
          const file = fixtureFiles[f]!;
          const from = start % file.length;
          return stamped(file.slice(from, from + n));
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(1000), fc.integer({ min: 1, max: 80 }), fc.boolean())
        .map(([seed, n, fail]) => {
          const gen = ptpLogLines(prng(seed));
          const lines = Array.from({ length: n }, () => gen.next().value as string);
          if (fail) lines.splice(n >> 1, 0, ...failureBlock(STAMP.trimEnd(), `linuxptp-daemon-${seed}`));
          return stamp ? lines : lines.map((l) => l.slice(29));
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom(...nonAscii, ...coloured, ...ruleLines, ''), { minLength: 1, maxLength: 8 })
        .map(stamped),
    },
    { weight: 2, arbitrary: secretLines.map(stamped) },
    { weight: 1, arbitrary: longLines.map(stamped) },
    { weight: 1, arbitrary: fc.constantFrom<string[]>([''], ['', ''], ['   ']) },
  );
};

const BAD_BYTES = [[0x80], [0xc3], [0xe2, 0x82], [0xff], [0xed, 0xa0, 0x80], [0x9b], [0xf0, 0x9f, 0x98]];
const splice = fc.record({
  line: fc.nat(),
  at: fc.constantFrom('start', 'mid', 'end'),
  bytes: fc.constantFrom(...BAD_BYTES),
});

function applySplice(line: string, at: string, raw: number[]): Line {
  if (at === 'start') return [{ raw }, line];
  if (at === 'end') return [line, { raw }];
  const chars = Array.from(line); // split between code points, never inside a surrogate pair
  const mid = chars.length >> 1;
  return [chars.slice(0, mid).join(''), { raw }, chars.slice(mid).join('')];
}

export interface LogShape {
  lines: Line[];
  /** Line endings: one per gap, cycled. */
  eols: string[];
  finalEol: boolean;
  bom: boolean;
}

export const logShape: fc.Arbitrary<LogShape> = fc
  .boolean()
  .chain((stamp) =>
    fc.record({
      segments: fc.array(segment(stamp), { minLength: 1, maxLength: 24 }),
      splices: fc.array(splice, { maxLength: 5 }),
      eols: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string[]>(['\n']) },
        { weight: 2, arbitrary: fc.constant<string[]>(['\r\n']) },
        {
          weight: 2,
          arbitrary: fc.array(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), {
            minLength: 1,
            maxLength: 9,
          }),
        },
      ),
      finalEol: fc.boolean(),
      bom: fc.oneof(
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      // Pure ASCII logs, so whole chunks can stay on the byte-scan path (most others have a
      // non-ASCII line in every chunk).
      ascii: fc.oneof(
        { weight: 2, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    }),
  )
  .map(({ segments, splices, eols, finalEol, bom, ascii }) => {
    const texts = segments.flat();
    const lines: Line[] = (ascii ? texts.filter((l) => /^[\x00-\x7f]*$/.test(l)) : texts).map((l) => [l]);
    if (lines.length === 0) lines.push(['']);
    if (ascii) return { lines, eols, finalEol, bom: false };
    for (const s of splices) {
      const i = s.line % lines.length;
      const [only, ...more] = lines[i]!;
      lines[i] =
        typeof only === 'string' && more.length === 0
          ? applySplice(only, s.at, s.bytes)
          : [...lines[i]!, { raw: s.bytes }];
    }
    return { lines, eols, finalEol, bom };
  });

export interface EncodedLog {
  bytes: Buffer;
  /** Offsets right after each spliced run of raw bytes. */
  spliceEnds: number[];
}

export function encodeLog(shape: LogShape): EncodedLog {
  const parts: Buffer[] = [];
  const spliceEnds: number[] = [];
  let size = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  if (shape.bom) push(Buffer.from([0xef, 0xbb, 0xbf]));
  shape.lines.forEach((line, i) => {
    for (const piece of line) {
      if (typeof piece === 'string') push(Buffer.from(piece, 'utf8'));
      else {
        push(Buffer.from(piece.raw));
        spliceEnds.push(size);
      }
    }
    if (i < shape.lines.length - 1 || shape.finalEol)
      push(Buffer.from(shape.eols[i % shape.eols.length]!, 'utf8'));
  });
  return { bytes: Buffer.concat(parts), spliceEnds };
}

/**
 * How to cut the bytes: chunk sizes (cycled), plus cuts at chosen places of each kind: right after
 * a '\n', between '\r' and '\n', inside a multi-byte character, right after spliced raw bytes.
 */
export interface ChunkPlan {
  sizes: number[];
  anchors: { kind: 'afterLf' | 'inCrLf' | 'inChar' | 'afterSplice'; n: number }[];
  /** Buffer views into one allocation (byteOffset > 0) rather than standalone Uint8Array copies. */
  views: boolean;
  /** Put an empty chunk somewhere. */
  empty: number | null;
}

export const chunkPlan: fc.Arbitrary<ChunkPlan> = fc.record({
  sizes: fc.array(
    fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 16 }) },
      { weight: 3, arbitrary: fc.integer({ min: 17, max: 4096 }) },
      { weight: 3, arbitrary: fc.integer({ min: 4097, max: 70_000 }) },
    ),
    { minLength: 1, maxLength: 6 },
  ),
  anchors: fc.array(
    fc.record({ kind: fc.constantFrom('afterLf', 'inCrLf', 'inChar', 'afterSplice'), n: fc.nat() }),
    { maxLength: 8 },
  ),
  views: fc.boolean(),
  empty: fc.option(fc.nat(), { nil: null }),
});

export function cutChunks(log: EncodedLog, plan: ChunkPlan): Uint8Array[] {
  const { bytes } = log;
  const places: Record<ChunkPlan['anchors'][number]['kind'], number[]> = {
    afterLf: [],
    inCrLf: [],
    inChar: [],
    afterSplice: log.spliceEnds,
  };
  for (let i = 1; i < bytes.length; i++) {
    const prev = bytes[i - 1]!;
    const cur = bytes[i]!;
    if (prev === 0x0a) places.afterLf.push(i);
    else if (prev === 0x0d && cur === 0x0a) places.inCrLf.push(i);
    else if (prev >= 0x80 && cur >= 0x80 && cur < 0xc0) places.inChar.push(i);
  }
  const cuts = new Set<number>();
  for (let at = 0, i = 0; at < bytes.length; i++) {
    at += plan.sizes[i % plan.sizes.length]!;
    cuts.add(Math.min(at, bytes.length));
  }
  for (const a of plan.anchors) {
    const list = places[a.kind];
    if (list.length > 0) cuts.add(list[a.n % list.length]!);
  }
  cuts.add(bytes.length);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const end of [...cuts].sort((x, y) => x - y)) {
    if (end <= start) continue;
    chunks.push(plan.views ? bytes.subarray(start, end) : Uint8Array.from(bytes.subarray(start, end)));
    start = end;
  }
  if (plan.empty !== null) chunks.splice(plan.empty % (chunks.length + 1), 0, new Uint8Array(0));
  return chunks;
}
