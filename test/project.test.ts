/**
 * Documents found, not listed: every file in the source folder a format reads, narrowed by the
 * config's paths and globs; names that would clash refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findDocuments, InputError, openProject } from '../pipeline/index.js';
import { tempProject, type TempProject } from './helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

const TEXT = 'Titel\nEin Absatz mit einem Satz.\n';

function found(config = 'targetLanguages: [en]\n'): Array<[string, string, string | undefined]> {
  project!.write('l10n.config.yaml', config);
  return findDocuments(openProject(project!.root)).map((d) => [d.path, d.name, d.format?.id]);
}

describe('findDocuments', () => {
  it('takes every file under the source folder that a format reads, in its folders too, sorted; hidden and unknown files are left out', () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('source/b/zwei.txt', TEXT);
    project.write('source/a/eins.TXT', TEXT);
    project.write('source/.entwurf.txt', TEXT);
    project.write('source/notiz.rtf', 'x');
    expect(found()).toEqual([
      ['source/a/eins.TXT', 'a/eins', 'text'],
      ['source/b/zwei.txt', 'b/zwei', 'text'],
      ['source/treffen.txt', 'treffen', 'text'],
    ]);
  });

  it('narrows to the paths and globs the config lists, in their order, each file once', () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('source/news/b.txt', TEXT);
    project.write('source/news/a.txt', TEXT);
    project.write('source/news/alt/c.txt', TEXT);
    expect(found('targetLanguages: [en]\ndocuments: [source/treffen.txt, "source/news/*.txt", source/news/a.txt]\n').map(([p]) => p)).toEqual([
      'source/treffen.txt',
      'source/news/a.txt',
      'source/news/b.txt',
    ]);
    expect(found('targetLanguages: [en]\ndocuments: ["source/**/*.txt"]\n').map(([p]) => p)).toEqual([
      'source/news/a.txt',
      'source/news/alt/c.txt',
      'source/news/b.txt',
      'source/treffen.txt',
    ]);
    expect(found('targetLanguages: [en]\ndocuments: ["source/leer/*.txt"]\n')).toEqual([]);
  });

  it('names documents by their path below paths.source', () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('texte/politik/a.txt', TEXT);
    expect(found('targetLanguages: [en]\npaths:\n  source: texte\n')).toEqual([['texte/politik/a.txt', 'politik/a', 'text']]);
  });

  it('refuses documents whose names differ only in case, with the rule and the file (exit 2 in the CLI)', () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('source/Treffen.txt', TEXT);
    expect(() => found()).toThrow(InputError);
    try {
      found();
    } catch (error) {
      expect((error as InputError).detail).toMatchObject({
        ruleId: 'config/duplicate-document',
        file: 'source/treffen.txt',
        reason: '"source/treffen.txt" has the same document name as "source/Treffen.txt", so both would write the same XLIFF and output files',
      });
    }
  });
});

describe('extract finds a new article without a config change', () => {
  it('says which documents it found and writes the new one\'s XLIFF files', async () => {
    project = tempProject({ fixture: 'kurz' });
    expect((await project.run(['extract'])).stderr).toContain('extract: 1 document: source/treffen.txt');
    project.write('source/neu.txt', TEXT);
    const second = await project.run(['extract']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('extract: 2 documents: source/neu.txt, source/treffen.txt');
    expect(second.stderr).toContain('translations/en/neu.xlf: written (0 kept, 2 new');
    expect(second.stderr).toContain('translations/fr/treffen.xlf: unchanged');
  });
});
