import { describe, expect, it } from 'vitest';
import { exportXliff, readXliff, type ExportOptions } from '../../pipeline/xliff/index.js';
import { makeDocument } from '../helpers/document.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const options21: ExportOptions = { version: '2.1', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' };

function termDocument() {
  return makeDocument(
    [
      ['title', ['Putin trifft Kim in Peking']],
      ['paragraph', ['Das Treffen fand in Peking statt.', 'Kim sprach mit Xi.']],
    ],
    {
      name: 'treffen',
      terms: [
        { text: 'Peking', targets: { en: ['Beijing'], fr: ['Pékin'] } },
        { text: 'Kim', term: 'Kim Jong-un', dnt: true },
        { text: 'Xi', term: 'Xi Jinping', targets: { fr: ['Xi Jinping'] } },
        { text: 'Putin', term: 'Wladimir Putin', targets: { en: ['Vladimir Putin', 'Putin'] } },
      ],
    },
  );
}

describe('XLIFF 2.1 glossary module', () => {
  it('lists each term of a unit once with its approved translations, pointing at its first marker', () => {
    const { xliff } = exportXliff(termDocument(), undefined, undefined, options21);
    expect(xliff).toContain('xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0"');
    const paragraph = xliff.slice(xliff.indexOf('name="paragraph-2"'));
    const glossary = paragraph.slice(paragraph.indexOf('<gls:glossary>'), paragraph.indexOf('</gls:glossary>'));
    expect(glossary).toContain('<gls:glossEntry id="g1" ref="#m1-1">');
    expect(glossary).toContain('<gls:term source="glossary">Peking</gls:term>');
    expect(glossary).toContain('<gls:translation source="glossary">Beijing</gls:translation>');
    // Peking occurs once in the unit's list even though two sentences could carry it.
    expect(glossary.match(/<gls:term /gu)).toHaveLength(3);
    expect(paragraph).toContain('<mrk id="m1-1" type="term" value="Beijing">Peking</mrk>');
  });

  it('gives a do-not-translate term itself as translation, and a term without target a definition', () => {
    const { xliff } = exportXliff(termDocument(), undefined, undefined, options21);
    expect(xliff).toMatch(/<gls:term source="glossary">Kim Jong-un<\/gls:term>\s*<gls:translation source="glossary">Kim Jong-un<\/gls:translation>\s*<gls:definition>Do not translate/u);
    expect(xliff).toMatch(/<gls:term source="glossary">Xi Jinping<\/gls:term>\s*<gls:definition>The glossary has no approved translation/u);
    expect(xliff).toMatch(/<gls:translation source="glossary">Vladimir Putin<\/gls:translation>\s*<gls:translation source="glossary">Putin<\/gls:translation>/u);
  });

  it('writes no glossary for units without terms, and the reader keeps it as a module element', () => {
    const doc = makeDocument([['paragraph', ['Ohne Begriffe.']]], { name: 'treffen' });
    expect(exportXliff(doc, undefined, undefined, options21).xliff).not.toContain('<gls:glossary');
    const parsed = readXliff(new TextEncoder().encode(exportXliff(termDocument(), undefined, undefined, options21).xliff), 'f.xlf');
    expect(parsed.units[0]?.extensions).toContain('{urn:oasis:names:tc:xliff:glossary:2.0}glossary');
  });

  it.skipIf(!schemasAvailable)('is valid against the 2.1 schema with modules', async () => {
    for (const language of ['en', 'fr', 'es']) {
      const { xliff } = exportXliff(termDocument(), undefined, undefined, { ...options21, targetLanguage: language });
      const result = await validateXliff(xliff, '2.1');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });
  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);
});
