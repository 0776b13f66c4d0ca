/**
 * Machine translation benchmark: 10,000 segments (each with a pair of inline codes and a
 * placeholder) through the local fake DeepL server of the tests (in a worker thread, see
 * mt-server.ts), which allows 50 requests in any second and answers 429 beyond that, in batches of
 * 50. Two runs: one where every request succeeds, one where 5 % of requests fail at random (500,
 * dropped connection, a body that is not JSON) and are retried.
 *
 * The theoretical minimum of a run is set by the limit alone. Requests spaced evenly at the limit's
 * rate, `interval / cap` apart, start request number n (counting from 0) at n × interval / cap, so
 * R requests take at least (R − 1) × interval / cap. The ratio printed is the measured time over
 * that minimum, for the requests the server actually received (retries included). (A client that
 * sent `cap` requests at once at every window edge could in theory finish by floor((R − 1) / cap) ×
 * interval, also printed; but its requests reach the provider bunched and out of step, and the
 * provider answers 429 to the overlap: the bare client below shows how often.) A first, unmeasured
 * run of 1,000 segments warms up the JIT and loads Node's HTTP client, one-time costs of a process.
 * The answer times (from a request's start to its answer) show how busy the provider was.
 *
 * For comparison on the same machine at the same moment, a bare client sends the same 200 request
 * bodies to the same server paced only by p-queue's own start-counting window, with no checks,
 * cache or retries: its ratio to the minimum is what the machine allows any client; the difference
 * to ours is what the library costs (the checks, the cache, and holding a window place until
 * `interval` after each answer, which keeps arrivals within the limit however late they come).
 * Peak memory is the
 * process's maximum resident set size (the server's worker thread included). CPU is the process's
 * user and system time during the run: when it is far below the wall time and the ratio is over
 * budget, the machine was busy with other work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { createMachineTranslator, resolveMtSettings, toMarkup, type MtSegment } from '../mt/index.js';
import type { MtServerOptions } from './mt-server.js';
import { lettersOf } from './random.js';

const SEGMENTS = 10_000;
const CAP = 50;
const INTERVAL = 1_000;
const FAILURE_RATE = 0.05;
/** Budget: within 15 % of the limit's minimum, under 200 MB. */
const BUDGET_RATIO = 1.15;
const BUDGET_MB = 200;

function benchSegments(): MtSegment[] {
  return Array.from({ length: SEGMENTS }, (_, i) => {
    const name = `Satz q${lettersOf(i)}`;
    const text = `Der ${name} ist heute da und am Montag auch.`;
    const start = text.indexOf('heute');
    return {
      id: `s${i}`,
      text,
      codes: [
        { id: '1', kind: 'open', at: start },
        { id: '1', kind: 'close', at: start + 'heute'.length },
        { id: '2', kind: 'standalone', at: text.length - 1 },
      ],
    };
  });
}

interface RunNumbers {
  readonly ms: number;
  readonly requests: number;
  /** (requests − 1) × interval / cap: evenly spaced at the limit's rate. */
  readonly minimumMs: number;
  /** floor((requests − 1) / cap) × interval: bursts of `cap` at every window edge. */
  readonly burstMinimumMs: number;
  /** Median and 90th percentile of the answer times, in ms. */
  readonly answerMs: { readonly median: number; readonly p90: number };
  readonly translated: number;
  readonly lost: number;
  readonly wrong: number;
  readonly retries: number;
  readonly rateLimited: number;
  /** CPU time of the process during the run (client and fake server). */
  readonly cpuMs: number;
}

/** The least time R requests take when their starts are spaced evenly at the limit's rate. */
const evenMinimum = (requests: number): number => ((requests - 1) * INTERVAL) / CAP;

/** The fake provider in a worker thread. */
async function startServer(options: MtServerOptions): Promise<{ url: string; ask: (message: string) => Promise<unknown>; worker: Worker }> {
  const worker = new Worker(new URL('./mt-server.js', import.meta.url), { workerData: options });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { url: string }) => resolve(m.url));
    worker.once('error', reject);
  });
  const ask = (message: string): Promise<unknown> =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(message);
    });
  return { url, ask, worker };
}

async function run(failureRate: number, seed: number, count = SEGMENTS): Promise<RunNumbers> {
  const key = 'bench-key';
  const server = await startServer({ key, cap: CAP, interval: INTERVAL, failureRate, seed });
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-bench-mt-'));
  const settings = resolveMtSettings({
    provider: 'deepl',
    endpoint: server.url,
    throttle: { concurrency: 16, intervalCap: CAP, interval: INTERVAL },
    batch: { maxSegments: 50 },
    retry: { maxRetries: 8, baseDelay: 50, maxDelay: 2_000 },
  });
  const durations: number[] = [];
  const timed = async (url: string, init: RequestInit): Promise<Response> => {
    const started = performance.now();
    try {
      return await fetch(url, init);
    } finally {
      durations.push(performance.now() - started);
    }
  };
  const translator = createMachineTranslator(settings, { cacheDir: dir, env: { DEEPL_AUTH_KEY: key }, fetch: timed });
  const segments = benchSegments().slice(0, count);
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await translator.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    let lost = 0;
    let wrong = 0;
    for (const segment of segments) {
      const outcome = result.outcomes.get(segment.id);
      if (outcome?.status !== 'translated') lost += 1;
      // Each answer must be its own sentence's: the unique name comes back in the same segment.
      else if (!outcome.target.text.includes(` q${lettersOf(Number(segment.id.slice(1)))} `)) wrong += 1;
    }
    durations.sort((a, b) => a - b);
    const stats = (await server.ask('stats')) as { requests: number; rateLimited: number };
    const requests = stats.requests;
    return {
      ms,
      requests,
      minimumMs: evenMinimum(requests),
      burstMinimumMs: Math.floor((requests - 1) / CAP) * INTERVAL,
      answerMs: { median: durations[durations.length >> 1] ?? 0, p90: durations[Math.floor(durations.length * 0.9)] ?? 0 },
      translated: result.summary.translated,
      lost,
      wrong,
      retries: result.summary.retries,
      rateLimited: stats.rateLimited,
      cpuMs,
    };
  } finally {
    translator.close();
    await server.ask('close');
    await server.worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bare client: the same bodies, start-paced by p-queue, nothing else. Returns its time in ms. */
async function bareRun(): Promise<{ ms: number; rateLimited: number }> {
  const key = 'bench-key';
  const server = await startServer({ key, cap: CAP, interval: INTERVAL, failureRate: 0, seed: 1 });
  const headers = { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json' };
  const texts = benchSegments().map(toMarkup);
  const bodies = Array.from({ length: texts.length / 50 }, (_, i) => JSON.stringify({ text: texts.slice(i * 50, i * 50 + 50), source_lang: 'DE', target_lang: 'EN-GB', tag_handling: 'xml' }));
  const queue = new PQueue({ concurrency: 16, intervalCap: CAP, interval: INTERVAL, strict: true });
  try {
    const started = performance.now();
    await Promise.all(bodies.map((body) => queue.add(async () => (await fetch(`${server.url}/v2/translate`, { method: 'POST', headers, body })).text())));
    const ms = performance.now() - started;
    const stats = (await server.ask('stats')) as { rateLimited: number };
    return { ms, rateLimited: stats.rateLimited };
  } finally {
    await server.ask('close');
    await server.worker.terminate();
  }
}

export async function runMtBench(log: (line: string) => void): Promise<void> {
  log(`${SEGMENTS.toLocaleString('en-US')} segments, batches of 50, 16 requests in flight, fake DeepL limited to ${CAP} requests per ${INTERVAL} ms (429 beyond)`);
  await run(0, 7, 1_000);
  for (const [label, rate, seed] of [['no failures', 0, 1], [`${FAILURE_RATE * 100} % of requests failing`, FAILURE_RATE, 20251128]] as const) {
    const n = await run(rate, seed);
    const ratio = n.ms / n.minimumMs;
    log(
      `${label}: ${Math.round(n.ms)} ms for ${n.requests} requests (${n.retries} retries); limit's minimum ${Math.round(n.minimumMs)} ms evenly spaced ` +
        `(${n.burstMinimumMs} ms in bursts); ratio ${ratio.toFixed(3)} ` +
        `(budget ≤ ${BUDGET_RATIO}) ${ratio <= BUDGET_RATIO ? 'ok' : 'OVER'}; translated ${n.translated}, lost ${n.lost}, misattributed ${n.wrong} ${n.lost + n.wrong === 0 ? 'ok' : 'FAILED'}; ` +
        `answered 429 by the server: ${n.rateLimited}; answer time median ${Math.round(n.answerMs.median)} ms, p90 ${Math.round(n.answerMs.p90)} ms; CPU ${Math.round(n.cpuMs)} ms`,
    );
  }
  const bare = await bareRun();
  log(
    `bare client paced by p-queue's window over starts (bursts), same 200 bodies and server, no checks or cache: ${Math.round(bare.ms)} ms; ` +
      `ratio ${(bare.ms / evenMinimum(200)).toFixed(3)}; answered 429: ${bare.rateLimited}`,
  );
  const peakMb = process.resourceUsage().maxRSS / 1024;
  log(`peak RSS ${peakMb.toFixed(0)} MB (budget < ${BUDGET_MB} MB, the fake server's thread included) ${peakMb < BUDGET_MB ? 'ok' : 'OVER'}`);
}
