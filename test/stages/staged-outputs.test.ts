/**
 * The build writes each document's outputs as soon as the document is built (to temporary files)
 * and publishes a language only when all of its documents allow it: never half a language.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillXliff, pseudoTranslator } from '../../pipeline/bench/archive.js';
import { build, extract, openProject } from '../../pipeline/index.js';
import { StagedOutputs } from '../../pipeline/stages/staged-outputs.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
const folders: string[] = [];
afterEach(() => {
  project?.remove();
  project = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Every file under a folder, relative to it, hidden ones included. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
    .sort();
}

/** Two documents, both translated into English except, with `gap`, one sentence of the second. */
async function twoDocuments(gap: boolean): Promise<TempProject> {
  const p = tempProject({ fixture: 'kurz' });
  project = p;
  p.write('l10n.config.yaml', 'sourceLanguage: de\ntargetLanguages: [en]\n');
  p.write('source/zweiter.txt', 'Zweiter Bericht\nDie Delegation reiste am Abend ab.\n');
  await extract(openProject(p.root));
  for (const name of ['treffen', 'zweiter']) {
    const file = `translations/en/${name}.xlf`;
    p.write(file, fillXliff(p.read(file), pseudoTranslator('en')).xml);
  }
  if (gap) {
    const file = 'translations/en/zweiter.xlf';
    p.write(file, p.read(file).replace(/<target state="translated" xml:space="preserve">[^<]*<\/target>/u, ''));
  }
  return p;
}

describe('build outputs', () => {
  it('are written as each document is done, and the documents let go when asked', async () => {
    const p = await twoDocuments(false);
    const result = await build(openProject(p.root), { keepDocuments: false });
    expect(result.languages[0]!.blocked).toBe(false);
    expect(filesUnder(path.join(p.root, 'output/en'))).toEqual(['report.json', 'treffen.md', 'treffen.txt', 'zweiter.md', 'zweiter.txt']);
    expect(result.languages[0]!.report.documents.map((d) => d.outputs)).toEqual([
      ['output/en/treffen.txt', 'output/en/treffen.md'],
      ['output/en/zweiter.txt', 'output/en/zweiter.md'],
    ]);
    for (const file of result.files) {
      expect(file.document).toBeUndefined();
      expect(file.tracks.get('en')!.outputs).toEqual([]);
      expect(file.tracks.get('en')!.counts).toMatchObject({ published: expect.any(Number), missing: 0 });
    }
  });

  it('are the same bytes whether documents are kept or let go', async () => {
    const p = await twoDocuments(false);
    await build(openProject(p.root));
    const kept = filesUnder(path.join(p.root, 'output/en')).map((f) => p.read(`output/en/${f}`));
    rmSync(path.join(p.root, 'output'), { recursive: true });
    await build(openProject(p.root), { keepDocuments: false });
    expect(filesUnder(path.join(p.root, 'output/en')).map((f) => p.read(`output/en/${f}`))).toEqual(kept);
  });

  it('of a language with one failing document publish nothing, not the documents built before it, and leave no temporary file', async () => {
    const p = await twoDocuments(true);
    const result = await build(openProject(p.root), { keepDocuments: false });
    expect(result.languages[0]!.blocked).toBe(true);
    expect(filesUnder(path.join(p.root, 'output'))).toEqual([]);
  });
});

describe('StagedOutputs', () => {
  const folder = (): string => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-staged-'));
    folders.push(root);
    return root;
  };

  it('keeps staged files hidden until the language is published, then renames them into place', () => {
    const root = folder();
    const staged = new StagedOutputs(root);
    staged.stage('en', [{ path: path.join(root, 'en/a.txt'), content: 'A\n' }]);
    expect(filesUnder(root)).toEqual([`en/.l10n-tmp-${process.pid}-a.txt`]);
    expect(staged.publish('en', [{ path: path.join(root, 'en/report.json'), content: '{}\n' }])).toEqual([]);
    expect(filesUnder(root)).toEqual(['en/a.txt', 'en/report.json']);
    expect(readFileSync(path.join(root, 'en/a.txt'), 'utf8')).toBe('A\n');
  });

  it('removes what a discarded language staged', () => {
    const root = folder();
    const staged = new StagedOutputs(root);
    staged.stage('fr', [{ path: path.join(root, 'fr/a.txt'), content: 'A\n' }]);
    staged.discard('fr');
    expect(filesUnder(root)).toEqual([]);
  });
});
