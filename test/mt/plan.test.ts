import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPlan, formatSummary, type MachineTranslator, type MtJob, type MtProgressEvent } from '../../pipeline/mt/index.js';
import { startFakeDeepL } from './fake-deepl.js';
import { closeAfterEach, seg, sentences, translatorFor } from './helpers.js';

const KEY = 'plan-key';
const opened = closeAfterEach();

async function setUp() {
  const fake = opened.track(await startFakeDeepL(KEY));
  const dir = opened.dir();
  const make = (): MachineTranslator => opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url, batch: { maxSegments: 10 } }, dir, { DEEPL_AUTH_KEY: KEY }));
  return { fake, dir, make };
}

const kreml = { source: 'Kreml', targets: ['Kremlin'] };
const job = (segments: MtJob['segments']): MtJob => ({ sourceLanguage: 'de', targetLanguage: 'en', segments });

describe('costs before spending', () => {
  it('counts characters, requests and cached hits without sending or writing anything', async () => {
    const { fake, dir, make } = await setUp();
    const segments = [seg('k', 'Der Kreml schwieg.', [kreml]), ...sentences(24), seg('dup', 'Der Kreml schwieg.', [kreml]), seg('dash', '—')];
    const plan = make().plan(job(segments));
    expect(fake.requests).toHaveLength(0);
    expect(existsSync(path.join(dir, 'mt-deepl-de-en.jsonl'))).toBe(false);
    const characters = [...segments.slice(0, 25)].reduce((n, s) => n + [...s.text].length, 0);
    expect(plan).toEqual({
      provider: 'deepl',
      model: 'EN-GB',
      sourceLanguage: 'de',
      targetLanguage: 'en',
      segments: 27,
      cached: 0,
      toSend: 25,
      duplicates: 1,
      empty: 1,
      characters,
      requests: 3,
      glossaryRequests: 3,
    });
    expect(formatPlan(plan)).toBe(`en: 27 segments, 0 cached, 25 to send (1 repeated, 1 not sent) — ${characters} characters, 3 requests + up to 3 glossary requests (deepl EN-GB)`);
  });

  it('counts what the cache already holds after a run, and the plan matches what the run sends', async () => {
    const { fake, make } = await setUp();
    const segments = sentences(12);
    const translator = make();
    const before = translator.plan(job(segments));
    const result = await translator.translate(job(segments));
    expect(result.summary.requests).toBe(before.requests + before.glossaryRequests);
    expect(result.summary.characters).toBe(before.characters);
    const after = make().plan(job([...segments, seg('n', 'Ein neuer Satz.')]));
    expect(after).toMatchObject({ cached: 12, toSend: 1, requests: 1 });
    expect(fake.requests).toHaveLength(result.summary.requests);
  });

  it('reports progress for a bar and a one-line summary', async () => {
    const { make } = await setUp();
    const events: MtProgressEvent[] = [];
    const result = await make().translate(job(sentences(25)), { onProgress: (e) => events.push(e) });
    expect(events[0]).toEqual({ type: 'start', targetLanguage: 'en', total: 25, cached: 0, toSend: 25 });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toEqual({ type: 'progress', targetLanguage: 'en', done: 25, total: 25, sent: 25, cached: 0, rejected: 0, failed: 0 });
    expect(formatSummary(result.summary)).toBe(`en: 25 sent, 0 cached, 0 rejected, 0 failed (3 requests, ${result.summary.characters.toLocaleString('en-US')} characters)`);
  });
});
