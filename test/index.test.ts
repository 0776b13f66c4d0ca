/**
 * The pipeline as a program uses it (`pipeline/index.ts`): open a project, extract, let a
 * "translator" edit the XLIFF file, build, and read the results from the returned data.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, extract, openProject, readDocument, segmentsOf, status, type LeverageProvider } from '../pipeline/index.js';
import { tempProject, type TempProject } from './helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** Gives every trans-unit of a 1.2 file a target: `translate(source)`, state translated. */
function translateAll(xliff: string, translate: (source: string) => string): string {
  return xliff.replace(/(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/gu, (_m, open: string, body: string, close: string) => {
    const text = body.replace(/<[^>]+>/gu, '');
    return `${open}${body}${close}\n        <target state="translated" xml:space="preserve">${translate(text)}</target>`;
  });
}

const ENGLISH: Readonly<Record<string, string>> = {
  'Treffen in Peking': 'Meeting in Beijing',
  'Der Präsident traf Kim in Peking.': 'The president met Kim in Beijing.',
  'Beide sprachen zwei Stunden lang.': 'The two talked for two hours.',
  'Danach reiste er ab.': 'Then he left.',
  dpa: 'dpa',
};

describe('the library API', () => {
  it('extracts, builds after a translator\'s edit, and returns what it did as data', async () => {
    project = tempProject({ fixture: 'kurz' });
    const opened = openProject(project.root);
    const extracted = await extract(opened, { languages: ['en'] });
    expect(extracted.documents).toEqual(['source/treffen.txt']);
    const track = extracted.files[0]!.tracks.get('en')!;
    expect(track.exported).toEqual({ file: 'translations/en/treffen.xlf', changed: true, stats: { kept: 0, candidates: 0, added: 5, setAside: 0, restored: 0 } });
    expect(extracted.messages.filter((m) => m.severity !== 'info')).toEqual([]);

    project.write('translations/en/treffen.xlf', translateAll(project.read('translations/en/treffen.xlf'), (s) => ENGLISH[s] ?? s));
    const built = await build(opened, { languages: ['en'] });
    const en = built.languages[0]!;
    expect(en.blocked).toBe(false);
    expect(en.report.summary).toEqual({ errors: 0, warnings: 0, notices: expect.any(Number) });
    expect(en.report.documents[0]).toMatchObject({ document: 'treffen', counts: { segments: 5, published: 5, fellBack: 0, missing: 0 } });
    expect(project.read('output/en/treffen.txt')).toBe('Meeting in Beijing\nThe president met Kim in Beijing. The two talked for two hours.\nThen he left.\ndpa\n');
    expect(existsSync(path.join(project.root, 'output/en/treffen.md'))).toBe(true);

    // The model's target side: per segment id, the target with its state and origin.
    const file = built.files[0]!;
    const first = segmentsOf(file.doc)[1]!;
    expect(file.tracks.get('en')!.targets!.get(first.id)).toMatchObject({
      source: { text: 'Der Präsident traf Kim in Peking.', codes: [] },
      target: { text: 'The president met Kim in Beijing.', codes: [] },
      state: 'translated',
      needsReview: false,
      origin: 'translator',
    });
  });

  it('stops a document that cannot be read, never the run', async () => {
    project = tempProject({ fixture: 'kurz' });
    writeFileSync(path.join(project.root, 'source/kaputt.txt'), Buffer.from('Titel\nGr\xfc\xdfe.\n', 'latin1'));
    const extracted = await extract(openProject(project.root), { languages: ['en'] });
    expect(extracted.documents).toEqual(['source/kaputt.txt', 'source/treffen.txt']);
    const [broken, good] = extracted.files;
    expect(broken!.stopped).toBe(true);
    expect(broken!.messages).toEqual([expect.objectContaining({ ruleId: 'read/encoding', fatal: true, file: 'source/kaputt.txt', line: 2, column: 3 })]);
    expect(good!.stopped).toBe(false);
    expect(existsSync(path.join(project.root, 'translations/en/treffen.xlf'))).toBe(true);
    expect(existsSync(path.join(project.root, 'translations/en/kaputt.xlf'))).toBe(false);
  });

  it('takes a leverage provider (where machine translation plugs in) and offers its suggestions as candidates', async () => {
    project = tempProject({ fixture: 'kurz' });
    const asked: string[][] = [];
    const machine: LeverageProvider = {
      name: 'machine',
      async suggest({ sources }) {
        asked.push([...sources]);
        return new Map(sources.map((s) => [s, [{ source: s, target: `MT ${s}`, quality: 80, origin: 'test-mt', type: 'mt' as const }]]));
      },
    };
    await extract(openProject(project.root), { languages: ['en'], leverage: [machine] });
    // The credit "dpa" has nothing to translate (locked): nobody is asked for it.
    expect(asked).toEqual([['Treffen in Peking', 'Der Präsident traf Kim in Peking.', 'Beide sprachen zwei Stunden lang.', 'Danach reiste er ab.']]);
    const xliff = project.read('translations/en/treffen.xlf');
    expect(xliff).toContain('<alt-trans match-quality="80" origin="test-mt" alttranstype="x-mt">');
    // Machine output is offered, never made the target (the only target is the locked credit's).
    expect(xliff.match(/<target state=/gu)).toEqual(['<target state=']);
    expect(xliff).toContain('<target state="final" xml:space="preserve">dpa</target>');
  });

  it('reads one document through the source stages, and counts states with status', async () => {
    project = tempProject({ fixture: 'kurz' });
    const opened = openProject(project.root);
    const file = await readDocument(opened, 'source/treffen.txt');
    expect(file.doc.blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'paragraph', 'credit']);
    expect(segmentsOf(file.doc)[1]!.spans.map((s) => s.term)).toEqual(['Kim', 'Peking']);
    await extract(opened);
    const counted = await status(opened, { languages: ['fr'] });
    expect([...counted.files[0]!.tracks.keys()]).toEqual(['fr']);
    const targets = [...counted.files[0]!.tracks.get('fr')!.targets!.values()];
    // Every sentence is untranslated but the credit "dpa", locked with its source as final target.
    expect(targets.filter((t) => t.locked === true).map((t) => [t.target?.text, t.state])).toEqual([['dpa', 'final']]);
    expect(targets.filter((t) => t.locked !== true).every((t) => t.target === undefined && t.state === 'initial')).toBe(true);
  });
  it('tells a progress listener after each document of extract, build and status', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('source/zweiter.txt', 'Ein zweiter Text.\n');
    const opened = openProject(project.root);
    const events: string[] = [];
    const onProgress = (e: { task: string; done: number; total: number }): void => {
      events.push(`${e.task} ${e.done}/${e.total}`);
    };
    await extract(opened, { languages: ['en'], onProgress });
    await build(opened, { languages: ['en'], onProgress, outputs: 'none' });
    await status(opened, { languages: ['en'], onProgress });
    expect(events).toEqual(['extract 0/2', 'extract 1/2', 'extract 2/2', 'build 0/2', 'build 1/2', 'build 2/2', 'status 0/2', 'status 1/2', 'status 2/2']);
  });
});
