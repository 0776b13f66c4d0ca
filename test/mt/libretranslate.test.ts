import { describe, expect, it } from 'vitest';
import type { MtJob, MtTranslated } from '../../pipeline/mt/index.js';
import { startFakeLibreTranslate } from './fake-libretranslate.js';
import { closeAfterEach, seg, sentences, translatorFor } from './helpers.js';

const KEY = 'lt-key-93b1f2';
const opened = closeAfterEach();

async function setUp(env: Record<string, string>, options: Parameters<typeof startFakeLibreTranslate>[0] = { key: KEY }) {
  const fake = opened.track(await startFakeLibreTranslate(options));
  const translator = opened.track(translatorFor({ provider: 'libretranslate', endpoint: fake.url, throttle: { intervalCap: 1000, interval: 1000 } }, opened.dir(), env));
  return { fake, translator };
}

const job = (segments: MtJob['segments']): MtJob => ({ sourceLanguage: 'de', targetLanguage: 'en', segments });

describe('LibreTranslate', () => {
  it('sends a list of texts as HTML with the key in the body, and reads the answers in order', async () => {
    const { fake, translator } = await setUp({ LIBRETRANSLATE_API_KEY: KEY });
    const segments = [seg('a', 'Der <1>Satz</1> ist da<2/>.'), ...sentences(30)];
    const result = await translator.translate(job(segments));
    expect(fake.bodies[0]).toMatchObject({ source: 'de', target: 'en', format: 'html', api_key: KEY });
    expect(fake.bodies[0]!.q[0]).toBe('Der <g id="1">Satz</g> ist da<x id="2"/>.');
    expect(fake.bodies.map((b) => b.q.length)).toEqual([25, 6]);
    expect((result.outcomes.get('a') as MtTranslated).target).toEqual({ text: 'The sentence is da.', codes: [{ id: '1', kind: 'open', at: 4 }, { id: '1', kind: 'close', at: 12 }, { id: '2', kind: 'standalone', at: 18 }] });
    expect(result.summary).toMatchObject({ translated: 31, requests: 2 });
  });

  it('stops when the server refuses the key (403 Invalid API key)', async () => {
    const { fake, translator } = await setUp({ LIBRETRANSLATE_API_KEY: 'wrong' });
    const result = await translator.translate(job(sentences(60)));
    // The two requests allowed in flight at once went out; the third never did.
    expect(fake.requests).toHaveLength(2);
    expect(result.summary).toMatchObject({ failed: 60, stopped: { ruleId: 'mt/key-refused' } });
    expect(result.summary.stopped?.reason).toBe('LibreTranslate refused the API key (403): Invalid API key');
  });

  it('waits and retries on "Slowdown" (429), and stops when the address is banned', async () => {
    const { fake, translator } = await setUp({}, {});
    fake.fault = (_r, i) => (i === 0 ? { kind: 'status', status: 429, body: { error: 'Slowdown: 30 per 1 minute' } } : undefined);
    const slowed = await translator.translate(job(sentences(2)));
    expect(slowed.summary).toMatchObject({ translated: 2, retries: 1, requests: 2 });
    fake.fault = () => ({ kind: 'status', status: 403, body: { error: 'Too many request limits violations' } });
    const banned = await translator.translate(job(sentences(2, 'x')));
    expect(banned.summary.stopped).toMatchObject({ ruleId: 'mt/rate-limited' });
  });

  it('splits a batch the server says is over its limit', async () => {
    const { fake, translator } = await setUp({}, {});
    fake.fault = (r) => ((JSON.parse(r.body) as { q: string[] }).q.length > 10 ? { kind: 'status', status: 400, body: { error: 'Invalid request: request (25) exceeds batch limit (10)' } } : undefined);
    const result = await translator.translate(job(sentences(25)));
    expect(result.summary.translated).toBe(25);
    expect(fake.bodies.map((b) => b.q.length).filter((n) => n <= 10).reduce((a, b) => a + b, 0)).toBe(25);
  });
});
