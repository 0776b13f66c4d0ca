/**
 * The review server: Node's `http` on 127.0.0.1, serving the index, the review pages, their two
 * assets, the static report and a small JSON API over a `ReviewStore`.
 *
 * Safety, in the order a request meets it:
 * 1. Host: only `127.0.0.1:<port>` and `localhost:<port>` (a page on another site that rebinds
 *    its DNS name to 127.0.0.1 sends its own name and is refused).
 * 2. Token: every request carries the random token of this run (`?token=` or the
 *    `X-Review-Token` header), compared in constant time; other local programs and pages never
 *    see it.
 * 3. Writes: POST only, `Content-Type: application/json`, an `Origin` (when sent) of this server,
 *    a body within `maxBodyBytes`, checked field by field (`wire.ts`).
 * 4. Every answer: a strict Content-Security-Policy (scripts and styles of this server only, no
 *    inline code, no frames, no other hosts), `nosniff`, no caching, no referrer.
 * Actions on one document run one at a time; `close()` refuses new requests, waits for the
 * actions in flight and then closes every connection.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledFile } from '../paths.js';
import { checkServerOptions, type ReviewServerOptions } from './options.js';
import { indexPage, reviewPage, ROUTES, withToken } from './pages.js';
import { renderReport, REPORT_CSP } from './report.js';
import { ReviewStoreError, type ReviewStore } from './store.js';
import type { DocumentRef } from './view.js';
import { parseActionBody, WireError } from './wire.js';

/** A running review server. */
export interface ReviewServer {
  /** The address to open: the index page with the token. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** The token of this run; every request must carry it. */
  readonly token: string;
  /** Stops: new requests are refused, actions in flight finish, connections close. */
  close(): Promise<void>;
}

/** An answer the server gives instead of what was asked for. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The page's script and style sheet, read once: they are data files beside this module. */
function loadAssets(): ReadonlyMap<string, { readonly type: string; readonly body: Buffer }> {
  return new Map([
    [ROUTES.script, { type: 'text/javascript; charset=utf-8', body: readFileSync(bundledFile('pipeline/review/page/review.js')) }],
    [ROUTES.style, { type: 'text/css; charset=utf-8', body: readFileSync(bundledFile('pipeline/review/page/review.css')) }],
  ]);
}

/**
 * Starts the server on 127.0.0.1. Throws ReviewOptionsError for bad options, and the listen error
 * (`EADDRINUSE`, `EACCES`) when the port cannot be had.
 */
export async function startReviewServer(store: ReviewStore, options: ReviewServerOptions): Promise<ReviewServer> {
  const settings = checkServerOptions(options);
  const assets = loadAssets();
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();
  const documentQueues = new Map<string, Promise<unknown>>();

  /** Runs actions on one document one after the other, and remembers them for `close()`. */
  const serialized = <T>(ref: DocumentRef, work: () => Promise<T>): Promise<T> => {
    const key = JSON.stringify([ref.document, ref.language]);
    const previous = documentQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    documentQueues.set(key, settled);
    inFlight.add(settled);
    void settled.then(() => {
      inFlight.delete(settled);
      if (documentQueues.get(key) === settled) documentQueues.delete(key);
    });
    return next;
  };

  const guard = (request: IncomingMessage): URL => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      throw new HttpProblem(403, 'host-refused', `this server answers only to 127.0.0.1:${port} and localhost:${port}, not to host "${host.slice(0, 100)}"`);
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const given = request.headers['x-review-token'] ?? url.searchParams.get('token') ?? '';
    const givenBytes = Buffer.from(typeof given === 'string' ? given : '');
    if (givenBytes.length !== tokenBytes.length || !timingSafeEqual(givenBytes, tokenBytes)) {
      throw new HttpProblem(401, 'token-required', 'this address needs the token of this review session: open the address that `l10n review` printed, with its ?token=…');
    }
    if (closing) throw new HttpProblem(503, 'stopping', 'the review server is stopping: start `l10n review` again', { Connection: 'close' });
    return url;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = guard(request);
    const parts = pathParts(url.pathname);
    const method = request.method ?? 'GET';
    const onlyGet = (): void => {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpProblem(405, 'method-not-allowed', `${method} is not allowed here; use GET`, { Allow: 'GET, HEAD' });
    };

    if (url.pathname === ROUTES.index) {
      onlyGet();
      return send(response, 200, 'text/html; charset=utf-8', indexPage(await store.list(), token));
    }
    const asset = assets.get(url.pathname);
    if (asset !== undefined) {
      onlyGet();
      return send(response, 200, asset.type, asset.body);
    }
    if (parts.length === 3 && (parts[0] === 'review' || parts[0] === 'report')) {
      onlyGet();
      const ref = { document: parts[1] ?? '', language: parts[2] ?? '' };
      if (parts[0] === 'review') {
        if (!(await exists(store, ref))) throw notFound(ref);
        return send(response, 200, 'text/html; charset=utf-8', reviewPage(ref, token, settings.pageSize));
      }
      const loaded = await store.load(ref);
      if (loaded === undefined) throw notFound(ref);
      // The report is the file `build` writes: its own policy allows its inline style sheet only.
      return send(response, 200, 'text/html; charset=utf-8', renderReport(loaded.view), { 'Content-Security-Policy': REPORT_CSP });
    }
    if (parts[0] === 'api' && parts[1] === 'documents') {
      if (parts.length === 2) {
        onlyGet();
        return sendJson(response, 200, { documents: await store.list() });
      }
      const ref = { document: parts[2] ?? '', language: parts[3] ?? '' };
      if (parts.length === 4) {
        onlyGet();
        const loaded = await store.load(ref);
        if (loaded === undefined) throw notFound(ref);
        return sendJson(response, 200, loaded);
      }
      if (parts.length === 5 && parts[4] === 'actions') {
        if (method !== 'POST') throw new HttpProblem(405, 'method-not-allowed', `${method} is not allowed here; send the action with POST`, { Allow: 'POST' });
        return applyAction(request, response, ref);
      }
    }
    throw new HttpProblem(404, 'not-found', `nothing at ${url.pathname.slice(0, 200)}`);
  };

  const applyAction = async (request: IncomingMessage, response: ServerResponse, ref: DocumentRef): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      throw new HttpProblem(403, 'origin-refused', `actions are accepted only from this server's own pages, not from ${origin.slice(0, 100)}`);
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpProblem(415, 'json-required', `expected Content-Type application/json, got ${type === '' ? 'none' : type}`);
    const body = await readJson(request, settings.maxBodyBytes);
    let parsed;
    try {
      parsed = parseActionBody(body);
    } catch (error) {
      if (error instanceof WireError) throw new HttpProblem(400, 'bad-action', error.message);
      throw error;
    }
    const { action, version } = parsed;
    const result = await serialized(ref, () => store.apply(ref, { action, version, author: settings.reviewer, time: settings.now().toISOString() }));
    switch (result.status) {
      case 'applied':
        return sendJson(response, 200, { segment: result.segment, version: result.version });
      case 'conflict':
        return sendJson(response, 409, {
          error: {
            code: 'conflict',
            message: `not saved: ${result.reason} (someone saved it in another window or a tool). Reload to see the current version; your text stays in its field.`,
          },
          version: result.version,
        });
      case 'not-found':
        throw new HttpProblem(404, 'not-found', result.reason);
      case 'invalid':
        throw new HttpProblem(422, 'invalid-action', result.reason);
    }
  };

  const server = createServer({ maxHeaderSize: 16_384, requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      const problem =
        error instanceof HttpProblem
          ? error
          : error instanceof ReviewStoreError
            ? new HttpProblem(500, 'store', error.hint === undefined ? error.message : `${error.message}; ${error.hint}`)
            : new HttpProblem(500, 'internal', 'the review server could not answer this request; see the terminal where `l10n review` runs');
      if (problem.code === 'internal') settings.onInternalError(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendJson(response, problem.status, { error: { code: problem.code, message: problem.message } }, problem.headers);
      // A body that was refused before it was read is not drained: the connection goes.
      if (!request.complete) response.once('finish', () => request.destroy());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: origin + withToken(ROUTES.index, token),
    origin,
    port,
    token,
    close(): Promise<void> {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.all([...inFlight]);
        // Answers to those actions are on their way; a connection still open a moment later is
        // one that nobody is waiting on.
        const cut = setTimeout(() => server.closeAllConnections(), 1_000);
        server.closeIdleConnections();
        await stopped;
        clearTimeout(cut);
      })();
      return closed;
    },
  };
}

/** The decoded segments of a path (`/api/documents/a%2Fb/en` → api, documents, a/b, en). */
function pathParts(pathname: string): string[] {
  try {
    return pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  } catch {
    throw new HttpProblem(400, 'bad-path', 'the address is not valid: a % that starts no character');
  }
}

async function exists(store: ReviewStore, ref: DocumentRef): Promise<boolean> {
  return (await store.list()).some((s) => s.document === ref.document && s.language === ref.language);
}

function notFound(ref: DocumentRef): HttpProblem {
  return new HttpProblem(404, 'not-found', `no document "${ref.document.slice(0, 200)}" in language "${ref.language.slice(0, 50)}"`);
}

/** Reads a JSON body of at most `limit` bytes. */
async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  const tooLarge = (): HttpProblem => new HttpProblem(413, 'too-large', `the request is larger than ${limit} bytes; send one segment's action at a time`);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpProblem(400, 'bad-json', 'the request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpProblem(400, 'bad-json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Readonly<Record<string, string>> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': String(bytes.length) });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}
