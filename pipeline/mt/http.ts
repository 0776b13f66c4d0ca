import { performance } from 'node:perf_hooks';

/**
 * One HTTP exchange with Node's built-in `fetch`: a request, a timeout that covers reading the
 * whole answer, and the answer as text. Retries, pacing and stopping live in client.ts; what an
 * answer means lives in each provider.
 */

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text; absent for GET and DELETE. */
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** When the status line and headers arrived (performance.now()); the request reached the server before. */
  readonly receivedAt?: number;
}

/** The `fetch` the library calls; tests and benchmarks may pass another. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Largest answer read, in bytes: far above any real translation answer, far below a memory problem. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** An answer that could not be read (timeout, dropped connection, refused connection). */
export class NetworkError extends Error {
  constructor(
    message: string,
    /** True when the caller's own signal ended the request (not a timeout). */
    readonly aborted: boolean,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * A signal that aborts when any of the given ones does, and a `dispose` that detaches it again:
 * a long run makes thousands of requests on one caller signal, which must not collect a listener
 * per request.
 */
export function linkSignals(signals: readonly (AbortSignal | undefined)[]): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const attached: AbortSignal[] = [];
  const onAbort = (event: Event): void => {
    controller.abort((event.target as AbortSignal).reason);
    dispose();
  };
  const dispose = (): void => {
    for (const s of attached) s.removeEventListener('abort', onAbort);
    attached.length = 0;
  };
  for (const signal of signals) {
    if (signal === undefined) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', onAbort);
    attached.push(signal);
  }
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, dispose };
}

/** Why a fetch failed, in words a user can act on (never the request, which carries the key). */
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'the connection was dropped';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved';
  if (code !== undefined) return `network error ${code}`;
  return 'network error';
}

/** Sends one request; resolves with any HTTP status, rejects with a NetworkError. */
export async function exchange(fetchFunction: FetchFunction, request: HttpRequest, timeout: number, signal: AbortSignal | undefined): Promise<HttpResponse> {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(), timeout);
  const combined = linkSignals([timer.signal, signal]);
  try {
    const response = await fetchFunction(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: combined.signal,
      redirect: 'error',
    });
    const receivedAt = performance.now();
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_RESPONSE_BYTES) {
      await response.body?.cancel();
      throw new NetworkError(`the answer is ${length} bytes, more than ${MAX_RESPONSE_BYTES}`, false);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, receivedAt };
  } catch (error) {
    if (error instanceof NetworkError) throw error;
    if (signal?.aborted === true) throw new NetworkError('the run was interrupted', true);
    if (timer.signal.aborted) throw new NetworkError(`no complete answer within ${timeout} ms`, false);
    throw new NetworkError(describeFailure(error), false);
  } finally {
    clearTimeout(handle);
    combined.dispose();
  }
}

/**
 * The delay a `Retry-After` header asks for, in ms: seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`); Azure's `retry-after-ms` is read too. Undefined when absent
 * or unreadable; a date in the past is 0.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms !== undefined && /^\d+(?:\.\d+)?$/u.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/u.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A provider's error text from a JSON error body (`message`, `error`, `error.message`), shortened. */
export function errorDetail(text: string): string | undefined {
  let detail: unknown;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    detail = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).message : (error ?? body.message ?? body.detail);
  } catch {
    detail = text.trim() === '' ? undefined : text;
  }
  if (typeof detail !== 'string' || detail.trim() === '') return undefined;
  const oneLine = detail.replace(/\s+/gu, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
}
