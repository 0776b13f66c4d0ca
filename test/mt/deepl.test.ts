import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachineTranslator, resolveMtSettings, type MachineTranslator, type MtJob, type MtTranslated } from '../../pipeline/mt/index.js';
import { startFakeDeepL } from './fake-deepl.js';
import { closeAfterEach, seg, sentences, translatorFor } from './helpers.js';

const KEY = 'deepl-test-key-0c1f7e:fx';
const env = { DEEPL_AUTH_KEY: KEY };
const kreml = { source: 'Kreml', targets: ['Kremlin'], forbidden: ['Kreml'], note: 'the Russian presidency' };

const opened = closeAfterEach();

async function setUp(options: Parameters<typeof startFakeDeepL>[1] = {}) {
  const fake = opened.track(await startFakeDeepL(KEY, options));
  const dir = opened.dir();
  const make = (input: Partial<Parameters<typeof translatorFor>[0]> = {}): MachineTranslator =>
    opened.track(translatorFor({ provider: 'deepl', endpoint: fake.url, throttle: { intervalCap: 1000, interval: 1000 }, ...input }, dir, env));
  return { fake, dir, make };
}

const job = (segments: MtJob['segments'], glossary?: MtJob['glossary']): MtJob => ({ sourceLanguage: 'de', targetLanguage: 'en', segments, ...(glossary === undefined ? {} : { glossary }) });

describe('DeepL', () => {
  it('translates a batch with tag_handling=xml and gives every segment its own answer, codes in place', async () => {
    const { fake, make } = await setUp();
    const segments = [seg('a', 'Der <1>Kreml</1> sagte<2/>.', [kreml]), seg('b', 'Das Treffen fand am Montag statt.'), seg('c', '<5>Die</5> Nummer.')];
    const result = await make().translate(job(segments));
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/glossaries', 'POST /v2/glossaries', 'POST /v2/translate']);
    expect(fake.requests[2]!.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    const body = fake.translateBodies[0]!;
    expect(body).toMatchObject({ source_lang: 'DE', target_lang: 'EN-GB', tag_handling: 'xml', text: ['Der <g id="1">Kreml</g> sagte<x id="2"/>.', 'Das Treffen fand am Montag statt.', '<g id="5">Die</g> Nummer.'] });
    const a = result.outcomes.get('a') as MtTranslated;
    expect(a).toMatchObject({ status: 'translated', cached: false, target: { text: 'The Kremlin said.' } });
    expect(a.target.codes).toEqual([{ id: '1', kind: 'open', at: 4 }, { id: '1', kind: 'close', at: 11 }, { id: '2', kind: 'standalone', at: 16 }]);
    expect((result.outcomes.get('b') as MtTranslated).target.text).toBe('The meeting took on Monday place.');
    expect((result.outcomes.get('c') as MtTranslated).target).toEqual({ text: 'The number.', codes: [{ id: '5', kind: 'open', at: 0 }, { id: '5', kind: 'close', at: 3 }] });
    expect(result.summary).toMatchObject({ segments: 3, sent: 3, cached: 0, translated: 3, rejected: 0, failed: 0, requests: 3, retries: 0 });
  });

  it('builds a DeepL glossary from ours, named by a checksum, reused by a later run and replaced when ours changes', async () => {
    const { fake, dir } = await setUp();
    const settings = resolveMtSettings({ provider: 'deepl', endpoint: fake.url });
    const glossary = [kreml, { source: 'Interfax', targets: [], dnt: true }, { source: 'Wladimir Putin', targets: ['Vladimir Putin'], variants: ['Putin'] }];
    const first = opened.track(createMachineTranslator(settings, { cacheDir: dir, env }));
    await first.translate(job([seg('a', 'Der Kreml sagte.', [kreml])], glossary));
    expect(fake.glossaries.size).toBe(1);
    const created = [...fake.glossaries.values()][0]!;
    expect(created.name).toMatch(/^l10n-de-en-[0-9a-f]{12}$/u);
    expect([...created.entries]).toEqual([['Interfax', 'Interfax'], ['Kreml', 'Kremlin'], ['Putin', 'Vladimir Putin'], ['Wladimir Putin', 'Vladimir Putin']]);
    expect(fake.translateBodies[0]!.glossary_id).toBe(created.glossary_id);

    // Another process, another sentence: the glossary is found by name, not created again.
    const second = opened.track(createMachineTranslator(settings, { cacheDir: dir, env }));
    await second.translate(job([seg('b', 'Der Kreml schwieg.', [kreml])], glossary));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/glossaries')).toHaveLength(1);
    expect(fake.translateBodies[1]!.glossary_id).toBe(created.glossary_id);

    // Our glossary changes: a new DeepL glossary, and the old one is deleted.
    const third = opened.track(createMachineTranslator(settings, { cacheDir: dir, env }));
    const changed = [...glossary, { source: 'Peking', targets: ['Beijing'] }];
    const result = await third.translate(job([seg('c', 'Peking schwieg.', [{ source: 'Peking', targets: ['Beijing'] }])], changed));
    expect(fake.glossaries.size).toBe(1);
    const replacement = [...fake.glossaries.values()][0]!;
    expect(replacement.name).not.toBe(created.name);
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path === `/v2/glossaries/${created.glossary_id}`)).toBe(true);
    expect((result.outcomes.get('c') as MtTranslated).target.text).toBe('Beijing schwieg.');
    expect(result.messages.map((m) => m.reason)).toEqual([`DeepL glossary ${replacement.name} created (5 entries)`, `DeepL glossary ${created.name} deleted: replaced by ${replacement.name}`]);
  });

  it('sends nothing on a second run: answers, and the glossary, come from the cache', async () => {
    const { fake, dir, make } = await setUp();
    const segments = [seg('a', 'Der Kreml sagte.', [kreml]), ...sentences(30)];
    const first = await make().translate(job(segments));
    expect(first.summary.translated).toBe(31);
    const before = fake.requests.length;
    const second = await make().translate(job(segments));
    expect(fake.requests.length).toBe(before);
    expect(second.summary).toMatchObject({ sent: 0, cached: 31, translated: 31, requests: 0 });
    expect([...second.outcomes.values()].every((o) => o.status === 'translated' && o.cached)).toBe(true);
    expect(readFileSync(path.join(dir, 'mt-deepl-de-en.jsonl'), 'utf8').trim().split('\n')).toHaveLength(31);
  });

  it('asks only for what an edited article adds, and a sentence repeated in the job once', async () => {
    const { fake, make } = await setUp();
    const base = sentences(5);
    await make().translate(job(base));
    const edited = [...base.slice(0, 4), seg('new', 'Ein Satz ist heute da.'), seg('again', 'Ein Satz ist heute da.')];
    const result = await make().translate(job(edited));
    expect(fake.translateBodies.at(-1)!.text).toEqual(['Ein Satz ist heute da.']);
    expect(result.summary).toMatchObject({ sent: 2, cached: 4, translated: 6 });
    expect((result.outcomes.get('again') as MtTranslated).target.text).toBe('Ein sentence is today da.');
  });

  it('sends a sentence once even when it repeats far apart in a large job, and every batch but the last is full', async () => {
    const { fake, make } = await setUp();
    const many = sentences(2_100);
    const segments = [...many, { ...many[1_500]!, id: 'far' }, seg('last', 'Das Treffen ist heute.')];
    const result = await make({ throttle: { concurrency: 8, intervalCap: 1000, interval: 1000 } }).translate(job(segments));
    expect(result.summary).toMatchObject({ translated: 2_102, failed: 0 });
    const sentTexts = fake.translateBodies.flatMap((b) => b.text as string[]);
    expect(sentTexts).toHaveLength(2_101);
    expect(new Set(sentTexts).size).toBe(2_101);
    // Batches answer in any order; all are full but the one with the job's last sentence.
    expect(fake.translateBodies.map((b) => (b.text as string[]).length).sort((a, b) => b - a)).toEqual([...Array<number>(42).fill(50), 1]);
    expect((result.outcomes.get('far') as MtTranslated).target).toEqual((result.outcomes.get('s1500') as MtTranslated).target);
  });

  it('keeps batches within 50 texts and DeepL\'s request size, sending each text once', async () => {
    const { fake, make } = await setUp();
    const long = Array.from({ length: 12 }, (_, i) => seg(`l${i}`, `Der Satz ${'lang '.repeat(2000)}ist heute da ${'b'.repeat(i + 1)}.`));
    const segments = [...sentences(120), ...long];
    const result = await make({ batch: { maxCharacters: 100_000 } }).translate(job(segments));
    expect(result.summary.translated).toBe(132);
    // 120 short and 12 long sentences in at most 50 per batch are 3 batches; the long ones did not fit, so more.
    expect(fake.translateBodies.length).toBeGreaterThan(3);
    for (const body of fake.translateBodies) expect((body.text as string[]).length).toBeLessThanOrEqual(50);
    for (const r of fake.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(120 * 1024);
    const sentTexts = fake.translateBodies.flatMap((b) => b.text as string[]);
    const expected = segments.map((s) => s.text.replace('ist heute da und', 'ist <g id="1">heute</g> da<x id="2"/> und'));
    expect(sentTexts.length).toBe(expected.length);
    expect([...sentTexts].sort()).toEqual([...expected].sort());
  });

  it('sends the neighbouring sentences as context', async () => {
    const { fake, make } = await setUp();
    const segment = seg('a', 'Er sagte das.', [], { before: ['Lawrow kam nach Peking.'], after: ['Danach reiste er ab.'] });
    await make().translate(job([segment]));
    expect(fake.translateBodies[0]!.context).toBe('Lawrow kam nach Peking.\nDanach reiste er ab.');
  });

  it('uses the free endpoint for a key ending in ":fx" and the pro one otherwise', async () => {
    const urls: string[] = [];
    const fetchSpy = async (url: string): Promise<Response> => {
      urls.push(url);
      return new Response(JSON.stringify({ translations: [{ text: 'The sentence.' }] }), { status: 200 });
    };
    const dir = opened.dir();
    for (const key of ['k:fx', 'k']) {
      const t = opened.track(createMachineTranslator(resolveMtSettings({ provider: 'deepl' }), { cacheDir: dir, env: { DEEPL_AUTH_KEY: key }, fetch: fetchSpy }));
      await t.translate(job([seg(`x${key}`, `Der Satz ${key}.`)]));
    }
    expect(urls).toEqual(['https://api-free.deepl.com/v2/translate', 'https://api.deepl.com/v2/translate']);
  });

  it('stops at an exhausted quota (456), keeping every answer received before', async () => {
    const { fake, dir, make } = await setUp({ quota: 200 });
    const segments = sentences(20);
    const result = await make({ batch: { maxSegments: 2 }, throttle: { concurrency: 1, intervalCap: 1000, interval: 1000 } }).translate(job(segments));
    expect(result.summary.stopped).toMatchObject({ ruleId: 'mt/quota' });
    const translated = [...result.outcomes.values()].filter((o) => o.status === 'translated');
    const failed = [...result.outcomes.values()].filter((o) => o.status === 'failed');
    expect(translated.length).toBeGreaterThan(0);
    expect(translated.length + failed.length).toBe(20);
    expect(failed.every((o) => o.status === 'failed' && o.reason.ruleId === 'mt/not-sent')).toBe(true);
    // What was answered is in the cache: the next run with more quota sends only the rest.
    const lines = readFileSync(path.join(dir, 'mt-deepl-de-en.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(translated.length);
    fake.quota = Number.POSITIVE_INFINITY;
    const texts = fake.translateBodies.length;
    const again = await make().translate(job(segments));
    expect(again.summary).toMatchObject({ cached: translated.length, sent: failed.length, translated: 20 });
    expect(fake.translateBodies.slice(texts).flatMap((b) => b.text as string[])).toHaveLength(failed.length);
  });

  it('goes on without a glossary DeepL cannot take, with a warning, and caches those answers apart', async () => {
    const { fake, dir, make } = await setUp();
    // The answer ignores "Kreml → Kremlin"; the quality checks of the pipeline hold it to the term.
    fake.fault = (r) => (r.method === 'POST' && r.path === '/v2/glossaries' ? { kind: 'status', status: 400, body: { message: 'Unsupported glossary language pair' } } : undefined);
    const result = await make().translate(job([seg('a', 'Der Kreml sagte.', [kreml])]));
    expect(result.outcomes.get('a')).toMatchObject({ status: 'translated', target: { text: 'The Kreml said.' } });
    expect(result.messages).toMatchObject([{ ruleId: 'mt/glossary', severity: 'warning' }]);
    const line = JSON.parse(readFileSync(path.join(dir, 'mt-deepl-de-en.jsonl'), 'utf8').trim()) as { glossary: string };
    expect(line.glossary).toMatch(/!no-glossary$/u);
  });
});
