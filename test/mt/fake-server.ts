/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) for the machine translation fakes: it
 * records every request with its arrival time, the most requests in flight at once, and can answer
 * any request with a fault: a status (429 with Retry-After, 500, 456…), a slow answer, a body that
 * is not JSON, or a dropped connection. It can also enforce a rate limit like a provider does
 * (a sliding window over arrivals, 429 beyond it).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedRequest {
  /** Arrival time at the server, ms (performance.now()). */
  readonly at: number;
  /** Arrival time as a date, ms since 1970 (for HTTP dates). */
  readonly wallClock: number;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What to do instead of the normal answer. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'slow'; readonly ms: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'drop' };

export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Requests answered 429 by the server's own rate limit. */
  rateLimited: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Decides a fault for a request (its index among all requests); undefined: answer normally. */
  fault: (request: RecordedRequest, index: number) => Fault | undefined;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Answer 429 (Retry-After: 1) to a request that would make more than `cap` arrivals within `interval` ms. */
  readonly rateLimit?: { readonly cap: number; readonly interval: number };
}

function send(res: ServerResponse, answer: FakeAnswer): void {
  const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'Content-Type': 'application/json', ...(answer.headers ?? {}) });
  res.end(body);
}

export async function startFakeServer(handle: (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>, options: FakeServerOptions = {}): Promise<FakeServer> {
  let inFlight = 0;
  const arrivals: number[] = [];
  const state: FakeServer = {
    url: '',
    requests: [],
    rateLimited: 0,
    maxInFlight: 0,
    fault: () => undefined,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const at = performance.now();
    const wallClock = Date.now();
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: RecordedRequest = { at, wallClock, method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = state.requests.length;
      state.requests.push(request);
      void (async () => {
        if (options.rateLimit !== undefined) {
          const { cap, interval } = options.rateLimit;
          while (arrivals.length > 0 && at - arrivals[0]! >= interval) arrivals.shift();
          if (arrivals.length >= cap) {
            state.rateLimited += 1;
            send(res, { status: 429, body: { message: 'Too many requests' }, headers: { 'Retry-After': '1' } });
            return;
          }
          arrivals.push(at);
        }
        const fault = state.fault(request, index);
        if (fault?.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (fault?.kind === 'malformed') {
          send(res, { status: 200, body: '{"translations": [{"text": "tru' });
          return;
        }
        if (fault?.kind === 'status') {
          send(res, { status: fault.status, body: fault.body ?? { message: `fault ${fault.status}` }, ...(fault.headers === undefined ? {} : { headers: fault.headers }) });
          return;
        }
        if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (res.destroyed) return;
        send(res, await handle(request));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return state;
}

/** The most arrivals within any window of `interval` ms. */
export function maxInWindow(times: readonly number[], interval: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= interval) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * The fakes' "engine": glossary phrases replaced by their targets (longest first), then a few
 * German words by English ones, in the text between tags only, so tags stay where they were.
 */
const WORDS: Readonly<Record<string, string>> = {
  Der: 'The', Die: 'The', Das: 'The', der: 'the', die: 'the', das: 'the', sagte: 'said', am: 'on', Montag: 'Monday', und: 'and',
  Treffen: 'meeting', fand: 'took', statt: 'place', ist: 'is', heute: 'today', Satz: 'sentence', Nummer: 'number', ein: 'a', eine: 'a',
};

export function fakeTranslate(text: string, glossary: readonly (readonly [string, string])[] = []): string {
  const phrases = [...glossary].sort((a, b) => b[0].length - a[0].length);
  return text
    .split(/(<[^>]*>)/u)
    .map((part) => {
      if (part.startsWith('<')) return part;
      let out = part;
      const placed: string[] = [];
      for (const [source, target] of phrases) {
        out = out.split(source).join(`\u0001${placed.length}\u0002`);
        placed.push(target);
      }
      out = out.replace(/\p{L}+/gu, (w) => WORDS[w] ?? w);
      return out.replace(/\u0001(\d+)\u0002/gu, (_m, i: string) => placed[Number(i)]!);
    })
    .join('');
}
