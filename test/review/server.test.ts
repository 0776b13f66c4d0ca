import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkServerOptions,
  createMemoryStore,
  ReviewOptionsError,
  ReviewStoreError,
  serveReview,
  startReviewServer,
  type ReviewServer,
  type ReviewStore,
} from '../../pipeline/review/index.js';
import { articleView } from './fixtures.js';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request with exactly the headers given (fetch would set Host and Origin itself). */
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const servers: ReviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(store: ReviewStore = createMemoryStore([articleView()]), options: Partial<Parameters<typeof startReviewServer>[1]> = {}) {
  const server = await startReviewServer(store, { reviewer: 'Ana', ...options });
  servers.push(server);
  return server;
}

/** A store whose writes take `delay` ms (a slow disk); `writing` resolves when the first write starts. */
function slowStore(inner: ReviewStore, delay: number): { store: ReviewStore; writing: Promise<void> } {
  let started!: () => void;
  const writing = new Promise<void>((r) => (started = r));
  const store: ReviewStore = {
    list: () => inner.list(),
    load: (ref) => inner.load(ref),
    apply: async (ref, req) => {
      started();
      await new Promise((r) => setTimeout(r, delay));
      return inner.apply(ref, req);
    },
  };
  return { store, writing };
}

const api = '/api/documents/putin-kim/en';
const withToken = (server: ReviewServer, path: string): string => `${path}?token=${server.token}`;
const post = (server: ReviewServer, body: unknown, headers: Record<string, string> = {}) =>
  call(server.port, `${api}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Review-Token': server.token, ...headers }, body: JSON.stringify(body) });
const errorOf = (answer: Answer): { code: string; message: string } => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

describe('review server', () => {
  it('listens on 127.0.0.1 on a port the system picks, and prints an address with its token', async () => {
    const server = await start();
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const index = await call(server.port, withToken(server, '/'));
    expect(index.status).toBe(200);
    expect(index.body).toContain('putin-kim');
  });

  it('refuses every request without the token, or with a wrong one, with a JSON message', async () => {
    const server = await start();
    for (const path of ['/', api, '/review/putin-kim/en', '/assets/review.js', `${api}?token=${server.token.slice(1)}`]) {
      const answer = await call(server.port, path);
      expect(answer.status, path).toBe(401);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(errorOf(answer)).toEqual({ code: 'token-required', message: expect.stringContaining('open the address that `l10n review` printed') });
    }
    const write = await call(server.port, `${api}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ version: 'x', action: { kind: 'comment', segment: 's-title', comment: 'hi' } }) });
    expect(write.status).toBe(401);
  });

  it('answers only to its own host names (no DNS rebinding)', async () => {
    const server = await start();
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const answer = await call(server.port, withToken(server, api), { headers: { Host: host } });
      expect(answer.status, host).toBe(403);
      expect(errorOf(answer).code).toBe('host-refused');
    }
    expect((await call(server.port, withToken(server, api), { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
    // HTTP/1.0 allows a request without Host at all.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end(`GET ${withToken(server, api)} HTTP/1.0\r\n\r\n`));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 403 /u);
  });

  it('sends a strict Content-Security-Policy and no-sniff on pages, assets and errors', async () => {
    const server = await start();
    for (const path of [withToken(server, '/'), withToken(server, '/review/putin-kim/en'), withToken(server, '/assets/review.js'), '/nothing']) {
      const answer = await call(server.port, path);
      expect(answer.headers['content-security-policy'], path).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    const report = await call(server.port, withToken(server, '/report/putin-kim/en'));
    expect(report.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/]+=*'$/u);
    expect(report.body).toContain(`content="${String(report.headers['content-security-policy']).replaceAll("'", '&#39;')}"`);
  });

  it('applies an action and answers with the segment and the new version', async () => {
    const server = await start();
    const { version } = JSON.parse((await call(server.port, withToken(server, api))).body) as { version: string };
    const answer = await post(server, { version, action: { kind: 'confirm', segment: 's-title' } });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { segment: { state: string }; version: string };
    expect(body.segment.state).toBe('reviewed');
    expect(body.version).not.toBe(version);
  });

  it('refuses an action on a stale version with 409 and a message that says what to do', async () => {
    const store = createMemoryStore([articleView()]);
    const server = await start(store);
    const { version } = JSON.parse((await call(server.port, withToken(server, api))).body) as { version: string };
    store.changeSegment({ document: 'putin-kim', language: 'en' }, 's-title', (s) => ({ ...s, state: 'final' }));
    const answer = await post(server, { version, action: { kind: 'edit', segment: 's-title', target: { text: 'Mine', codes: [] } } });
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toEqual({ code: 'conflict', message: expect.stringMatching(/^not saved: the document changed since it was loaded .*Reload/u) });
    expect(store.current({ document: 'putin-kim', language: 'en' })?.segments[0]?.target?.text).toBe('Putin receives Kim in the Kremlin');
  });

  it('refuses writes that are too large, not JSON, from another origin or with a wrong method', async () => {
    const server = await start(createMemoryStore([articleView()]), { maxBodyBytes: 2048 });
    const large = await post(server, { version: 'v', action: { kind: 'comment', segment: 's-title', comment: 'x'.repeat(4000) } });
    expect([large.status, errorOf(large).code]).toEqual([413, 'too-large']);
    const form = await call(server.port, `${api}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Review-Token': server.token }, body: 'a=b' });
    expect([form.status, errorOf(form).message]).toEqual([415, 'expected Content-Type application/json, got application/x-www-form-urlencoded']);
    const broken = await call(server.port, `${api}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Review-Token': server.token }, body: '{"version": ' });
    expect([broken.status, errorOf(broken).code]).toEqual([400, 'bad-json']);
    const foreign = await post(server, { version: 'v', action: { kind: 'comment', segment: 's-title', comment: 'x' } }, { Origin: 'http://evil.example' });
    expect([foreign.status, errorOf(foreign).code]).toEqual([403, 'origin-refused']);
    const get = await call(server.port, withToken(server, `${api}/actions`));
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    const bad = await post(server, { version: 'v', action: { kind: 'publish', segment: 's-title' } });
    expect([bad.status, errorOf(bad).message]).toEqual([400, 'action.kind: expected one of edit, confirm, send-back, comment, got "publish"']);
  });

  it('answers 404 in JSON for unknown documents, segments and addresses', async () => {
    const server = await start();
    expect(errorOf(await call(server.port, withToken(server, '/api/documents/nope/en')))).toEqual({ code: 'not-found', message: 'no document "nope" in language "en"' });
    expect((await call(server.port, withToken(server, '/review/nope/en'))).status).toBe(404);
    expect((await call(server.port, withToken(server, '/etc/passwd'))).status).toBe(404);
    expect(errorOf(await call(server.port, withToken(server, '/review/%E0%A4%A/en'))).code).toBe('bad-path');
  });

  it('a store that cannot write answers 500 with its message; a defect answers without details and is reported', async () => {
    const failing = (error: Error): ReviewStore => ({ list: () => Promise.resolve([]), load: () => Promise.resolve(undefined), apply: () => Promise.reject(error) });
    const disk = await start(failing(new ReviewStoreError('translations/en/putin-kim.xlf could not be written: no space left on device', 'free some space and save again')));
    const full = await post(disk, { version: 'v', action: { kind: 'comment', segment: 's', comment: 'x' } });
    expect([full.status, errorOf(full).message]).toEqual([500, 'translations/en/putin-kim.xlf could not be written: no space left on device; free some space and save again']);
    const reported: unknown[] = [];
    const buggy = await start(failing(new TypeError('cannot read properties of undefined')), { onInternalError: (e) => reported.push(e) });
    const answer = await post(buggy, { version: 'v', action: { kind: 'comment', segment: 's', comment: 'x' } });
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('TypeError');
    expect(answer.body).not.toContain('    at ');
    expect(reported).toHaveLength(1);
  });

  it('runs the actions on one document one after the other, so a slow store cannot lose one', async () => {
    // A store that reads the version, waits (a slow disk) and then writes: run side by side, two
    // actions on the same version would both pass the check.
    const inner = createMemoryStore([articleView()]);
    const slow: ReviewStore = {
      list: () => inner.list(),
      load: (ref) => inner.load(ref),
      apply: async (ref, req) => {
        const current = await inner.load(ref);
        await new Promise((r) => setTimeout(r, 30));
        if (current?.version !== req.version) return { status: 'conflict', version: current?.version ?? '', reason: 'the document changed since it was loaded' };
        return inner.apply(ref, req);
      },
    };
    const server = await start(slow);
    const { version } = JSON.parse((await call(server.port, withToken(server, api))).body) as { version: string };
    const answers = await Promise.all(['one', 'two'].map((text) => post(server, { version, action: { kind: 'comment', segment: 's-title', comment: text } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(inner.current({ document: 'putin-kim', language: 'en' })?.segments[0]?.notes).toHaveLength(1);
  });

  it('on close, finishes the write in flight, then refuses new connections', async () => {
    const inner = createMemoryStore([articleView()]);
    const { store: slow, writing } = slowStore(inner, 150);
    const server = await startReviewServer(slow, { reviewer: 'Ana' });
    const { version } = JSON.parse((await call(server.port, withToken(server, api))).body) as { version: string };
    const inFlight = post(server, { version, action: { kind: 'comment', segment: 's-title', comment: 'kept' } });
    await writing;
    await server.close();
    expect((await inFlight).status).toBe(200);
    expect(inner.current({ document: 'putin-kim', language: 'en' })?.segments[0]?.notes.map((n) => n.text)).toEqual(['kept']);
    await expect(call(server.port, withToken(server, api))).rejects.toThrow(/ECONNREFUSED/u);
  });

  it('checks its options up front: expected X, got Y', () => {
    expect(() => checkServerOptions({ reviewer: 'Ana', port: 70000 })).toThrow(new ReviewOptionsError('port: expected a whole number from 0 to 65535, got 70000'));
    expect(() => checkServerOptions({ reviewer: '' })).toThrow('reviewer: expected a name of 1 to 100 characters on one line, got ""');
    expect(() => checkServerOptions({ reviewer: 'Ana', maxBodyBytes: 10 })).toThrow('maxBodyBytes: expected a whole number from 1024 to 16777216, got 10');
    expect(checkServerOptions({ reviewer: 'Ana' })).toMatchObject({ port: 0, maxBodyBytes: 1_048_576, pageSize: 50 });
  });
});

describe('a review session', () => {
  it('says where to go, serves until the signal, finishes writes and says it stopped', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    const store = createMemoryStore([articleView()]);
    const { store: slow, writing } = slowStore(store, 100);
    let url = '';
    const outcome = serveReview(slow, { reviewer: 'Ana' }, { say: (l) => lines.push(l), signal: controller.signal, onListening: (u) => (url = u) });
    await expect.poll(() => url).not.toBe('');
    const { port, searchParams } = new URL(url);
    const token = searchParams.get('token') ?? '';
    const { version } = JSON.parse((await call(Number(port), `${api}?token=${token}`)).body) as { version: string };
    const write = call(Number(port), `${api}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Review-Token': token }, body: JSON.stringify({ version, action: { kind: 'confirm', segment: 's-title' } }) });
    await writing;
    controller.abort();
    expect(await outcome).toEqual({ kind: 'stopped' });
    expect((await write).status).toBe(200);
    expect(store.current({ document: 'putin-kim', language: 'en' })?.segments[0]?.state).toBe('reviewed');
    expect(lines[1]).toBe(`  ${url}`);
    expect(lines.at(-1)).toBe('Stopped. Every change you saved is in the files.');
  });

  it('a busy port and bad options are outcomes with a reason, not exceptions', async () => {
    const busy = await start();
    const signal = AbortSignal.abort();
    expect(await serveReview(createMemoryStore([]), { reviewer: 'Ana', port: busy.port }, { say: () => undefined, signal })).toEqual({
      kind: 'listen',
      reason: `port ${busy.port} on 127.0.0.1 is in use`,
      hint: 'choose another with --port, or leave --port out to take a free one',
    });
    expect(await serveReview(createMemoryStore([]), { reviewer: 'Ana', port: -1 }, { say: () => undefined, signal })).toEqual({ kind: 'options', reason: 'port: expected a whole number from 0 to 65535, got -1' });
  });
});
