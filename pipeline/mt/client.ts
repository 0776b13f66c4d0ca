/**
 * The way every request reaches a provider: a p-queue that caps the requests in flight
 * (`concurrency`), a window that paces them (at most `intervalCap` within any `interval`, as the
 * provider counts them); a timeout per request; retries with exponential backoff and jitter on 429,
 * 5xx, timeouts, dropped connections and unreadable answers; `Retry-After` honoured (a 429 also
 * pauses the queue for that long); and a clear stop on a refused key or an exhausted quota.
 *
 * Pacing: providers count requests when they arrive, and arrival lags the start by a delay that
 * varies (the first request of a process waits for Node's HTTP client to load; a busy machine
 * writes a request tens or hundreds of milliseconds after it was started), so a window over starts
 * lets a provider see more than `intervalCap` arrivals in one of its windows. What the client
 * knows for sure is that a request had arrived by the time its answer began to come back. So a
 * request takes a place in the window when it starts (not while it waits for a turn in flight)
 * and keeps it until `interval` after its answer began to arrive: request n + `intervalCap` then
 * starts at least `interval` after request n arrived, however late that was. Starts are spaced
 * evenly, `interval / intervalCap` apart, so the requests reach the provider as a steady stream
 * (no burst whose tail the next window's burst collides with, no queue of answers at the provider
 * that would make every answer, and so every place, late): a run of N requests takes about
 * N × `interval` / `intervalCap` plus one answer time per `interval`.
 *
 * Every attempt, retries included, takes a place, so retries never exceed the rate. A stop
 * removes the waiting requests but lets those under way finish: their answers are paid for.
 */
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';
import type { Message } from '../model.js';
import { exchange, linkSignals, NetworkError, retryAfterMs, type FetchFunction, type HttpRequest, type HttpResponse } from './http.js';
import type { MtRetry, MtThrottle } from './options.js';
import type { Scrub } from './secrets.js';

/** What a provider makes of a non-2xx answer. */
export type Verdict =
  | { readonly kind: 'retry'; readonly reason: string }
  /** The request is too large for the provider: the caller may split the batch. */
  | { readonly kind: 'too-large'; readonly reason: string }
  /** This request cannot succeed; others may. */
  | { readonly kind: 'fail'; readonly reason: string; readonly hint?: string }
  /** No request can succeed (key refused, quota exhausted, wrong endpoint): the run stops. */
  | { readonly kind: 'stop'; readonly ruleId: string; readonly reason: string; readonly hint: string };

/** Thrown by a reader of a 2xx answer that cannot be read at all (truncated, not JSON): retried. */
export class MalformedAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnswer';
  }
}

/** A request that failed for good: its segments fail, the run goes on. */
export class RequestFailed extends Error {
  constructor(
    readonly detail: Message,
    readonly tooLarge: boolean,
  ) {
    super(detail.reason);
    this.name = 'RequestFailed';
  }
}

/** The provider refuses every further request; the run stops, keeping what is done. */
export class RunStopped extends Error {
  constructor(readonly detail: Message) {
    super(detail.reason);
    this.name = 'RunStopped';
  }
}

/** The caller's signal ended the run. */
export class RunInterrupted extends Error {
  constructor() {
    super('the run was interrupted');
    this.name = 'RunInterrupted';
  }
}

/** Counts of one job, updated as requests go out. */
export interface RequestCounters {
  requests: number;
  retries: number;
}

export interface ClientOptions {
  /** Provider name for messages, e.g. `DeepL`. */
  readonly label: string;
  readonly throttle: MtThrottle;
  readonly retry: MtRetry;
  readonly timeout: number;
  readonly fetch: FetchFunction;
  readonly scrub: Scrub;
  /** Random numbers in [0, 1) for jitter. Default Math.random. */
  readonly random?: () => number;
}

/** One call's context: the job's signal and counters, and a listener for retries. */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly counters: RequestCounters;
  readonly onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

/** Turns an HTTP status into a verdict the way most providers mean it; providers handle their own codes first. */
export function genericVerdict(status: number, label: string, detail: string | undefined): Verdict {
  const said = detail === undefined ? '' : `: ${detail}`;
  if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'retry', reason: `${label} answered ${status}${said}` };
  if (status === 413) return { kind: 'too-large', reason: `${label} refused the request as too large (413)${said}` };
  if (status === 401 || status === 403) {
    return { kind: 'stop', ruleId: 'mt/key-refused', reason: `${label} refused the API key (${status})${said}`, hint: 'check the key in the environment variable and that it belongs to this endpoint' };
  }
  if (status === 404) {
    return { kind: 'stop', ruleId: 'mt/endpoint', reason: `${label} has no such endpoint or model (404)${said}`, hint: 'check mt.endpoint (and the model name)' };
  }
  return { kind: 'fail', reason: `${label} refused the request (${status})${said}` };
}

/** Sleeps, or rejects with the signal's reason when it aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The pacing window: at most `cap` requests hold a place at once. A place is taken when a request
 * starts and given back `interval` ms after the request surely reached the provider (`leave`).
 * Starts are also spaced evenly, `interval / cap` apart: a provider that counts arrivals in any
 * window then sees a steady stream rather than bursts at the window's edge, whose arrivals bunch up
 * (a burst of `cap` requests started together reaches the provider in a different order and spread
 * than it was sent, and the next burst collides with its tail). With spacing, the place a request
 * waits for is nearly always free by its turn, so the run goes at `cap` per `interval` plus one
 * answer time per `interval`, not per request.
 */
/**
 * Timers fire on whole milliseconds and a provider counts its window on its own clock: a place is
 * given back this much later than `interval` exactly, so the request that takes it never lands in
 * the provider's window of the one that left it.
 */
const CLOCK_MARGIN_MS = 2;

class ArrivalWindow {
  private taken = 0;
  private readonly waiting: Array<{ readonly enter: () => void }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Gap between two starts, in ms. */
  private readonly spacing: number;
  /** Earliest start (performance.now()) of the next request to take a place. */
  private nextStart = 0;

  constructor(
    private readonly cap: number,
    private readonly interval: number,
  ) {
    this.spacing = interval / cap;
  }

  /** Resolves once a place is free (taking it) and the request's turn to start has come, or rejects with the signal's reason. */
  async enter(signal: AbortSignal): Promise<void> {
    await this.takePlace(signal);
    // Turns are handed out in the order places are taken, so requests start in the order they waited.
    // A request that got its place late (the event loop was busy, a place was still held) lets the
    // next ones catch up on the schedule, by at most a quarter of the interval, so a moment's delay
    // is not carried to the end of the run; the places still bound what any window sees.
    const now = performance.now();
    const due = Math.max(this.nextStart, now - Math.max(this.spacing, this.interval / 4));
    const turn = Math.max(now, due);
    this.nextStart = due + this.spacing;
    if (turn - now < 1) return;
    try {
      await sleep(turn - now, signal);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  private takePlace(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (this.taken < this.cap && this.waiting.length === 0) {
      this.taken += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        enter: () => {
          signal.removeEventListener('abort', onAbort);
          this.taken += 1;
          resolve();
        },
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(waiter);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** The request holding a place had reached the provider by `reachedBy` (performance.now()): the place frees `interval` later. */
  leave(reachedBy: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.free();
    }, Math.max(0, reachedBy + this.interval + CLOCK_MARGIN_MS - performance.now()));
    this.timers.add(timer);
  }

  private free(): void {
    this.taken = Math.max(0, this.taken - 1);
    const next = this.waiting.shift();
    next?.enter();
  }

  /** Frees every place at once (the client closes). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.taken = 0;
    for (const waiter of this.waiting.splice(0)) waiter.enter();
  }
}

export class ProviderClient {
  /** Requests in flight: `concurrency`. */
  private readonly flights: PQueue;
  /** Places in the pacing window: `intervalCap`, each held until `interval` after its request's answer began to arrive. */
  private readonly window: ArrivalWindow;
  private readonly stopController = new AbortController();
  private readonly random: () => number;
  private resumeTimer: NodeJS.Timeout | undefined;
  private resumeAt = 0;
  private stopMessage: Message | undefined;

  constructor(private readonly options: ClientOptions) {
    const { throttle } = options;
    this.flights = new PQueue({ concurrency: throttle.concurrency });
    this.window = new ArrivalWindow(throttle.intervalCap, throttle.interval);
    this.random = options.random ?? Math.random;
    // Every waiting request listens on this signal: thousands of listeners are expected.
    setMaxListeners(0, this.stopController.signal);
  }

  /** Why the provider stopped taking requests, once it has. */
  get stopped(): Message | undefined {
    return this.stopMessage;
  }

  /** Stops the provider: waiting requests are dropped, requests under way finish. */
  stop(detail: Message): void {
    if (this.stopMessage !== undefined) return;
    this.stopMessage = detail;
    this.stopController.abort(new RunStopped(detail));
  }

  /** Pauses the queue, so no request starts before `ms` from now (a 429 speaks for the account, not one request). */
  private coolDown(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.resumeAt) return;
    this.resumeAt = until;
    this.flights.pause();
    if (this.resumeTimer !== undefined) clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      this.flights.start();
    }, ms);
  }

  private message(ruleId: string, reason: string, hint?: string): Message {
    const { scrub } = this.options;
    return { reason: scrub(reason), ruleId, source: 'mt', severity: 'error', ...(hint === undefined ? {} : { hint: scrub(hint) }) };
  }

  /**
   * Sends a request until an answer is read, retrying what may pass. `read` turns a 2xx answer into
   * the result (throwing MalformedAnswer for an unreadable one); `judge` turns any other answer into
   * a verdict. Throws RequestFailed, RunStopped or RunInterrupted.
   */
  async call<T>(request: HttpRequest, read: (response: HttpResponse) => T, judge: (response: HttpResponse) => Verdict, context: CallContext): Promise<T> {
    const { retry, label } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      if (this.stopMessage !== undefined) throw new RunStopped(this.stopMessage);
      if (context.signal.aborted) throw new RunInterrupted();
      let response: HttpResponse | undefined;
      let verdict: Verdict | undefined;
      let retryReason = '';
      try {
        ({ response, verdict } = await this.send(request, judge, context, attempt));
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        if (error.aborted) throw new RunInterrupted();
        retryReason = `${label}: ${error.message}`;
      }
      if (response !== undefined) {
        if (verdict === undefined) {
          try {
            return read(response);
          } catch (error) {
            if (!(error instanceof MalformedAnswer)) throw error;
            retryReason = `${label} sent an answer that cannot be read: ${error.message}`;
          }
        } else {
          if (verdict.kind === 'stop') throw new RunStopped(this.stopMessage!);
          if (verdict.kind === 'fail' || verdict.kind === 'too-large') {
            throw new RequestFailed(this.message('mt/request-failed', verdict.reason, verdict.kind === 'fail' ? verdict.hint : undefined), verdict.kind === 'too-large');
          }
          retryReason = verdict.reason;
        }
      }
      if (attempt >= retry.maxRetries) {
        throw new RequestFailed(this.message('mt/request-failed', `${retryReason} (gave up after ${attempt + 1} attempts)`, 'run again later: what was translated is kept'), false);
      }
      const asked = response === undefined ? undefined : retryAfterMs(response.headers);
      // Retry-After is a floor; a little jitter on top keeps waiting requests from returning at once.
      const delay = Math.round(asked === undefined ? this.backoff(attempt) : asked + this.random() * Math.min(1_000, asked * 0.1));
      context.counters.retries += 1;
      context.onRetry?.(attempt + 1, delay, this.options.scrub(retryReason));
      const wait = linkSignals([context.signal, this.stopController.signal]);
      try {
        await sleep(delay, wait.signal);
      } catch (error) {
        if (error instanceof RunStopped) throw error;
        throw new RunInterrupted();
      } finally {
        wait.dispose();
      }
    }
  }

  /**
   * One attempt: a turn among the requests in flight, then a place in the window. Resolves with the
   * answer, and for a non-2xx one its verdict, as soon as it arrives. A stop verdict stops the
   * provider inside the flight, before the next request starts.
   */
  private async send(request: HttpRequest, judge: (response: HttpResponse) => Verdict, context: CallContext, attempt: number): Promise<{ response: HttpResponse; verdict: Verdict | undefined }> {
    // While waiting, a stop or the caller's signal removes the request; once started, only the
    // caller's signal ends it (a stop lets the answer arrive: it is paid for).
    const waiting = linkSignals([context.signal, this.stopController.signal]);
    try {
      return await this.flights.add(
        async () => {
          await this.window.enter(waiting.signal);
          waiting.dispose();
          // When the request surely had reached the provider: its answer's headers, or the failure.
          let reachedBy = performance.now();
          try {
            if (this.stopMessage !== undefined) throw new RunStopped(this.stopMessage);
            context.counters.requests += 1;
            const response = await exchange(this.options.fetch, request, this.options.timeout, context.signal);
            reachedBy = response.receivedAt ?? performance.now();
            return this.verdictOn(response, judge, attempt);
          } catch (error) {
            reachedBy = performance.now();
            throw error;
          } finally {
            this.window.leave(reachedBy);
          }
        },
        { signal: waiting.signal },
      );
    } catch (error) {
      if (error instanceof RunStopped || error instanceof NetworkError) throw error;
      if (this.stopMessage !== undefined) throw new RunStopped(this.stopMessage);
      if (context.signal.aborted) throw new RunInterrupted();
      throw error;
    } finally {
      waiting.dispose();
    }
  }

  /** The answer and, for a non-2xx one, what it means; decided before the next request starts: a stop, or a 429's pause. */
  private verdictOn(response: HttpResponse, judge: (response: HttpResponse) => Verdict, attempt: number): { response: HttpResponse; verdict: Verdict | undefined } {
    if (response.status >= 200 && response.status < 300) return { response, verdict: undefined };
    let verdict = judge(response);
    if (verdict.kind === 'retry') {
      const { maxRetryAfter } = this.options.retry;
      const asked = retryAfterMs(response.headers);
      if (asked !== undefined && asked > maxRetryAfter) {
        verdict = {
          kind: 'stop',
          ruleId: 'mt/rate-limited',
          reason: `${verdict.reason}; it asks to wait ${Math.ceil(asked / 1000)} s, longer than mt.retry.maxRetryAfter (${Math.ceil(maxRetryAfter / 1000)} s)`,
          hint: 'run again later: what was translated is kept and will not be sent again',
        };
      } else if (response.status === 429) this.coolDown(asked ?? this.backoff(attempt));
    }
    if (verdict.kind === 'stop') this.stop(this.message(verdict.ruleId, verdict.reason, verdict.hint));
    return { response, verdict };
  }

  /** The exponential delay before retry number `attempt + 1`, with jitter: 50–100 % of base × 2^attempt, capped. */
  private backoff(attempt: number): number {
    const { baseDelay, maxDelay } = this.options.retry;
    return Math.min(maxDelay, baseDelay * 2 ** attempt) * (0.5 + 0.5 * this.random());
  }

  /** Releases timers. Requests still waiting fail as not sent (a run under way ends with what it has). */
  close(): void {
    this.stop({ reason: 'the translator was closed', ruleId: 'mt/closed', source: 'mt', severity: 'error' });
    if (this.resumeTimer !== undefined) clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
    this.flights.start();
    this.window.close();
  }
}

