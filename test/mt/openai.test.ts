import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { createMachineTranslator, MtSetupError, resolveMtSettings, type MachineTranslator, type MtJob, type MtTranslated } from '../../pipeline/mt/index.js';
import { loadPromptTemplate, parsePromptTemplate } from '../../pipeline/mt/prompt.js';
import { startFakeChat } from './fake-openai.js';
import { closeAfterEach, seg, sentences, translatorFor } from './helpers.js';

const KEY = 'sk-test-5e1d0b9a7c';
const kreml = { source: 'Kreml', targets: ['Kremlin'], forbidden: ['Kreml'], note: 'the Russian presidency, not the building' };
const lawrow = { source: 'Lawrow', targets: ['Lavrov'], forbidden: ['Lawrow', 'Lavrow'] };

const opened = closeAfterEach();

async function setUp(options: Parameters<typeof startFakeChat>[0] = { key: KEY }) {
  const fake = opened.track(await startFakeChat(options));
  const dir = opened.dir();
  const make = (input: Partial<Parameters<typeof translatorFor>[0]> = {}): MachineTranslator =>
    opened.track(translatorFor({ provider: 'openai', endpoint: `${fake.url}/v1/chat/completions`, ...input }, dir, { OPENAI_API_KEY: KEY }));
  return { fake, dir, make };
}

const job = (segments: MtJob['segments']): MtJob => ({ sourceLanguage: 'de', targetLanguage: 'en', segments });

describe('OpenAI-compatible chat models', () => {
  it('puts the terms with approved targets, forbidden renderings and notes, the context and the segments in the prompt', async () => {
    const { fake, make } = await setUp();
    const segment = seg('s1', 'Der <1>Kreml</1> und Lawrow sagten<2/>.', [kreml, lawrow], { before: ['Putin kam nach Peking.'], after: ['Danach reiste er ab.'] });
    const result = await make().translate(job([segment]));
    const body = fake.bodies[0]!;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.temperature).toBe(0);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    const system = body.messages[0]!.content;
    const user = body.messages[1]!.content;
    expect(system).toContain('Translate from German (de) into English (en).');
    expect(user).toContain('- Kreml → Kremlin; never: Kreml (note: the Russian presidency, not the building)');
    expect(user).toContain('- Lawrow → Lavrov; never: Lawrow, Lavrow');
    expect(user).toContain('- Putin kam nach Peking.\n- Danach reiste er ab.');
    expect(user).toContain('{"segments":[{"id":"s1","text":"Der <g id=\\"1\\">Kreml</g> und Lawrow sagten<x id=\\"2\\"/>."}]}');
    expect(result.outcomes.get('s1')).toMatchObject({ status: 'translated', target: { text: 'The Kremlin and Lavrov sagten.' } });
  });

  it('answers each segment by its id, in batches', async () => {
    const { fake, make } = await setUp();
    const segments = sentences(45);
    const result = await make().translate(job(segments));
    expect(fake.bodies).toHaveLength(3);
    for (const segment of segments) {
      const outcome = result.outcomes.get(segment.id) as MtTranslated;
      expect(outcome.status).toBe('translated');
      expect(outcome.target.text).toBe(segment.text.replace('Der Satz', 'The sentence').replace('ist heute', 'is today').replace('und am Montag', 'and on Monday'));
    }
  });

  it('takes a template file instead of the bundled prompt', async () => {
    const { fake, dir, make } = await setUp();
    const file = path.join(dir, 'prompt.txt');
    writeFileSync(file, '[system]\nHouse style: short sentences. {{targetLanguage}}.\n[user]\n{{glossary}}\n{{segments}}\n');
    await make({ openai: { promptTemplate: file } }).translate(job([seg('s1', 'Der Kreml sagte.', [kreml])]));
    expect(fake.bodies[0]!.messages[0]!.content).toBe('House style: short sentences. English (en).');
    expect(fake.bodies[0]!.messages[1]!.content).toBe('- Kreml → Kremlin; never: Kreml (note: the Russian presidency, not the building)\n{"segments":[{"id":"s1","text":"Der Kreml sagte."}]}');
  });

  it('rejects the segments of an answer that is not the JSON asked for, without crashing, and asks again next time', async () => {
    const { fake, make } = await setUp();
    fake.mode = 'prose';
    const segments = sentences(3);
    const result = await make().translate(job(segments));
    for (const s of segments) expect(result.outcomes.get(s.id)).toMatchObject({ status: 'rejected', cached: false, reasons: [{ ruleId: 'mt/malformed-answer', reason: 'the model did not answer with JSON' }] });
    expect(result.summary).toMatchObject({ sent: 3, rejected: 3, failed: 0 });
    fake.mode = 'ok';
    const again = await make().translate(job(segments));
    expect(fake.bodies).toHaveLength(2);
    expect(again.summary).toMatchObject({ sent: 3, translated: 3 });
  });

  it('rejects a segment the answer leaves out, answers twice or names wrongly, and keeps the others', async () => {
    const { fake, make } = await setUp();
    const segments = sentences(3);
    for (const mode of ['missing-first', 'duplicate-first', 'unknown-id'] as const) {
      fake.mode = mode;
      const result = await make().translate({ ...job(segments), targetLanguage: `en-${mode === 'missing-first' ? 'GB' : mode === 'duplicate-first' ? 'US' : 'AU'}` });
      expect(result.outcomes.get('s0')).toMatchObject({ status: 'rejected', reasons: [{ ruleId: 'mt/malformed-answer' }] });
      expect(result.outcomes.get('s1')).toMatchObject({ status: 'translated' });
      expect(result.outcomes.get('s2')).toMatchObject({ status: 'translated' });
    }
  });

  it('reads JSON in code fences, rejects a cut-off answer and one that dropped the tags', async () => {
    const { fake, make } = await setUp();
    fake.mode = 'fenced';
    expect((await make().translate(job(sentences(2)))).summary.translated).toBe(2);
    fake.mode = 'cut-off';
    const cut = await make().translate(job(sentences(2, 'c')));
    expect(cut.outcomes.get('c0')).toMatchObject({ status: 'rejected', reasons: [{ reason: "the model's answer was cut off at its token limit" }] });
    fake.mode = 'drop-tags';
    const dropped = await make().translate(job(sentences(2, 'd')));
    expect(dropped.outcomes.get('d0')).toMatchObject({ status: 'rejected', reasons: [{ ruleId: 'mt/inline-codes' }] });
  });

  it('stops on an exhausted quota (429 insufficient_quota) instead of retrying', async () => {
    const { fake, make } = await setUp();
    fake.fault = () => ({ kind: 'status', status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } } });
    const result = await make().translate(job(sentences(3)));
    expect(fake.requests).toHaveLength(1);
    expect(result.summary).toMatchObject({ failed: 3, retries: 0, stopped: { ruleId: 'mt/quota' } });
  });

  it('sends Azure\'s api-key header when told to', async () => {
    const { fake, make } = await setUp({ key: KEY, header: 'api-key' });
    const result = await make({ openai: { auth: 'api-key' } }).translate(job(sentences(1)));
    expect(fake.requests[0]!.headers['api-key']).toBe(KEY);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
    expect(result.summary.translated).toBe(1);
  });

  it('works with a local server and no key, but wants one for OpenAI itself', async () => {
    const { fake, dir } = await setUp({});
    const local = opened.track(createMachineTranslator(resolveMtSettings({ provider: 'openai', endpoint: `${fake.url}/v1/chat/completions`, openai: { model: 'llama3.1:8b' } }), { cacheDir: dir, env: {} }));
    expect((await local.translate(job(sentences(1)))).summary.translated).toBe(1);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
    expect(() => createMachineTranslator(resolveMtSettings({ provider: 'openai' }), { cacheDir: dir, env: {} })).toThrow(MtSetupError);
  });
});

describe('prompt templates', () => {
  const refuse = (text: string): InputError['detail'] | undefined => {
    try {
      parsePromptTemplate(text, 'prompts/house.txt');
    } catch (error) {
      if (error instanceof InputError) return error.detail;
      throw error;
    }
    return undefined;
  };
  it('bundles a template that has every placeholder', () => {
    const template = loadPromptTemplate();
    for (const name of ['sourceLanguage', 'targetLanguage', 'glossary', 'context', 'segments']) expect(template.system + template.user).toContain(`{{${name}}}`);
  });
  it('reports a mistake at its line and column', () => {
    expect(refuse('# comment\n[system]\nTranslate into {{targetLanguge}}.\n[user]\n{{segments}}\n')).toMatchObject({ ruleId: 'mt/prompt-template', file: 'prompts/house.txt', line: 3, column: 16, reason: 'unknown placeholder {{targetLanguge}}: did you mean {{targetLanguage}}?' });
    expect(refuse('[system]\nx\n[usr]\n{{segments}}\n')).toMatchObject({ line: 3, reason: 'unknown section [usr]: did you mean [user]?' });
    expect(refuse('[user]\nTranslate.\n')).toMatchObject({ reason: 'the template has no {{segments}} placeholder' });
    expect(refuse('Translate!\n[user]\n{{segments}}\n')).toMatchObject({ line: 1, reason: 'text before the first section' });
    expect(refuse('[system]\n{{segments}}\n')).toMatchObject({ reason: 'the template has no [user] section' });
  });
  it('refuses a translator whose template file cannot be read, as a setup error', () => {
    const dir = opened.dir();
    expect(() => createMachineTranslator(resolveMtSettings({ provider: 'openai', endpoint: 'http://127.0.0.1:9/v1/chat/completions', openai: { promptTemplate: path.join(dir, 'missing.txt') } }), { cacheDir: dir, env: {} })).toThrow(MtSetupError);
  });
});
