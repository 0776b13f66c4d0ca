/**
 * What `build` writes and says when a language or a document fails: the report always describes
 * the run that wrote it, and a fatal problem stops only the document it concerns.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

interface Report {
  written?: boolean;
  summary: { errors: number; warnings: number; notices: number };
  documents: Array<{ document: string; outputs: string[]; counts: { published: number; segments: number } }>;
  messages: Array<{ ruleId: string; file?: string; severity: string; fatal?: boolean }>;
}

/** The artikel project with a second translated document, `zwei`, a copy of `gipfel`. */
function twoDocuments(): TempProject {
  const p = tempProject({ fixture: 'artikel', withTranslations: true });
  p.write('source/zwei.txt', p.read(`source/${DOC}.txt`));
  for (const language of ['en', 'fr', 'es']) {
    p.write(`translations/${language}/zwei.xlf`, p.read(`translations/${language}/${DOC}.xlf`).replace(`original="source/${DOC}.txt"`, 'original="source/zwei.txt"'));
  }
  return p;
}

describe('the report of a language that fails', () => {
  it('describes the failed run, not the previous one, and the summary line claims nothing it did not do', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    expect((await project.run(['build'])).code).toBe(0);
    const before = JSON.parse(project.read('output/en/report.json')) as Report;
    expect(before.summary.errors).toBe(0);
    const file = `translations/en/${DOC}.xlf`;
    project.write(file, project.read(file).replaceAll('state="translated"', 'state="needs-translation"'));

    const result = await project.run(['build']);
    expect(result.code).toBe(1);
    const report = JSON.parse(project.read('output/en/report.json')) as Report;
    expect(report.written).toBe(false);
    // Seven: the locked credit "dpa" needs no translation.
    expect(report.summary.errors).toBe(7);
    expect(report.documents[0]?.outputs).toEqual([]);
    expect(report.messages.filter((m) => m.ruleId === 'build/untranslated')).toHaveLength(7);
    expect(result.stderr).toContain('en: 1/8 segments published; nothing published: 7 errors at or above --fail-on error (a language is published only when it has none); report: output/en/report.json');
    // The last published translation stays where it was.
    expect(existsSync(path.join(project.root, `output/en/${DOC}.txt`))).toBe(true);
    expect((JSON.parse(project.read('output/fr/report.json')) as Report).written).toBe(true);
  });

  it('lists the messages the report keeps: what the terminal left out is really in report.json', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const file = `translations/en/${DOC}.xlf`;
    project.write(file, project.read(file).replaceAll('state="translated"', 'state="needs-translation"'));
    const result = await project.run(['build', '--lang', 'en']);
    expect(result.stderr).toContain('2 more like the above [build/untranslated] (all are in --format json and output/<lang>/report.json)');
    const report = JSON.parse(project.read('output/en/report.json')) as Report;
    expect(report.messages.filter((m) => m.ruleId === 'build/untranslated')).toHaveLength(7);
  });
});

describe('a fatal problem stops only its document', () => {
  it('a listed document that does not exist: the other documents are written in every language, exit 3', async () => {
    project = twoDocuments();
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}\ndocuments: [source/${DOC}.txt, source/fehlt.txt, source/zwei.txt]\n`);
    const result = await project.run(['build']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('source/fehlt.txt: error: the source document does not exist [read/io]');
    for (const language of ['en', 'fr', 'es']) {
      expect(result.stderr).toContain(`${language}: 16/16 segments published; wrote output/${language}/${DOC}.txt, output/${language}/${DOC}.md, output/${language}/${DOC}.review.html, output/${language}/zwei.txt, output/${language}/zwei.md, output/${language}/zwei.review.html`);
      expect(existsSync(path.join(project.root, `output/${language}/zwei.txt`))).toBe(true);
      const report = JSON.parse(project.read(`output/${language}/report.json`)) as Report;
      expect(report.messages).toContainEqual(expect.objectContaining({ ruleId: 'read/io', file: 'source/fehlt.txt', fatal: true }));
      // each document: its .txt, its .md and its review page
      expect(report.documents.map((d) => [d.document, d.outputs.length])).toEqual([[DOC, 3], ['fehlt', 0], ['zwei', 3]]);
    }
  });

  it('a translation file for another language stops that document in that language; its other documents are written', async () => {
    project = twoDocuments();
    project.write('translations/fr/zwei.xlf', project.read('translations/es/zwei.xlf'));
    const result = await project.run(['build']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[xliff/wrong-language]');
    expect(result.stderr).toContain(`fr: 8/16 segments published; wrote output/fr/${DOC}.txt, output/fr/${DOC}.md`);
    expect(existsSync(path.join(project.root, 'output/fr/zwei.txt'))).toBe(false);
    expect(result.stderr).toContain(`en: 16/16 segments published; wrote output/en/${DOC}.txt`);
  });
});
