/**
 * API keys come only from the environment and never appear in results, messages, thrown errors,
 * files or anything printed, even when a server echoes them back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMachineTranslator, resolveMtSettings, type MtResult } from '../../pipeline/mt/index.js';
import { startFakeDeepL } from './fake-deepl.js';
import { startFakeLibreTranslate } from './fake-libretranslate.js';
import { closeAfterEach, seg, sentences, translatorFor } from './helpers.js';

const KEY = 'sEcReT-9f8e7d6c5b4a-key:fx';
const opened = closeAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything a caller could print or store from a result. */
function everything(result: MtResult): string {
  return JSON.stringify({ outcomes: [...result.outcomes.values()], summary: result.summary, messages: result.messages });
}

function watchOutput(): { text: () => string } {
  const written: string[] = [];
  const capture = (chunk: unknown): boolean => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write);
  vi.spyOn(console, 'log').mockImplementation((...args) => void written.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void written.push(args.join(' ')));
  return { text: () => written.join('') };
}

describe('API keys', () => {
  it('never appear when a server echoes a refused key in its error', async () => {
    const fake = opened.track(await startFakeDeepL('the-right-key', { echoKeyInErrors: true }));
    const output = watchOutput();
    const t = opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url }, opened.dir(), { DEEPL_AUTH_KEY: KEY }));
    const result = await t.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments: [seg('a', 'Der Kreml sagte.', [{ source: 'Kreml', targets: ['Kremlin'] }])] });
    // The server did put the key in its answer …
    expect(fake.requests[0]!.headers.authorization).toContain(KEY);
    // … and the result says what happened without it.
    expect(result.summary.stopped?.reason).toBe('DeepL refused the API key (403): Authorization failed for header DeepL-Auth-Key [key]');
    expect(everything(result)).not.toContain(KEY);
    expect(output.text()).toBe('');
  });

  it('never appear when a quota message carries the key', async () => {
    const fake = opened.track(await startFakeDeepL(KEY, { echoKeyInErrors: true, quota: 0 }));
    const t = opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url }, opened.dir(), { DEEPL_AUTH_KEY: KEY }));
    const result = await t.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments: sentences(3) });
    expect(result.summary.stopped?.ruleId).toBe('mt/quota');
    expect(result.summary.stopped?.reason).toContain('[key]');
    expect(everything(result)).not.toContain(KEY);
  });

  it('never appear when a server echoes the request body holding the key', async () => {
    const fake = opened.track(await startFakeLibreTranslate());
    fake.fault = (r) => ({ kind: 'status', status: 400, body: { error: `Invalid request for api_key=${(JSON.parse(r.body) as { api_key: string }).api_key}: ${r.body}` } });
    const t = opened.track(translatorFor({ provider: 'libretranslate', endpoint: fake.url }, opened.dir(), { LIBRETRANSLATE_API_KEY: KEY }));
    const result = await t.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments: sentences(2) });
    expect(fake.requests[0]!.body).toContain(KEY);
    expect(result.summary.failed).toBe(2);
    expect(everything(result)).not.toContain(KEY);
    expect(everything(result)).toContain('[key]');
  });

  it('never appear when the HTTP layer fails with the key in its error', async () => {
    const leaky = async (url: string, init: RequestInit): Promise<Response> => {
      throw new Error(`connect failed for ${url} with ${JSON.stringify(init.headers)}`);
    };
    const t = opened.track(createMachineTranslator(resolveMtSettings({ provider: 'deepl', retry: { maxRetries: 1, baseDelay: 1 } }), { cacheDir: opened.dir(), env: { DEEPL_AUTH_KEY: KEY }, fetch: leaky }));
    const result = await t.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments: sentences(1) });
    expect(result.outcomes.get('s0')).toMatchObject({ status: 'failed', reason: { reason: 'DeepL: network error (gave up after 2 attempts)' } });
    expect(everything(result)).not.toContain(KEY);
  });

  it('are not part of settings, nor of the cache file', async () => {
    const fake = opened.track(await startFakeDeepL(KEY));
    const dir = opened.dir();
    const t = opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url }, dir, { DEEPL_AUTH_KEY: KEY }));
    await t.translate({ sourceLanguage: 'de', targetLanguage: 'en', segments: sentences(3) });
    expect(JSON.stringify(t.settings)).not.toContain(KEY);
    const files = readdirSync(dir);
    expect(files).toEqual(['mt-deepl-de-en.jsonl']);
    for (const name of files) expect(readFileSync(path.join(dir, name), 'utf8')).not.toContain(KEY);
  });

  it('are asked for by variable name when missing, never read from settings', () => {
    expect(() => createMachineTranslator(resolveMtSettings({ provider: 'deepl' }), { cacheDir: opened.dir(), env: {} })).toThrow('DEEPL_AUTH_KEY is not set: DeepL needs an API key');
    expect(() => resolveMtSettings({ provider: 'deepl', key: KEY } as never)).toThrow('mt: unknown key "key"');
  });
});
