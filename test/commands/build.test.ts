/**
 * `l10n build` and `extract` on projects that are set up in ways a user gets wrong: stale XLIFF
 * files, document names that clash, an empty source, a glossary with warnings, an output folder
 * that cannot be written.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'putin-kim-treffen-peking';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function shipped(): TempProject {
  project = tempProject({ withTranslations: true });
  return project;
}

describe('build', () => {
  it('reports an XLIFF file whose document no longer exists, as a warning in the output and the report', async () => {
    const p = shipped();
    p.write('translations/en/old-article.xlf', p.read(`translations/en/${DOC}.xlf`));
    const result = await p.run(['build', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('translations/en/old-article.xlf: warning: no source document has this translation file');
    const report = JSON.parse(p.read('output/en/report.json')) as { messages: { ruleId: string; file?: string }[] };
    expect(report.messages).toContainEqual(expect.objectContaining({ ruleId: 'build/orphan-xliff', file: 'translations/en/old-article.xlf' }));
    expect(report.messages.filter((m) => m.ruleId === 'build/orphan-xliff')).toHaveLength(1); // not the document's own file
  });

  it('names glossary files relative to the project in report.json, never by an absolute path', async () => {
    const p = shipped();
    p.write('glossary/extra.yaml', 'terms:\n  - source: Foo\n    kind: place\n');
    expect((await p.run(['build', '--lang', 'en'])).code).toBe(0);
    const report = p.read('output/en/report.json');
    expect(report).not.toContain(p.root);
    expect(report).toContain('"file": "glossary/extra.yaml"');
  });

  it('names the output file that could not be written (exit 3)', async () => {
    const p = shipped();
    rmSync(path.join(p.root, 'output'), { recursive: true, force: true });
    mkdirSync(path.join(p.root, 'output'));
    writeFileSync(path.join(p.root, 'output/en'), 'a file where the folder should be');
    const result = await p.run(['build', '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/output\/en\/putin-kim-treffen-peking\.txt: error: the output could not be written/u);
  });

  it('keeps a document named "report" apart from the report: report.txt and report.md beside report.json', async () => {
    const p = shipped();
    p.write('source/report.txt', 'Ein Bericht\nDer Bericht hat einen Satz.\n');
    p.write('l10n.config.yaml', 'targetLanguages: [en]\npolicies:\n  untranslated: source\n');
    expect((await p.run(['extract'])).code).toBe(0);
    expect((await p.run(['build'])).code).toBe(0);
    expect(p.read('output/en/report.txt')).toBe('Ein Bericht\nDer Bericht hat einen Satz.\n');
    expect(JSON.parse(p.read('output/en/report.json'))).toMatchObject({ reportVersion: 1, language: 'en' });
  });
});

describe('document names', () => {
  it('refuses source files whose names differ only in case before anything is written (exit 2)', async () => {
    project = tempProject();
    project.write('source/Putin-Kim-Treffen-Peking.txt', project.read(`source/${DOC}.txt`));
    project.write('l10n.config.yaml', 'targetLanguages: [en]\n');
    const result = await project.run(['extract']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[config/duplicate-document]');
  });

  it('refuses listed documents with the same name in different folders, with the line of the second (exit 2)', async () => {
    project = tempProject();
    mkdirSync(path.join(project.root, 'source/b'));
    project.write(`source/b/${DOC}.txt`, project.read(`source/${DOC}.txt`));
    project.write('l10n.config.yaml', `targetLanguages: [en]\ndocuments:\n  - source/${DOC}.txt\n  - source/b/${DOC}.txt\n`);
    const result = await project.run(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^l10n\.config\.yaml:4:5: error: documents\[1\]/mu);
  });
});

describe('extract on an empty source file', () => {
  it('warns with the file and line instead of silently writing an empty XLIFF file', async () => {
    project = tempProject();
    project.write('source/leer.txt', '');
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/leer.txt]\n');
    const result = await project.run(['extract']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('source/leer.txt:1:1: warning: the document has no text');
  });
});
