/**
 * `l10n build` and `extract` on projects that are set up in ways a user gets wrong: stale XLIFF
 * files, document names that clash, an empty source, a glossary with warnings, an output folder
 * that cannot be written.
 */
import { existsSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function translatedProject(): TempProject {
  project = tempProject({ fixture: 'artikel', withTranslations: true });
  return project;
}

describe('build', () => {
  it('refuses a Spanish file put in place of the French one: exit 3, one message, nothing published for French', async () => {
    const p = translatedProject();
    p.write(`translations/fr/${DOC}.xlf`, p.read(`translations/es/${DOC}.xlf`));
    const result = await p.run(['build', '--lang', 'fr', '--format', 'json']);
    expect(result.code).toBe(3);
    const [report] = JSON.parse(result.stdout) as Array<{ documents: Array<{ counts: { published: number } }>; messages: Array<{ ruleId: string; file?: string; actual?: string; expected?: string }> }>;
    const ofFile = report?.messages.filter((m) => m.file === `translations/fr/${DOC}.xlf`);
    expect(ofFile).toEqual([expect.objectContaining({ ruleId: 'xliff/wrong-language', actual: 'es', expected: 'fr' })]);
    expect(report?.documents[0]?.counts.published).toBe(0);
    expect(result.stderr).toContain('fr: 0/8 segments published; nothing published: 1 document could not be built (see the errors above); report: output/fr/report.json');
    expect(existsSync(path.join(p.root, `output/fr/${DOC}.txt`))).toBe(false);
  });

  it('refuses a 2.5 GB translation file as too large without reading it, and never calls it missing (build and status)', async () => {
    const p = translatedProject();
    const file = path.join(p.root, `translations/fr/${DOC}.xlf`);
    truncateSync(file, 2.5 * 1024 ** 3);
    const result = await p.run(['build', '--lang', 'fr']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`translations/fr/${DOC}.xlf: error: the file is 2560.0 MB (2684354560 bytes), more than the limit of 100 MB [xliff/too-large]`);
    expect(result.stderr).toContain('L10N_MAX_FILE_MB');
    expect(result.stderr).not.toContain('no translation file');
    const status = await p.run(['status', '--lang', 'fr']);
    expect(status.stderr).toContain('[xliff/too-large]');
  });

  it('reads files up to L10N_MAX_FILE_MB and refuses an invalid value as a configuration error (exit 2)', async () => {
    const p = translatedProject();
    const before = process.env.L10N_MAX_FILE_MB;
    try {
      process.env.L10N_MAX_FILE_MB = '1';
      truncateSync(path.join(p.root, `translations/fr/${DOC}.xlf`), 2 * 1024 * 1024);
      const small = await p.run(['build', '--lang', 'fr']);
      expect(small.stderr).toContain('more than the limit of 1 MB [xliff/too-large]');
      process.env.L10N_MAX_FILE_MB = 'lots';
      const invalid = await p.run(['build', '--lang', 'en']);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('[config/max-file-mb]');
    } finally {
      if (before === undefined) delete process.env.L10N_MAX_FILE_MB;
      else process.env.L10N_MAX_FILE_MB = before;
    }
  });

  it('quotes at most a capped excerpt of an unknown unit whose source is 8.4 MB, on the terminal and in report.json', async () => {
    const p = translatedProject();
    const huge = 'Ein sehr langer Satz ohne Ende '.repeat(280_000);
    const file = `translations/fr/${DOC}.xlf`;
    p.write(file, p.read(file).replace('<body>', `<body><trans-unit id="old"><source>${huge}</source><target>x</target></trans-unit>`));
    const result = await p.run(['build', '--lang', 'fr']);
    expect(result.stderr).toContain('[xliff/unknown-id]');
    expect(result.stderr).toContain(`(${huge.length} characters)`);
    expect(result.stderr.length).toBeLessThan(20_000);
    expect(p.read('output/fr/report.json').length).toBeLessThan(100_000);
  });

  it('reports an XLIFF file whose document no longer exists, as a warning in the output and the report', async () => {
    const p = translatedProject();
    p.write('translations/en/old-article.xlf', p.read(`translations/en/${DOC}.xlf`));
    const result = await p.run(['build', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('translations/en/old-article.xlf: warning: no source document has this translation file');
    const report = JSON.parse(p.read('output/en/report.json')) as { messages: { ruleId: string; file?: string }[] };
    expect(report.messages).toContainEqual(expect.objectContaining({ ruleId: 'build/orphan-xliff', file: 'translations/en/old-article.xlf' }));
    expect(report.messages.filter((m) => m.ruleId === 'build/orphan-xliff')).toHaveLength(1); // not the document's own file
  });

  it('names glossary files relative to the project in report.json, never by an absolute path', async () => {
    const p = translatedProject();
    p.write('glossary/extra.yaml', 'terms:\n  - source: Foo\n    kind: place\n');
    expect((await p.run(['build', '--lang', 'en'])).code).toBe(0);
    const report = p.read('output/en/report.json');
    expect(report).not.toContain(p.root);
    expect(report).toContain('"file": "glossary/extra.yaml"');
  });

  it('names the output file that could not be written (exit 3)', async () => {
    const p = translatedProject();
    rmSync(path.join(p.root, 'output'), { recursive: true, force: true });
    mkdirSync(path.join(p.root, 'output'));
    writeFileSync(path.join(p.root, 'output/en'), 'a file where the folder should be');
    const result = await p.run(['build', '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/output\/en\/gipfel\.txt: error: the output could not be written/u);
  });

  it('keeps a document named "report" apart from the report: report.txt and report.md beside report.json', async () => {
    const p = translatedProject();
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
    project = tempProject({ fixture: 'artikel' });
    project.write('source/Gipfel.txt', project.read(`source/${DOC}.txt`));
    project.write('l10n.config.yaml', 'targetLanguages: [en]\n');
    const result = await project.run(['extract']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[config/duplicate-document]');
  });

  it('keeps documents of the same file name in different folders apart: their names are their paths below source/', async () => {
    project = tempProject({ fixture: 'artikel' });
    mkdirSync(path.join(project.root, 'source/b'));
    project.write(`source/b/${DOC}.txt`, 'Ein anderer Titel\nEin anderer Absatz mit einem Satz.\n');
    project.write('l10n.config.yaml', 'targetLanguages: [en]\npolicies:\n  untranslated: source\n');
    const extracted = await project.run(['extract']);
    expect(extracted.code).toBe(0);
    expect(extracted.stderr).toContain(`extract: 2 documents: source/b/${DOC}.txt, source/${DOC}.txt`);
    expect(project.read(`translations/en/b/${DOC}.xlf`)).toContain(`original="source/b/${DOC}.txt"`);
    expect(project.read(`translations/en/${DOC}.xlf`)).toContain(`original="source/${DOC}.txt"`);
    expect((await project.run(['build'])).code).toBe(0);
    expect(project.read(`output/en/b/${DOC}.txt`)).toBe('Ein anderer Titel\nEin anderer Absatz mit einem Satz.\n');
    expect(project.read(`output/en/${DOC}.md`).startsWith('# Scholz trifft Macron in Paris')).toBe(true);
  });

  it('refuses listed documents with the same name (the same path below source/ but for the extension), with the line of the second (exit 2)', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write(`source/${DOC}.text`, project.read(`source/${DOC}.txt`));
    project.write('l10n.config.yaml', `targetLanguages: [en]\ndocuments:\n  - source/${DOC}.txt\n  - source/${DOC}.text\n`);
    const result = await project.run(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^l10n\.config\.yaml:4:5: error: documents\[1\]/mu);
  });
});

describe('extract on an empty source file', () => {
  it('warns with the file and line instead of silently writing an empty XLIFF file', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('source/leer.txt', '');
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/leer.txt]\n');
    const result = await project.run(['extract']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('source/leer.txt:1:1: warning: the document has no text');
  });
});

describe('what an editor sees after changing a sentence of a translated article', () => {
  const before = 'Der Kreml reagierte verhalten.';
  const after = 'Der Kreml reagierte zunächst verhalten.';

  it('extract names each language\'s XLIFF file and the unit in its merge notices', async () => {
    const p = translatedProject();
    p.write(`source/${DOC}.txt`, p.read(`source/${DOC}.txt`).replace(before, after));
    const extracted = await p.run(['extract']);
    expect(extracted.code).toBe(0);
    for (const lang of ['en', 'fr', 'es']) {
      expect(extracted.stderr).toMatch(new RegExp(`translations/${lang}/${DOC}\\.xlf unit s[0-9a-f]+\\n    info: unit s[0-9a-f]+: the sentence changed; the previous translation \\(\\d+% similar\\) is its target again, marked for review \\[xliff/candidate\\]`, 'u'));
      expect(extracted.stderr).toContain(`translations/${lang}/${DOC}.aside.xlf: info: 1 translated unit of sentences no longer in the source set aside in this file; restored when the sentence returns [xliff/set-aside]`);
    }
    expect(extracted.stderr).not.toContain(`source/${DOC}.txt: info: Sentence`);

    // The build says what to do with the candidate, and why nothing was written.
    const built = await p.run(['build', '--lang', 'fr']);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('error: segment not published: its translation is marked for review [build/untranslated]');
    expect(built.stderr).toContain('→ review the translation (after a source change the previous version is in the unit\'s candidates) and confirm it in the CAT tool');
    expect(built.stderr).toMatch(/^fr: 7\/8 segments published; nothing published: 1 error at or above --fail-on error \(a language is published only when it has none\); report: output\/fr\/report.json$/mu);
  });

  it('check counts warnings with the right plural', async () => {
    const p = translatedProject();
    const file = `translations/fr/${DOC}.xlf`;
    // One warning: a doubled word in the title.
    const xliff = p.read(file);
    expect(xliff).toContain('>Scholz rencontre Macron');
    p.write(file, xliff.replace('>Scholz rencontre Macron', '>Scholz rencontre rencontre Macron'));
    const checked = await p.run(['check', '--lang', 'fr']);
    expect(checked.stderr).toMatch(/^fr: 8\/8 segments publishable; 0 errors, 1 warning$/mu);
  });
});
