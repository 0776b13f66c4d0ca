import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedFiles, tempProject, type TempProject } from '../helpers/project.js';

const ARTICLE = 'source/gipfel.txt';
const DOC = 'gipfel';
const LANGUAGES = ['en', 'fr', 'es'];

/** Gives every trans-unit a target equal to its source, as "copy source to target" in a CAT tool does. */
function copySourceToTarget(xliff: string, state = 'translated'): string {
  return xliff.replace(/<source xml:space="preserve">([\s\S]*?)<\/source>/gu, (source, inner: string) =>
    `${source}<target state="${state}">${inner.replace(/<mrk[^>]*>|<\/mrk>/gu, '')}</target>`,
  );
}

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/**
 * The whole pipeline through the CLI on a small article of its own (`test/fixtures/projects/artikel`):
 * extract, a translator's edit, build, and what goes wrong on the way.
 */
describe('extract', () => {
  it('writes one XLIFF file per target language with one unit per sentence', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['extract']);
    expect(result.code).toBe(0);
    for (const language of LANGUAGES) {
      const xliff = project.read(`translations/${language}/${DOC}.xlf`);
      expect(xliff.match(/<trans-unit /gu)).toHaveLength(8);
      expect(xliff).toContain(`target-language="${language}"`);
    }
  });

  it('changes nothing when run twice', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract']);
    const first = LANGUAGES.map((l) => project!.read(`translations/${l}/${DOC}.xlf`));
    const second = await project.run(['extract']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('unchanged');
    expect(LANGUAGES.map((l) => project!.read(`translations/${l}/${DOC}.xlf`))).toEqual(first);
  });

  it('keeps every translation whose sentence did not change after the source is edited', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract']);
    const file = `translations/en/${DOC}.xlf`;
    project.write(file, copySourceToTarget(project.read(file)).replace(/<target state="translated">/gu, '<target state="translated">EN '));
    const source = project.read(ARTICLE);
    project.write(
      ARTICLE,
      source
        .replace('Der Kreml reagierte', 'Ein neuer Absatz steht jetzt hier.\nDer Kreml reagierte')
        .replace('plant 1.000 neue Stellen', 'plant 1.000 neue und gut bezahlte Stellen'),
    );
    expect((await project.run(['extract'])).code).toBe(0);
    const updated = project.read(file);
    expect(updated.match(/<trans-unit /gu)).toHaveLength(9);
    // 8 old units: 6 unchanged keep their target, the locked credit "dpa" stays locked; the
    // changed one keeps its target as a candidate.
    expect(updated.match(/<target state="translated"[^>]*>EN /gu)).toHaveLength(6);
    expect(updated).toContain('<target state="final" xml:space="preserve">dpa</target>');
    expect(updated.match(/<target state="needs-review-translation"[^>]*>EN /gu)).toHaveLength(1);
    expect(updated).toContain('<alt-trans');
  });
});

describe('build', () => {
  it('fails with one error per untranslated segment and writes nothing (policy "fail")', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract']);
    const result = await project.run(['build']);
    expect(result.code).toBe(1);
    // The terminal shows five per file and counts the rest; the JSON report has every one.
    expect(result.stderr.match(/\[build\/untranslated\]$/gmu)).toHaveLength(5 * 3);
    // Seven per language: the credit "dpa" has nothing to translate (locked).
    expect(result.stderr.match(/error: 2 more like the above \[build\/untranslated\]/gu)).toHaveLength(3);
    const reports = JSON.parse((await project.run(['build', '--format', 'json'])).stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(reports.flatMap((r) => r.messages).filter((m) => m.ruleId === 'build/untranslated')).toHaveLength(7 * 3);
    for (const language of ['en', 'fr', 'es']) expect(publishedFiles(project.root, language)).toEqual([]);
  });

  it('publishes the source with a warning per segment under policy "source"', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('untranslated: fail', 'untranslated: source'));
    await project.run(['extract']);
    const result = await project.run(['build', '--lang', 'fr']);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/warning: segment not published/gu)).toHaveLength(5);
    expect(result.stderr).toContain('warning: 2 more like the above [build/untranslated]');
    expect(project.read(`output/fr/${DOC}.txt`)).toContain('Scholz trifft Macron in Paris');
  });

  it('gives back the source from targets equal to sources, headings on their own lines', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract']);
    for (const language of LANGUAGES) {
      const file = `translations/${language}/${DOC}.xlf`;
      project.write(file, copySourceToTarget(project.read(file)));
    }
    const result = await project.run(['build']);
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    const expected = project
      .read(ARTICLE)
      .replace('für die IndustrieDie Regierung', 'für die Industrie\nDie Regierung');
    for (const language of LANGUAGES) {
      expect(project.read(`output/${language}/${DOC}.txt`)).toBe(expected);
      const markdown = project.read(`output/${language}/${DOC}.md`);
      expect(markdown.startsWith('# Scholz trifft Macron in Paris')).toBe(true);
      expect(markdown.match(/^## /gmu)).toHaveLength(1);
      expect(markdown.trimEnd().endsWith('*dpa*')).toBe(true);
      expect(readdirSync(path.join(project.root, 'output', language)).sort()).toEqual([`${DOC}.md`, `${DOC}.review.html`, `${DOC}.txt`, 'report.json']);
    }
    const report = JSON.parse(project.read('output/en/report.json')) as { summary: { errors: number }; documents: Array<{ counts: { published: number } }> };
    expect(report.summary.errors).toBe(0);
    expect(report.documents[0]!.counts.published).toBe(8);
  });

  it('--check reports an output that differs and writes nothing', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('untranslated: fail', 'untranslated: source'));
    await project.run(['extract']);
    expect((await project.run(['build'])).code).toBe(0);
    project.write(`output/es/${DOC}.md`, 'edited by hand\n');
    const result = await project.run(['build', '--check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`output/es/${DOC}.md: error: this output differs from what the build produces [build/outdated-output]`);
    expect(project.read(`output/es/${DOC}.md`)).toBe('edited by hand\n');
  });
});

describe('bad input gets one clear error and nothing half-written', () => {
  it('a truncated XLIFF file: exit 3, file:line:column, no output for that language', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('untranslated: fail', 'untranslated: source'));
    await project.run(['extract']);
    const file = `translations/en/${DOC}.xlf`;
    const xliff = project.read(file);
    project.write(file, xliff.slice(0, Math.floor(xliff.length / 2)));
    const result = await project.run(['build']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`translations/en/${DOC}\\.xlf:\\d+:\\d+: error: `, 'u'));
    expect(publishedFiles(project.root, 'en')).toEqual([]);
    expect(existsSync(path.join(project.root, 'output', 'fr', `${DOC}.txt`))).toBe(true);
  });

  it('extract leaves an unreadable XLIFF file as it is', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract']);
    const file = `translations/fr/${DOC}.xlf`;
    project.write(file, '<xliff version="1.2"><file');
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(project.read(file)).toBe('<xliff version="1.2"><file');
  });

  it('an XLIFF file for another source language is refused', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('untranslated: fail', 'untranslated: source'));
    await project.run(['extract']);
    const file = `translations/es/${DOC}.xlf`;
    project.write(file, project.read(file).replace('source-language="de"', 'source-language="it"'));
    const result = await project.run(['build', '--lang', 'es']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`translations/es/${DOC}\\.xlf:\\d+(:\\d+)?: error: .*\\bit\\b`, 'u'));
    expect(publishedFiles(project.root, 'es')).toEqual([]);
  });

  it('a missing source file: exit 3 naming the file', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}\ndocuments: [source/fehlt.txt]\n`);
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('source/fehlt.txt: error: the source document does not exist [read/io]');
  });

  it('a source file that is not UTF-8: exit 3 with line and column', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write(ARTICLE, '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(project.root, ARTICLE), Buffer.from('Titel\nGr\xfc\xdfe aus K\xf6ln.\n', 'latin1'));
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${ARTICLE}:2:3: error: the file is not valid UTF-8`);
  });

  it('a config with an unknown key: exit 2 with line and column', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('paths:', 'pathz:'));
    const result = await project.run(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/l10n\.config\.yaml:\d+:1: error: unknown key "pathz"/u);
  });

  it('an unknown option: exit 2 with the usage', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['build', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: l10n build');
  });

  it('a path that escapes the project: exit 2', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('output: output', 'output: ../elsewhere'));
    const result = await project.run(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must stay inside the project');
  });
});
