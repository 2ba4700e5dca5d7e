/**
 * Deterministic generator of PTP-like GitHub Actions job logs for benchmarks: timestamped lines of
 * linuxptp-daemon output (ptp4l/phc2sys/ts2phc), Ginkgo progress and spec output, with a handful of
 * failures near the end. Same seed and size ⇒ byte-identical file.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** mulberry32: tiny, fast, good enough for shaping synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IFACES = ['ens2f0', 'ens2f1', 'ens4f0', 'ens4f1', 'ens2f3np3'];
const SPECS = [
  'PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
  'PTP e2e tests PTP metric is present on slave [Serial]',
  'PTP e2e tests Running with event enabled Should check for ptp events [Serial]',
  'PTP e2e tests prometheus Metrics reported by PTP pods Should all be reported by prometheus [Serial]',
];

export function* ptpLogLines(rand: () => number, startMs = Date.UTC(2026, 6, 8, 0, 0, 0)): Generator<string> {
  let t = startMs;
  let n = 0;
  for (;;) {
    t += Math.floor(rand() * 40);
    n++;
    const ts = `${new Date(t).toISOString().slice(0, 23)}${String(n % 10000).padStart(4, '0')}Z`;
    const r = rand();
    const iface = IFACES[Math.floor(rand() * IFACES.length)];
    const mono = (t / 1000).toFixed(3);
    if (r < 0.45) {
      const off = Math.floor(rand() * 200) - 100;
      yield `${ts} ptp4l[${mono}]: [ptp4l.0.config:6] master offset ${off} s2 freq ${Math.floor(rand() * 2000) - 1000} path delay ${1500 + Math.floor(rand() * 200)}`;
    } else if (r < 0.75) {
      yield `${ts} phc2sys[${mono}]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset ${Math.floor(rand() * 60) - 30} s2 freq -${Math.floor(rand() * 90000)} delay ${500 + Math.floor(rand() * 99)}`;
    } else if (r < 0.85) {
      yield `${ts} ts2phc[${mono}]: [ts2phc.0.config] ${iface} offset ${Math.floor(rand() * 10) - 5} s2 freq +${Math.floor(rand() * 50)}`;
    } else if (r < 0.92) {
      yield `${ts} I0708 00:${String(n % 60).padStart(2, '0')}:12.345678  2731 daemon.go:${100 + (n % 900)}] ${iface} port state SLAVE, clock class 6, PTP_PROCESS_STATUS:1`;
    } else if (r < 0.97) {
      yield `${ts}   STEP: Checking metrics for ${iface} on node cnfdf3${n % 3}.telco5gran.eng.rdu2.redhat.com @ 07/08/26 00:12:${String(n % 60).padStart(2, '0')}.${n % 1000}`;
    } else {
      yield `${ts} \u001b[38;5;10m•\u001b[0m [${(rand() * 100).toFixed(3)} seconds] [It] [oc-serial] ${SPECS[n % SPECS.length]}`;
    }
  }
}

/** The failure block the benchmark expects to find: a Ginkgo v2 failed spec. */
export function failureBlock(ts: string, pod: string): string[] {
  return [
    `${ts} ------------------------------`,
    `${ts} \u001b[38;5;9m• [FAILED] [300.528 seconds]\u001b[0m`,
    `${ts} [It] [tgm-serial] PTP e2e tests T-GM Testing WPC T-GM holdover through connection loss [Serial]`,
    `${ts} /go/src/github.com/k8snetworkplumbingwg/ptp-operator/test/conformance/serial/ptp.go:3633`,
    `${ts}   [FAILED] Timed out after 300.528s.`,
    `${ts}   Expected ptp4l clock class to eventually be 6 for GM on pod ${pod}`,
    `${ts}   Expected`,
    `${ts}       <string>: 248`,
    `${ts}   to equal`,
    `${ts}       <string>: 6`,
    `${ts}   In [It] at: /go/src/github.com/k8snetworkplumbingwg/ptp-operator/test/conformance/serial/ptp.go:3633 @ 07/08/26 02:41:30.455`,
    `${ts} ------------------------------`,
  ];
}

/** Writes a log of about `bytes` bytes to `path`; returns the exact size written. */
export async function writePtpLog(path: string, bytes: number, seed = 42): Promise<number> {
  const out = createWriteStream(path);
  const rand = prng(seed);
  const lines = ptpLogLines(rand);
  let written = 0;
  let buf: string[] = [];
  let bufBytes = 0;
  const failAt = Math.floor(bytes * 0.97);
  let failed = false;
  while (written + bufBytes < bytes) {
    const line = lines.next().value as string;
    buf.push(line);
    bufBytes += line.length + 1;
    if (!failed && written + bufBytes >= failAt) {
      failed = true;
      for (const l of failureBlock(line.slice(0, 28), 'linuxptp-daemon-bxx22')) {
        buf.push(l);
        bufBytes += Buffer.byteLength(l) + 1;
      }
    }
    if (bufBytes > 1 << 20) {
      if (!out.write(`${buf.join('\n')}\n`)) await once(out, 'drain');
      written += bufBytes;
      buf = [];
      bufBytes = 0;
    }
  }
  const tail = [
    ...buf,
    '2026-07-08T03:00:00.0000000Z Summarizing 1 Failure:',
    '2026-07-08T03:00:00.0000000Z   [FAIL] [tgm-serial] PTP e2e tests T-GM Testing WPC T-GM holdover through connection loss [Serial]',
    '2026-07-08T03:00:00.0000000Z Ran 40 of 52 Specs in 9000.001 seconds',
    '2026-07-08T03:00:00.0000000Z FAIL! -- 39 Passed | 1 Failed | 0 Pending | 12 Skipped',
    '2026-07-08T03:00:01.0000000Z ##[error]Process completed with exit code 1.',
  ];
  out.write(`${tail.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return written + Buffer.byteLength(`${tail.join('\n')}\n`);
}
