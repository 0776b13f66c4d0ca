/**
 * The machine stage through the library's `translate`: inline codes go to the provider as tags
 * and come back into the sentence's own codes, so the published document has its markup in place;
 * an answer that lost its codes is never written. A test format with inline codes stands in for
 * the markup formats (`test/helpers/tagged-format.ts`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { build, FORMATS, openProject, resolveMachineSettings, translate } from '../../pipeline/index.js';
import { taggedFormat } from '../helpers/tagged-format.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { startFakeDeepL } from '../mt/fake-deepl.js';
import { startFakeChat } from '../mt/fake-openai.js';
import type { FakeServer } from '../mt/fake-server.js';

const KEY = 'stage-test-key';
const SOURCE = 'Titel\nDer Kreml sagte am <b>Montag</b>, das Treffen<img/> fand statt.\n';

let project: TempProject | undefined;
const servers: FakeServer[] = [];
afterEach(async () => {
  project?.remove();
  project = undefined;
  for (const server of servers.splice(0)) await server.close();
});

function taggedProject(): TempProject {
  const made = tempProject({ fixture: 'maschine' });
  made.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/markiert.tagged]\npolicies:\n  machine:\n    publish: [en]\n');
  made.write('source/markiert.tagged', SOURCE);
  return made;
}

describe('machine translation in the translate chain', () => {
  it('sends inline codes as tags and puts the answer\'s codes back in place, so the document keeps its markup', async () => {
    const fake = await startFakeDeepL(KEY);
    servers.push(fake);
    project = taggedProject();
    const opened = openProject(project.root, { formats: [...FORMATS, taggedFormat] });
    const result = await translate(opened, { settings: resolveMachineSettings(opened.config, { provider: 'deepl', endpoint: fake.url }), env: { DEEPL_AUTH_KEY: KEY } });
    expect(result.languages.map((l) => [l.language, l.written, l.refused])).toEqual([['en', 2, 0]]);
    expect(fake.translateBodies.flatMap((b) => b.text as string[])).toContain('Der Kreml sagte am <g id="1">Montag</g>, das Treffen<x id="2"/> fand statt.');

    const built = await build(opened);
    expect(built.languages[0]!.blocked).toBe(false);
    expect(project.read('output/en/markiert.tagged')).toBe('Titel\nThe Kremlin said on <b>Monday</b>, the meeting<img/> took place.\n');
  });

  it('never writes an answer that lost the inline codes: the sentence is reported and left for a translator', async () => {
    const fake = await startFakeChat();
    fake.mode = 'drop-tags';
    servers.push(fake);
    project = taggedProject();
    const opened = openProject(project.root, { formats: [...FORMATS, taggedFormat] });
    const settings = resolveMachineSettings(opened.config, { provider: 'openai', endpoint: `${fake.url}/v1/chat/completions` });
    const result = await translate(opened, { settings, env: {} });
    // The title has no codes and is written; the sentence with codes is not.
    expect(result.languages[0]!.written).toBe(1);
    expect(result.languages[0]!.summary?.rejected).toBe(1);
    const refusal = result.messages.find((m) => m.reason.startsWith('machine translation refused'));
    expect(refusal).toMatchObject({ ruleId: 'mt/inline-codes', severity: 'warning', file: 'translations/en/markiert.xlf' });
    const xliff = project.read('translations/en/markiert.xlf');
    expect(xliff).not.toContain('The Kremlin said on Monday');
    expect(xliff.split('state-qualifier="mt-suggestion"')).toHaveLength(2);
  });
});
