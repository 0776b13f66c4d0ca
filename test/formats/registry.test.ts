/**
 * The format registry: a format is one module plus one line in the registry. A test format with
 * inline codes (`test/helpers/tagged-format.ts`) goes through extract and build beside the
 * plain-text format, and its documents come back with their markup.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { build, extract, FORMATS, FormatRegistry, openProject } from '../../pipeline/index.js';
import { htmlFormat } from '../../pipeline/formats/html/index.js';
import { markdownFormat } from '../../pipeline/formats/markdown/index.js';
import { textFormat } from '../../pipeline/formats/text/index.js';
import { taggedFormat } from '../helpers/tagged-format.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** Copies each source (codes included, term markers dropped) into a translated target, with `edit` applied. */
function translate12(xliff: string, edit: (inner: string) => string = (x) => x): string {
  return xliff.replace(/(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/gu, (_m, open: string, body: string, close: string) =>
    `${open}${body}${close}<target state="translated">${edit(body.replace(/<mrk[^>]*>|<\/mrk>/gu, ''))}</target>`,
  );
}

describe('the format registry', () => {
  it('finds the format of a path by its extension, case folded, and lists what it reads', () => {
    const registry = new FormatRegistry([...FORMATS, taggedFormat]);
    expect(registry.forPath('source/a/Bericht.TXT')).toBe(textFormat);
    expect(registry.forPath('source/x.tagged')).toBe(taggedFormat);
    expect(registry.forPath('source/x.md')).toBe(markdownFormat);
    expect(registry.forPath('source/x.HTM')).toBe(htmlFormat);
    expect(registry.forPath('source/x.rtf')).toBeUndefined();
    expect(registry.forPath('source/.txt')).toBeUndefined();
    expect(registry.extensions).toEqual(['.htm', '.html', '.markdown', '.md', '.tagged', '.txt']);
  });

  it('refuses two formats that read the same extension, and malformed extensions', () => {
    expect(() => new FormatRegistry([textFormat, { ...taggedFormat, extensions: ['.txt'] }])).toThrow('formats text and tagged both read ".txt"');
    expect(() => new FormatRegistry([{ ...taggedFormat, extensions: ['TAGGED'] }])).toThrow('expected extensions like ".txt"');
  });

  it('the plain-text format names its outputs after the source, with its own extension, plus Markdown', () => {
    expect(textFormat.outputNames('a/bericht', 'source/a/bericht.txt')).toEqual(['a/bericht.txt', 'a/bericht.md']);
  });

  it('takes a registered format through extract and build: its documents found, its datatype in XLIFF, its markup back in the output', async () => {
    project = tempProject({ fixture: 'kurz' });
    const source = 'Kurz\n<i>Das ist <b>wichtig</b>. Der <a href="https://x">Link</a> führt<img src="a.png"/> weiter.</i>\n';
    project.write('source/markiert.tagged', source);
    project.write('l10n.config.yaml', 'targetLanguages: [en]\n');
    const opened = openProject(project.root, { formats: [...FORMATS, taggedFormat] });
    const extracted = await extract(opened);
    expect(extracted.documents).toEqual(['source/markiert.tagged', 'source/treffen.txt']);
    const xliff = project.read('translations/en/markiert.xlf');
    expect(xliff).toContain('datatype="x-tagged"');
    expect(xliff).toContain('<bpt id="2" ctype="x-b">&lt;b&gt;</bpt>wichtig<ept id="2">&lt;/b&gt;</ept>');

    // Targets equal to the sources give the source back, byte for byte.
    project.write('translations/en/markiert.xlf', translate12(xliff));
    project.write('translations/en/treffen.xlf', translate12(project.read('translations/en/treffen.xlf')));
    const same = await build(opened);
    expect(same.languages[0]!.blocked).toBe(false);
    expect(project.read('output/en/markiert.tagged')).toBe(source);

    // A translation: the codes move with the words, the markup comes back from the source.
    project.write('translations/en/markiert.xlf', translate12(xliff, (inner) => inner.replace('Das ist ', 'This is ').replace('wichtig', 'important').replace('Der ', 'The ').replace('Link', 'link').replace(' führt', ' leads').replace(' weiter.', ' on.').replace('Kurz', 'Short')));
    const built = await build(opened);
    expect(built.languages[0]!.report.summary.errors).toBe(0);
    expect(project.read('output/en/markiert.tagged')).toBe('Short\n<i>This is <b>important</b>. The <a href="https://x">link</a> leads<img src="a.png"/> on.</i>\n');
    expect(built.languages[0]!.report.documents.map((d) => d.outputs)).toEqual([
      ['output/en/markiert.tagged', 'output/en/markiert.review.html'],
      ['output/en/treffen.txt', 'output/en/treffen.md', 'output/en/treffen.review.html'],
    ]);
  });

  it('reports a listed document that no format reads, and goes on with the others', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('source/notiz.rtf', '{\\rtf1 x}');
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/notiz.rtf, source/treffen.txt]\n');
    const extracted = await extract(openProject(project.root));
    expect(extracted.files[0]!.messages).toEqual([expect.objectContaining({ ruleId: 'read/format', fatal: true, file: 'source/notiz.rtf', reason: 'no reader for ".rtf"' })]);
    expect(extracted.files[1]!.stopped).toBe(false);
  });
});
