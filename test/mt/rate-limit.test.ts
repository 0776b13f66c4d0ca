/**
 * Pacing, proven by the fake server's arrival timestamps compared with the configured window (never
 * by how long the test took).
 */
import { describe, expect, it } from 'vitest';
import type { MtJob } from '../../pipeline/mt/index.js';
import { startFakeDeepL } from './fake-deepl.js';
import { maxInWindow } from './fake-server.js';
import { closeAfterEach, sentences, translatorFor } from './helpers.js';

const KEY = 'rate-test-key';
const opened = closeAfterEach();

const job = (segments: MtJob['segments'], targetLanguage = 'en'): MtJob => ({ sourceLanguage: 'de', targetLanguage, segments });

async function setUp(throttle: { concurrency: number; intervalCap: number; interval: number }, limit?: { cap: number; interval: number }) {
  const fake = opened.track(await startFakeDeepL(KEY, limit === undefined ? {} : { rateLimit: limit }));
  const translator = opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url, throttle, batch: { maxSegments: 1 } }, opened.dir(), { DEEPL_AUTH_KEY: KEY }));
  return { fake, translator };
}

describe('pacing requests', () => {
  it('never starts more requests in any window than configured, as the provider counts them', async () => {
    const { fake, translator } = await setUp({ concurrency: 3, intervalCap: 4, interval: 1000 }, { cap: 4, interval: 1000 });
    const result = await translator.translate(job(sentences(14)));
    expect(result.summary.translated).toBe(14);
    expect(fake.requests).toHaveLength(14);
    expect(fake.rateLimited).toBe(0);
    expect(maxInWindow(fake.requests.map((r) => r.at), 1000)).toBe(4);
  });

  it('spaces the starts of a window evenly instead of sending them as one burst', async () => {
    const { fake, translator } = await setUp({ concurrency: 4, intervalCap: 4, interval: 1000 }, { cap: 4, interval: 1000 });
    const result = await translator.translate(job(sentences(4)));
    expect(result.summary.translated).toBe(4);
    const arrivals = fake.requests.map((r) => r.at).sort((a, b) => a - b);
    // Starts 250 ms apart: the fourth starts 750 ms after the first (a burst would be a few ms),
    // minus however long the first waited for Node's HTTP client to load.
    expect(arrivals[3]! - arrivals[0]!).toBeGreaterThan(450);
    expect(fake.rateLimited).toBe(0);
  });

  it('counts retries against the same window', async () => {
    const { fake, translator } = await setUp({ concurrency: 3, intervalCap: 4, interval: 1000 }, { cap: 4, interval: 1000 });
    fake.fault = (_r, i) => (i % 3 === 1 ? { kind: 'status', status: 503 } : undefined);
    const result = await translator.translate(job(sentences(8)));
    expect(result.summary.translated).toBe(8);
    expect(result.summary.retries).toBeGreaterThan(0);
    expect(fake.requests.length).toBe(8 + result.summary.retries);
    expect(fake.rateLimited).toBe(0);
    expect(maxInWindow(fake.requests.map((r) => r.at), 1000)).toBeLessThanOrEqual(4);
  });

  it('shares one window between the languages of a run', async () => {
    const { fake, translator } = await setUp({ concurrency: 4, intervalCap: 3, interval: 600 }, { cap: 3, interval: 600 });
    const results = await Promise.all(['en', 'fr', 'es'].map((language) => translator.translate(job(sentences(3, language), language))));
    expect(results.map((r) => r.summary.translated)).toEqual([3, 3, 3]);
    expect(fake.rateLimited).toBe(0);
    expect(maxInWindow(fake.requests.map((r) => r.at), 600)).toBe(3);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { fake, translator } = await setUp({ concurrency: 2, intervalCap: 100, interval: 1000 });
    fake.fault = () => ({ kind: 'slow', ms: 150 });
    const result = await translator.translate(job(sentences(6)));
    expect(result.summary.translated).toBe(6);
    expect(fake.maxInFlight).toBe(2);
  });
});
