/**
 * `l10n translate` against local fake providers (127.0.0.1, an OS-picked port): machine targets
 * written into the XLIFF files marked for review, never published as a person's work, the
 * glossary in and checked after, the cache, a stop that keeps what was done, keys never shown.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { startFakeDeepL, type FakeDeepL } from '../mt/fake-deepl.js';
import { startFakeLibreTranslate } from '../mt/fake-libretranslate.js';
import { startFakeChat } from '../mt/fake-openai.js';
import type { FakeServer } from '../mt/fake-server.js';

const KEY = 'secret-deepl-key-4711';
const ENV = { DEEPL_AUTH_KEY: KEY };
const CONFIG = 'sourceLanguage: de\ntargetLanguages: [en, fr]\nxliff:\n  version: "1.2"\n  languages:\n    fr: {version: "2.1"}\npolicies:\n  untranslated: fail\n';

let project: TempProject | undefined;
const servers: FakeServer[] = [];
afterEach(async () => {
  project?.remove();
  project = undefined;
  for (const server of servers.splice(0)) await server.close();
});

async function deepl(options: Parameters<typeof startFakeDeepL>[1] = {}): Promise<FakeDeepL> {
  const fake = await startFakeDeepL(KEY, options);
  servers.push(fake);
  return fake;
}

const count = (text: string, part: string): number => text.split(part).length - 1;
const translateRequests = (fake: FakeServer): number => fake.requests.filter((r) => r.path === '/v2/translate').length;

describe('l10n translate', () => {
  it('writes machine targets marked for review into XLIFF 1.2 and 2.1, with the glossary applied, and a second run sends nothing', async () => {
    const fake = await deepl();
    project = tempProject({ fixture: 'maschine' });
    const first = await project.run(['translate', '--lang', 'en', '--lang', 'fr', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('en: 4 sent, 0 cached, 0 rejected, 0 failed');
    expect(first.stderr).toContain('4 written for review');

    const en = project.read('translations/en/kreml.xlf');
    expect(count(en, 'state="needs-review-translation" state-qualifier="mt-suggestion"')).toBe(4);
    expect(en).toContain('The Kremlin said on Monday, the meeting took place.</target>');
    expect(en).toContain('<note from="l10n-mt" annotates="target">Machine translation (deepl, EN-GB); no person has reviewed it.');
    const fr = project.read('translations/fr/kreml.xlf');
    expect(count(fr, 'state="initial" subState="l10n:mt-deepl"')).toBe(4);

    // Our glossary reached DeepL as a glossary of the pair.
    const glossaries = [...fake.glossaries.values()];
    expect(glossaries.map((g) => [g.source_lang, g.target_lang, g.entries.get('Kreml')])).toEqual([
      ['de', 'en', 'Kremlin'],
      ['de', 'fr', 'Kremlin'],
    ]);
    expect(existsSync(path.join(project.root, 'translations/memory/mt-deepl-de-en.jsonl'))).toBe(true);

    const sent = translateRequests(fake);
    const again = await project.run(['translate', '--lang', 'en', '--lang', 'fr', '--provider', 'deepl', '--url', fake.url, '--only', 'all'], '', { env: ENV });
    expect(again.code).toBe(0);
    expect(translateRequests(fake)).toBe(sent);
    expect(again.stderr).toContain('en: 0 sent, 4 cached');
    expect(project.read('translations/en/kreml.xlf')).toBe(en);
    for (const output of [first, again]) expect(output.stdout + output.stderr).not.toContain(KEY);
  });

  it('asks again only about sentences still without a target (--only new, the default)', async () => {
    const fake = await deepl();
    project = tempProject({ fixture: 'maschine' });
    await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    const again = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('en: nothing to translate');
  });

  it('with --only changed asks only about sentences whose source changed under a translation, not about new ones', async () => {
    const fake = await deepl();
    project = tempProject({ fixture: 'maschine' });
    await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    // A translator confirms the machine output, then the article is edited: one sentence reworded, one added.
    const file = 'translations/en/kreml.xlf';
    project.write(file, project.read(file).replaceAll('state="needs-review-translation" state-qualifier="mt-suggestion"', 'state="translated"'));
    project.write('source/kreml.txt', 'Der Kreml antwortet\nDer Kreml sagte am Dienstag, das Treffen fand statt. Interfax meldete 1.000 Teilnehmer.\nDas Treffen ist heute.\nEin neuer Satz folgt.\n');
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(0);
    const sent = translateRequests(fake);
    const changed = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url, '--only', 'changed'], '', { env: ENV });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain('en: 1 sent, 0 cached');
    expect(translateRequests(fake)).toBe(sent + 1);
    const en = project.read(file);
    expect(en).toContain('<target state="needs-review-translation" state-qualifier="mt-suggestion" xml:space="preserve">The Kremlin said on Dienstag, the meeting took place.</target>');
    // The confirmed translation of the earlier wording stays beside it as the previous version.
    expect(en).toContain('<target xml:space="preserve">The Kremlin said on Monday, the meeting took place.</target>');
    // Only the new machine target says that no person has reviewed it: the confirmed ones no longer do.
    expect(count(en, 'no person has reviewed it')).toBe(1);
    // The new sentence waits for --only new (or all): no target was written for it.
    expect(en).toMatch(/<source xml:space="preserve">Ein neuer Satz folgt\.<\/source>\s*(<note|<\/trans-unit|<alt-trans)/u);
  });

  it('keeps machine output from being published until a person confirms it; status counts it apart; policies.machine.publish publishes it and says so', async () => {
    const fake = await deepl();
    project = tempProject({ fixture: 'maschine' });
    await project.run(['translate', '--lang', 'en', '--lang', 'fr', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });

    const status = await project.run(['status']);
    expect(status.stdout).toContain('en  kreml  0/4 segments  machine, unreviewed 4');
    expect(status.stdout).toContain('fr  kreml  0/4 segments  machine, unreviewed 4');
    expect((await project.run(['status', '--fail-if-incomplete'])).code).toBe(1);

    const held = await project.run(['build']);
    expect(held.code).toBe(1);
    expect(count(held.stderr, 'its translation is machine output that no person has confirmed [build/untranslated]')).toBe(8);

    project.write('l10n.config.yaml', `${CONFIG}  machine:\n    publish: [en]\n`);
    const published = await project.run(['build', '--lang', 'en']);
    expect(published.code).toBe(0);
    expect(project.read('output/en/kreml.txt')).toContain('The Kremlin said on Monday, the meeting took place.');
    const report = JSON.parse(project.read('output/en/report.json')) as { machine?: { publish: boolean; published: number } };
    expect(report.machine).toEqual({ publish: true, published: 4 });
    expect(published.stderr).toContain('4 of them machine output no person has confirmed');
    // A language not listed still waits for a person.
    expect((await project.run(['build', '--lang', 'fr'])).code).toBe(1);
  });

  it('flags a machine target that breaks the glossary before a person sees it, and refuses it when the config says reject', async () => {
    const fake = await startFakeLibreTranslate();
    servers.push(fake);
    project = tempProject({ fixture: 'maschine' });
    const flagged = await project.run(['translate', '--lang', 'en', '--provider', 'libretranslate', '--url', fake.url]);
    expect(flagged.code).toBe(0);
    // LibreTranslate takes no glossary: "Kreml" stays, which the glossary forbids in English.
    const en = project.read('translations/en/kreml.xlf');
    expect(en).toContain('The Kreml said on Monday');
    expect(en).toMatch(/<note from="l10n-mt" annotates="target">qa\/forbidden-term: [^<]*Kreml/u);
    expect(flagged.stderr).toContain('machine translation kept with a finding for the reviewer');
    expect(flagged.stderr).toContain('2 with findings noted for the reviewer');

    project = tempProject({ fixture: 'maschine' });
    project.write('l10n.config.yaml', `${CONFIG}mt:\n  provider: libretranslate\n  endpoint: ${fake.url}\n  checks:\n    qa/forbidden-term: reject\n`);
    const refused = await project.run(['translate', '--lang', 'en', '--fail-on', 'warning']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('machine translation refused');
    const strict = project.read('translations/en/kreml.xlf');
    expect(strict).not.toContain('Kreml said');
    expect(count(strict, 'state-qualifier="mt-suggestion"')).toBe(2);
  });

  it('takes provider, endpoint and model from mt: in l10n.config.yaml and gives the chat model the terms', async () => {
    const fake = await startFakeChat();
    servers.push(fake);
    project = tempProject({ fixture: 'maschine' });
    project.write('l10n.config.yaml', `${CONFIG}mt:\n  provider: openai\n  endpoint: ${fake.url}/v1/chat/completions\n  openai:\n    model: hauslokal\n`);
    const result = await project.run(['translate', '--lang', 'en'], '', { env: {} });
    expect(result.code).toBe(0);
    expect(fake.bodies.map((b) => b.model)).toEqual(['hauslokal']);
    const prompt = fake.bodies[0]!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('Kreml → Kremlin');
    expect(prompt).toContain('never: Kreml');
    expect(count(project.read('translations/en/kreml.xlf'), 'state-qualifier="mt-suggestion"')).toBe(4);
  });

  it('prints what a run would send with --dry-run, and sends and writes nothing', async () => {
    const fake = await deepl();
    project = tempProject({ fixture: 'maschine' });
    const dry = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url, '--dry-run'], '', { env: {} });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('en: 4 segments, 0 cached, 4 to send — 125 characters, 1 request + up to 3 glossary requests (deepl EN-GB)\n');
    expect(fake.requests).toHaveLength(0);
    expect(existsSync(path.join(project.root, 'translations/en/kreml.xlf'))).toBe(false);
  });

  it('stops on an exhausted quota keeping what was translated, and the next run sends only the rest; the key is never shown', async () => {
    // 19 + 50 characters fit: the first two sentences; the third gets 456.
    const fake = await deepl({ quota: 69, echoKeyInErrors: true });
    project = tempProject({ fixture: 'maschine' });
    project.write('l10n.config.yaml', `${CONFIG}mt:\n  batch:\n    maxSegments: 1\n`);
    const stopped = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toContain('translate: stopped:');
    expect(stopped.stderr).toContain('kept: 2 machine targets written');
    expect(stopped.stderr).not.toContain(KEY);
    expect(count(project.read('translations/en/kreml.xlf'), 'state-qualifier="mt-suggestion"')).toBe(2);

    fake.quota = Number.POSITIVE_INFINITY;
    const bodies = fake.translateBodies.length;
    const resumed = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    expect(resumed.code).toBe(0);
    expect(fake.translateBodies.slice(bodies).flatMap((b) => b.text as string[])).toEqual(['Interfax meldete 1.000 Teilnehmer.', 'Das Treffen ist heute.']);
    expect(count(project.read('translations/en/kreml.xlf'), 'state-qualifier="mt-suggestion"')).toBe(4);
  });

  it('keeps what arrived when interrupted (Ctrl-C), and the next run continues', async () => {
    const fake = await deepl();
    const controller = new AbortController();
    // The first sentence is answered; Ctrl-C comes while the second is on its way.
    let translations = 0;
    fake.fault = (request) => {
      if (request.path !== '/v2/translate') return undefined;
      translations += 1;
      if (translations !== 2) return undefined;
      controller.abort();
      return { kind: 'slow', ms: 2_000 };
    };
    project = tempProject({ fixture: 'maschine' });
    project.write('l10n.config.yaml', `${CONFIG}mt:\n  batch:\n    maxSegments: 1\n  throttle:\n    concurrency: 1\n`);
    const interruptible = () => ({ signal: controller.signal, release: () => undefined });
    const stopped = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV, interruptible });
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toContain('translate: interrupted');
    expect(count(project.read('translations/en/kreml.xlf'), 'state-qualifier="mt-suggestion"')).toBe(1);

    fake.fault = () => undefined;
    const resumed = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', fake.url], '', { env: ENV });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('en: 3 sent, 0 cached');
    expect(count(project.read('translations/en/kreml.xlf'), 'state-qualifier="mt-suggestion"')).toBe(4);
  });

  it('refuses to start without the key, naming the variable, and refuses a key in the config without repeating it', async () => {
    project = tempProject({ fixture: 'maschine' });
    const noKey = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--url', 'http://127.0.0.1:9'], '', { env: {} });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('DEEPL_AUTH_KEY is not set');
    expect(existsSync(path.join(project.root, 'translations/en/kreml.xlf'))).toBe(false);

    project.write('l10n.config.yaml', `${CONFIG}mt:\n  provider: deepl\n  authKey: pasted-key-0815\n`);
    const inConfig = await project.run(['translate', '--lang', 'en'], '', { env: ENV });
    expect(inConfig.code).toBe(2);
    expect(inConfig.stderr).toContain('mt.authKey: API keys are never read from the config');
    expect(inConfig.stderr).not.toContain('pasted-key-0815');
  });

  it('checks its arguments up front', async () => {
    project = tempProject({ fixture: 'maschine' });
    const noLanguage = await project.run(['translate', '--provider', 'deepl']);
    expect(noLanguage.code).toBe(2);
    expect(noLanguage.stderr).toContain('--lang: name the target language(s) to translate');
    const badOnly = await project.run(['translate', '--lang', 'en', '--provider', 'deepl', '--only', 'some']);
    expect(badOnly.code).toBe(2);
    expect(badOnly.stderr).toContain('--only: expected one of new, changed, all, got "some"');
    const noProvider = await project.run(['translate', '--lang', 'en']);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toContain('no machine translation provider');
    const modelless = await project.run(['translate', '--lang', 'en', '--provider', 'libretranslate', '--model', 'x']);
    expect(modelless.code).toBe(2);
    expect(modelless.stderr).toContain('--model: libretranslate has no model to choose');
  });
});
