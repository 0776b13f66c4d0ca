/**
 * What a paid API does on a bad day: 429 with Retry-After, 5xx, slow answers, broken bodies,
 * dropped connections, a quota that runs out, a user who presses Ctrl-C. Nothing answered is lost,
 * duplicated or given to the wrong segment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../pipeline/bench/random.js';
import type { MachineTranslator, MtJob, MtProgressEvent, MtTranslated } from '../../pipeline/mt/index.js';
import { startFakeDeepL, type FakeDeepL } from './fake-deepl.js';
import type { Fault } from './fake-server.js';
import { closeAfterEach, sentences, translatorFor } from './helpers.js';

const KEY = 'resilience-key';
const opened = closeAfterEach();

const job = (segments: MtJob['segments']): MtJob => ({ sourceLanguage: 'de', targetLanguage: 'en', segments });

async function setUp(input: Partial<Parameters<typeof translatorFor>[0]> = {}) {
  const fake = opened.track(await startFakeDeepL(KEY));
  const dir = opened.dir();
  const make = (more: Partial<Parameters<typeof translatorFor>[0]> = {}): MachineTranslator =>
    opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url, throttle: { concurrency: 1, intervalCap: 1000, interval: 1000 }, ...input, ...more }, dir, { DEEPL_AUTH_KEY: KEY }));
  return { fake, dir, make };
}

const translateCalls = (fake: FakeDeepL) => fake.requests.filter((r) => r.path === '/v2/translate');

/** Every segment translated, each with the answer to its own text. */
function expectAllOwnAnswers(result: Awaited<ReturnType<MachineTranslator['translate']>>, segments: MtJob['segments']): void {
  expect(result.outcomes.size).toBe(segments.length);
  for (const segment of segments) {
    const outcome = result.outcomes.get(segment.id) as MtTranslated;
    expect(outcome.status).toBe('translated');
    // The unique word of the sentence ("bxyz") comes back in its own segment's target.
    expect(outcome.target.text).toContain(/Satz (\w+)/u.exec(segment.text)![1]!);
  }
}

describe('retries', () => {
  it('waits as long as Retry-After says in seconds, and pauses the other requests too', async () => {
    const { fake, make } = await setUp({ throttle: { concurrency: 2, intervalCap: 1000, interval: 1000 }, batch: { maxSegments: 1 } });
    // The 429 comes back at once; the request beside it takes a while, so nothing else starts before the 429 is seen.
    fake.fault = (_r, i) => (i === 0 ? { kind: 'status', status: 429, body: { message: 'Too many requests' }, headers: { 'Retry-After': '1' } } : { kind: 'slow', ms: 200 });
    const result = await make().translate(job(sentences(4)));
    expect(result.summary).toMatchObject({ translated: 4, retries: 1 });
    const refused = fake.requests[0]!;
    // Every request after the two that started together waits for the Retry-After.
    const later = fake.requests.slice(2);
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.at - refused.at).toBeGreaterThanOrEqual(1000);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const { fake, make } = await setUp();
    let until = 0;
    fake.fault = (r, i) => {
      if (i !== 0) return undefined;
      until = Math.ceil((r.wallClock + 1500) / 1000) * 1000;
      return { kind: 'status', status: 503, headers: { 'Retry-After': new Date(until).toUTCString() } };
    };
    const result = await make().translate(job(sentences(1)));
    expect(result.summary.translated).toBe(1);
    expect(fake.requests[1]!.wallClock).toBeGreaterThanOrEqual(until);
  });

  it('retries a 500, a slow answer past the timeout, a body that is not JSON and a dropped connection', async () => {
    const faults: Fault[] = [{ kind: 'status', status: 500 }, { kind: 'slow', ms: 1500 }, { kind: 'malformed' }, { kind: 'drop' }];
    for (const fault of faults) {
      const { fake, make } = await setUp({ timeout: 300 });
      fake.fault = (_r, i) => (i === 0 ? fault : undefined);
      const segments = sentences(3);
      const result = await make().translate(job(segments));
      expect(result.summary).toMatchObject({ translated: 3, retries: 1, requests: 2, failed: 0 });
      expectAllOwnAnswers(result, segments);
    }
  });

  it('gives up on a batch after the configured retries and fails only its segments', async () => {
    const { fake, make } = await setUp({ batch: { maxSegments: 2 }, retry: { maxRetries: 2 } });
    fake.fault = (r) => (r.body.includes('Satz sba ') ? { kind: 'status', status: 502 } : undefined);
    const result = await make().translate(job(sentences(6)));
    expect(result.outcomes.get('s0')).toMatchObject({ status: 'failed', reason: { ruleId: 'mt/request-failed', unit: 's0' } });
    expect((result.outcomes.get('s0') as { reason: { reason: string } }).reason.reason).toMatch(/gave up after 3 attempts/u);
    expect(result.summary).toMatchObject({ translated: 4, failed: 2, retries: 2 });
  });

  it('stops instead of waiting when Retry-After asks for longer than allowed, keeping what was done', async () => {
    const { fake, make } = await setUp({ batch: { maxSegments: 1 }, retry: { maxRetryAfter: 5_000 } });
    fake.fault = (_r, i) => (i === 2 ? { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } } : undefined);
    const result = await make().translate(job(sentences(5)));
    expect(result.summary).toMatchObject({ translated: 2, failed: 3, stopped: { ruleId: 'mt/rate-limited' } });
    expect(result.summary.stopped?.reason).toMatch(/asks to wait 3600 s/u);
  });

  it('stops at once on a refused key (403), sending nothing more', async () => {
    const { fake, dir } = await setUp();
    const t = opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url, batch: { maxSegments: 1 }, throttle: { concurrency: 1, intervalCap: 1000, interval: 1000 } }, dir, { DEEPL_AUTH_KEY: 'not-the-key' }));
    const result = await t.translate(job(sentences(5)));
    expect(fake.requests).toHaveLength(1);
    expect(result.summary).toMatchObject({ failed: 5, stopped: { ruleId: 'mt/key-refused' } });
  });
});

describe('nothing lost, doubled or misattributed', () => {
  it('with 15% of requests failing in every way, every segment gets its own answer exactly once', async () => {
    const { fake, dir, make } = await setUp({ throttle: { concurrency: 4, intervalCap: 1000, interval: 1000 }, batch: { maxSegments: 7 }, timeout: 400, retry: { maxRetries: 8 } });
    const random = seededRandom(20251128);
    const kinds: Fault[] = [{ kind: 'status', status: 500 }, { kind: 'status', status: 429 }, { kind: 'malformed' }, { kind: 'drop' }, { kind: 'slow', ms: 800 }];
    fake.fault = () => (random() < 0.15 ? kinds[Math.floor(random() * kinds.length)] : undefined);
    const segments = sentences(300);
    const result = await make().translate(job(segments));
    expectAllOwnAnswers(result, segments);
    expect(result.summary.retries).toBeGreaterThan(0);
    // Each text was answered once: the cache holds one line per segment.
    const lines = readFileSync(path.join(dir, 'mt-deepl-de-en.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(300);
  });
});

describe('interrupted runs', () => {
  it('keeps every answer that arrived before Ctrl-C and resumes with the rest', async () => {
    const { fake, dir, make } = await setUp({ batch: { maxSegments: 5 } });
    const segments = sentences(40);
    const controller = new AbortController();
    const events: MtProgressEvent[] = [];
    const first = await make().translate(job(segments), {
      signal: controller.signal,
      onProgress: (event) => {
        events.push(event);
        if (event.type === 'progress' && event.done >= 15) controller.abort();
      },
    });
    expect(first.summary.interrupted).toBe(true);
    const done = [...first.outcomes.values()].filter((o) => o.status === 'translated');
    const interrupted = [...first.outcomes.values()].filter((o) => o.status === 'failed' && o.reason.ruleId === 'mt/interrupted');
    expect(done.length).toBeGreaterThanOrEqual(15);
    expect(done.length + interrupted.length).toBe(40);
    expect(events[0]).toEqual({ type: 'start', targetLanguage: 'en', total: 40, cached: 0, toSend: 40 });
    const cacheLines = readFileSync(path.join(dir, 'mt-deepl-de-en.jsonl'), 'utf8').trim().split('\n');
    expect(cacheLines).toHaveLength(done.length);

    const sentBefore = translateCalls(fake).reduce((n, r) => n + (JSON.parse(r.body) as { text: string[] }).text.length, 0);
    const second = await make().translate(job(segments));
    const sentAfter = translateCalls(fake).reduce((n, r) => n + (JSON.parse(r.body) as { text: string[] }).text.length, 0);
    expect(second.summary).toMatchObject({ translated: 40, cached: done.length, sent: 40 - done.length });
    expect(sentAfter - sentBefore).toBe(40 - done.length);
    expectAllOwnAnswers(second, segments);
  });

  it('resumes after a crash that tore the cache\'s last line', async () => {
    const { fake, dir, make } = await setUp({ batch: { maxSegments: 4 } });
    const segments = sentences(12);
    await make().translate(job(segments));
    const file = path.join(dir, 'mt-deepl-de-en.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
    // The process died while writing the last answer.
    writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n${lines[10]!.slice(0, 30)}`);
    const before = translateCalls(fake).length;
    const result = await make().translate(job(segments));
    expect(result.summary).toMatchObject({ translated: 12, cached: 10, sent: 2 });
    expect(translateCalls(fake).length).toBe(before + 1);
    expect(result.messages).toEqual([]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(12);
  });
});

describe('closing', () => {
  it('ends a run under way when the translator is closed: what arrived is kept, the rest is not sent', async () => {
    const { fake, make } = await setUp({ batch: { maxSegments: 1 } });
    fake.fault = () => ({ kind: 'slow', ms: 100 });
    const translator = make();
    const running = translator.translate(job(sentences(10)));
    await new Promise((resolve) => setTimeout(resolve, 250));
    translator.close();
    const result = await running;
    expect(result.summary.stopped).toMatchObject({ ruleId: 'mt/closed' });
    expect(result.summary.translated + result.summary.failed).toBe(10);
    expect(result.summary.translated).toBe(fake.requests.length);
  });
});
