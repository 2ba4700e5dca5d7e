import { stripAnsi } from '../ansi';

/**
 * Masks everything in a failure message that varies from run to run while the failure stays the
 * same (research/log-formats.md §9, LUCI failure-reason clustering, extended for Kubernetes and
 * Ginkgo). Generic by construction: every mask is a shape (a timestamp, a generated pod suffix, a
 * predictable interface name), never a value taken from a particular log.
 *
 * Order matters: wide shapes that contain numbers (timestamps, IPs, durations) are masked before
 * bare numbers, and paths before the host and name masks that would cut them up.
 *
 * Every expression starts at a token boundary or has bounded repeats, so each stays linear in the
 * input: messages are hostile input too (a 1 MiB line of `a1.a1.a1…` must not take hours).
 */
export interface NormaliseOptions {
  /** Keep bare numbers (default false). Modes keep them: a clock class of 6 vs 7 is the point. */
  keepNumbers?: boolean;
}

type Mask = readonly [RegExp, string];

// Kubernetes random suffixes use this alphabet (no vowels, no 0/1/3), so "proxy" or "daemon"
// can never look like a generated suffix while "bxx22" or "tdxpw" always do.
const K8S = '[bcdfghjklmnpqrstvwxz2456789]';
const HEX4 = '[0-9a-fA-F]{1,4}';

const MASKS: readonly Mask[] = [
  // Timestamps and dates.
  [/\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<ts>'],
  [/\b\d\d\/\d\d\/\d\d(?:\d\d)? \d\d:\d\d:\d\d(?:\.\d+)?/g, '<ts>'], // Ginkgo `@ 07/06/26 15:41:30.455`
  [/\b[EWIF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ /g, '<glog> '], // glog header `E0604 08:58:12.949179   49 `
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?/g, '<ts>'],
  [/\b\d{4}-\d\d-\d\d\b/g, '<date>'],
  [/\b\d{1,2}:\d\d:\d\d(?:\.\d+)?\b/g, '<time>'],
  // Identifiers.
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<uuid>'],
  // Checkout roots and temp dirs (before hosts/names cut the path up).
  [/\/home\/runner\/work\/([^/\s]+)\/\1(?=\/|\b)/g, '<src>'],
  [/\b[A-Za-z]:\\a\\([^\\\s]+)\\\1(?=\\|\b)/g, '<src>'],
  [/\/Users\/runner\/work\/([^/\s]+)\/\1(?=\/|\b)/g, '<src>'],
  [/\/home\/runner\/work\/_temp\/[^\s/'"]+/g, '<tmp>'],
  [/(?:\/private)?\/var\/folders\/[^\s/]+\/[^\s/]+\/T\/[^\s/'"]+/g, '<tmp>'],
  [/\/(?:var\/)?tmp\/[^\s/'":]+/g, '<tmp>'],
  [/\b[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp\\[^\\\s'"]+/g, '<tmp>'],
  // Addresses.
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, '<ip>'],
  [
    new RegExp(
      `(?<![\\w:])(?:(?:${HEX4}:){7}${HEX4}|${HEX4}(?::${HEX4}){0,6}::(?:${HEX4}(?::${HEX4}){0,6})?|::${HEX4}(?::${HEX4}){0,6})(?![\\w:])`,
      'g',
    ),
    '<ip>',
  ],
  [/\[<ip>\](?::\d{1,5})?/g, '<ip>'],
  // Host names whose first label carries a number (nodes, not API groups): cnfdf31.lab.example.com.
  [
    /(?<![\w.-])(?=[a-z0-9-]{0,62}\d)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}\.(?:com|org|net|io|dev|local|internal|lan|lab|corp|home|cloud|edu|gov|arpa)\b/gi,
    '<host>',
  ],
  // Generated Kubernetes names: namespace/pod suffixes, ReplicaSet hashes, Prow namespaces.
  [/\bci-op-[a-z0-9]{8}\b/g, 'ci-op-<id>'],
  [new RegExp(`(?<=[a-z0-9]-)${K8S}{8,10}-${K8S}{5}(?![a-z0-9])`, 'g'), '<id>-<id>'],
  [new RegExp(`(?<=[a-z0-9]-)${K8S}{5}(?![a-z0-9])`, 'g'), '<id>'],
  // Predictable network interface names (systemd: eno1, ens2f3np3, enp175s0fx, enx…; eth0, bond0).
  [
    /\b(?:(?:en|wl|ww|ib)(?:o\d+|P?\d*p\d+s\d+|s\d+|x[0-9a-f]{12})[a-z0-9]*|eth\d+|bond\d+|veth[0-9a-f]{4,}|vlan\d+)(?:\.\d+)?\b/g,
    '<if>',
  ],
  // Pointers, addresses, hashes.
  [/\b0x[0-9a-fA-F]+\b/g, '<hex>'],
  [/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/g, '<hex>'],
  // Durations: 300.528s, 2h26m33s, 1m0s, 150ms, [1.234 seconds], (0.12s).
  [/\b(?:\d+h)?(?:\d+m)?\d+(?:\.\d+)?(?:ns|us|µs|ms|s)\b/g, '<dur>'],
  [/\b\d+h\d+m\b|\b\d+(?:h|m)\b(?=\s|$|[),.])/g, '<dur>'],
  [
    /\b\d+(?:\.\d+)? ?(?:nanoseconds?|microseconds?|milliseconds?|seconds?|secs?|minutes?|mins?|hours?)\b/g,
    '<dur>',
  ],
  // Base64-looking blobs (LUCI): long runs ending in padding.
  [/(?<![/+0-9a-zA-Z])[/+0-9a-zA-Z]{10,}=+/g, '<b64>'],
  // Goroutine ids (`goroutine 161 [running]`) fall under numbers below.
];

const NUMBER = /(?<![A-Za-z_\d])[-+]?\d+(?:\.\d+)?(?![A-Za-z_])/g;

export function normaliseMessage(text: string, options: NormaliseOptions = {}): string {
  let out = stripAnsi(text);
  for (const [re, replacement] of MASKS) out = out.replace(re, replacement);
  if (!options.keepNumbers) out = out.replace(NUMBER, '<n>');
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
