/**
 * Extract does not compute again what did not change: a document whose source, XLIFF files and
 * project inputs (config, glossary, segmentation rules, language files) are as a recorded run
 * left them is only read; a change of any of them is seen.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillXliff, pseudoTranslator } from '../../pipeline/bench/archive.js';
import { extract, openProject, type ExtractResult } from '../../pipeline/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

const LANGUAGES = ['en', 'fr'] as const;
const CONFIG = '# A small project of its own for tests: one short article, two target languages.\nsourceLanguage: de\ntargetLanguages: [en, fr]\n';

/** Runs extract as the CLI does: the project opened afresh, so every input is read again. */
const run = async (p: TempProject): Promise<ExtractResult> => extract(openProject(p.root));

/** Fills every unit without a target in both languages, as a translator would. */
function translateAll(p: TempProject, keep: (source: string) => boolean = () => true): void {
  for (const language of LANGUAGES) {
    const file = `translations/${language}/treffen.xlf`;
    const translate = pseudoTranslator(language);
    const filled = fillXliff(p.read(file), translate).xml;
    // Leave the units whose source `keep` refuses untranslated again.
    p.write(file, filled.replace(/(<source xml:space="preserve">([\s\S]*?)<\/source>)<target state="translated" xml:space="preserve">[\s\S]*?<\/target>/gu, (all, source: string, text: string) => (keep(text.replace(/<[^>]+>/gu, '')) ? all : source)));
  }
}

/** A translated project whose XLIFF files are as extract writes them, and the run that recorded it. */
async function recordedProject(keep?: (source: string) => boolean): Promise<{ p: TempProject; recorded: ExtractResult }> {
  const p = tempProject({ fixture: 'kurz' });
  project = p;
  await run(p);
  translateAll(p, keep);
  await run(p); // merges the translators' work: the files change
  const recorded = await run(p); // finds the files as it writes them: recorded
  return { p, recorded };
}

const snapshot = (p: TempProject): string[] => LANGUAGES.map((l) => p.read(`translations/${l}/treffen.xlf`));
const unchanged = (r: ExtractResult): boolean[] => r.files.map((f) => f.unchanged);

describe('extract on an unchanged document', () => {
  it('reads it without computing it again, and reports what the recorded run reported', async () => {
    const { p, recorded } = await recordedProject();
    expect(unchanged(recorded)).toEqual([false]);
    const before = snapshot(p);
    const again = await run(p);
    expect(unchanged(again)).toEqual([true]);
    expect(again.files[0]!.document).toBeUndefined();
    expect(again.messages).toEqual(recorded.messages);
    for (const language of LANGUAGES) expect(again.files[0]!.tracks.get(language)!.exported).toEqual(recorded.files[0]!.tracks.get(language)!.exported);
    expect(snapshot(p)).toEqual(before);
    expect(p.read('.l10n-cache/.gitignore')).toContain('*');
  });

  it('still teaches the memory the translations of its XLIFF files', async () => {
    const { p } = await recordedProject();
    const memory = p.read('translations/memory/de-en.tmx');
    rmSync(path.join(p.root, 'translations/memory/de-en.tmx'));
    const again = await run(p);
    expect(unchanged(again)).toEqual([true]);
    expect(p.read('translations/memory/de-en.tmx')).toBe(memory);
  });

  it('computes every document again when the record is unreadable', async () => {
    const { p } = await recordedProject();
    p.write('.l10n-cache/extract.json', '{"version": 1, "documents": ');
    expect(unchanged(await run(p))).toEqual([false]);
    expect(unchanged(await run(p))).toEqual([true]);
  });
});

describe('extract sees a change of any input', () => {
  it('of the source: the edited sentence gets the old translation as a candidate', async () => {
    const { p } = await recordedProject();
    p.write('source/treffen.txt', p.read('source/treffen.txt').replace('zwei Stunden', 'drei Stunden'));
    const after = await run(p);
    expect(unchanged(after)).toEqual([false]);
    expect(p.read('translations/en/treffen.xlf')).toContain('drei Stunden');
  });

  it('of the glossary: a new term is annotated', async () => {
    const { p } = await recordedProject();
    p.write('glossary/terms.yaml', `${p.read('glossary/terms.yaml')}  - source: Präsident\n    kind: title\n    targets:\n      en: President\n      fr: président\n`);
    const after = await run(p);
    expect(unchanged(after)).toEqual([false]);
    expect(p.read('translations/en/treffen.xlf')).toMatch(/<mrk mtype="term"[^>]*>Präsident<\/mrk>/u);
  });

  it('of the segmentation rules: an edited SRX file segments the source again', async () => {
    const { p } = await recordedProject();
    const srx = path.join(p.root, 'rules.srx');
    copyFileSync('pipeline/segment/rules/de.srx', srx);
    p.write('l10n.config.yaml', `${CONFIG}segmentation:\n  srx: rules.srx\n`);
    await run(p);
    await run(p);
    expect(unchanged(await run(p))).toEqual([true]);
    const units = (): number => p.read('translations/en/treffen.xlf').split('<trans-unit ').length - 1;
    expect(units()).toBe(5);
    // A rule that never breaks after "Peking.": the two sentences of the second line become one.
    const rules = readFileSync(srx, 'utf8');
    const edited = rules.replace(/(<languagerule [^>]*>)/u, '$1\n<rule break="no"><beforebreak>Peking\\.</beforebreak><afterbreak>\\s</afterbreak></rule>');
    expect(edited).not.toBe(rules);
    p.write('rules.srx', edited);
    const after = await run(p);
    expect(unchanged(after)).toEqual([false]);
    expect(units()).toBe(4);
  });

  it('of the config: another XLIFF version is written', async () => {
    const { p } = await recordedProject();
    p.write('l10n.config.yaml', `${CONFIG}xliff:\n  version: "2.1"\n`);
    const after = await run(p);
    expect(unchanged(after)).toEqual([false]);
    expect(p.read('translations/en/treffen.xlf')).toContain('urn:oasis:names:tc:xliff:document:2.0');
  });

  it('of an XLIFF file a translator edited: the edit is merged and learned', async () => {
    const { p } = await recordedProject();
    const file = 'translations/fr/treffen.xlf';
    p.write(file, p.read(file).replace(/(<target state="translated" xml:space="preserve">)[^<]*/u, '$1Rencontre à Pékin'));
    const after = await run(p);
    expect(unchanged(after)).toEqual([false]);
    expect(p.read(file)).toContain('Rencontre à Pékin');
    expect(p.read('translations/memory/de-fr.tmx')).toContain('Rencontre à Pékin');
  });

  it('of the memory: a sentence without a translation gets what the memory learned since', async () => {
    const open = 'Danach reiste er ab.';
    const { p } = await recordedProject((source) => source !== open);
    expect(p.read('translations/en/treffen.xlf')).not.toContain('He left afterwards.');
    // Another document translates the same sentence: the memory learns it in the next run.
    p.write('source/abreise.txt', `Abreise\n${open}\n`);
    await run(p);
    p.write('translations/en/abreise.xlf', p.read('translations/en/abreise.xlf').replace(/(<source xml:space="preserve">Danach reiste er ab\.<\/source>)/u, '$1<target state="translated" xml:space="preserve">He left afterwards.</target>'));
    await run(p);
    expect(p.read('translations/en/treffen.xlf')).toContain('He left afterwards.');
  });
});
