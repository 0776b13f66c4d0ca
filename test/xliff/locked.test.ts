/**
 * Segments with nothing to translate (a credit of do-not-translate names) are exported pre-filled
 * with their source and locked: `translate="no"` on the 1.2 trans-unit, on the 2.x unit (or, in a
 * unit with other sentences, state final with subState `l10n:locked`), in every profile, and they
 * stay locked when the file is exported again. A unit that was locked but whose sentence now has
 * something to translate (the glossary changed) opens again.
 */
import { describe, expect, it } from 'vitest';
import { segmentsOf, type Document } from '../../pipeline/model.js';
import { exportXliff, matchTranslations, readXliff, type ExportOptions } from '../../pipeline/xliff/index.js';
import { makeDocument } from '../helpers/document.js';

const credit = (dnt: boolean): Document =>
  makeDocument(
    [
      ['title', ['Putin trifft Kim in Peking']],
      ['paragraph', ['Das Treffen fand statt.', '2025']],
      ['credit', ['Expansion']],
    ],
    { name: 'treffen', terms: [{ text: 'Expansion', dnt }] },
  );

const options = (version: '1.2' | '2.1', profile: 'default' | 'omegat' = 'default'): ExportOptions => ({ version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt', profile });

/** The trans-unit (1.2) or unit (2.1) element whose source holds `text`, as written. */
function unitWith(xliff: string, text: string, version: '1.2' | '2.1'): string {
  const tag = version === '1.2' ? 'trans-unit' : 'unit';
  const units = xliff.split(`<${tag} `).slice(1).map((u) => `<${tag} ${u.slice(0, u.indexOf(`</${tag}>`))}`);
  const source = new RegExp(`<source[^>]*>(?:<mrk[^>]*>)?${text}(?:</mrk>)?</source>`, 'u');
  const found = units.find((u) => source.test(u));
  if (found === undefined) throw new Error(`no unit with ${text}`);
  return found;
}

describe('segments with nothing to translate', () => {
  for (const profile of ['default', 'omegat'] as const) {
    it(`XLIFF 1.2 (${profile}): translate="no" on the trans-unit, the source as a final target`, () => {
      const { xliff } = exportXliff(credit(true), undefined, undefined, options('1.2', profile));
      const unit = unitWith(xliff, 'Expansion', '1.2');
      expect(unit).toMatch(/^<trans-unit id="s[0-9a-f]+" resname="credit-3\.1" translate="no" approved="yes">/u);
      expect(unit).toContain('<target state="final" xml:space="preserve">Expansion</target>');
      const year = unitWith(xliff, '2025', '1.2');
      expect(year).toContain('translate="no"');
      expect(unitWith(xliff, 'Das Treffen fand statt.', '1.2')).not.toContain('translate="no"');
    });
  }

  it('XLIFF 2.1: translate="no" on a unit whose sentences are all locked; state final with subState l10n:locked in a unit with others', () => {
    const { xliff } = exportXliff(credit(true), undefined, undefined, options('2.1'));
    const unit = unitWith(xliff, 'Expansion', '2.1');
    expect(unit).toMatch(/^<unit id="[^"]+" name="credit-3" type="l10n:credit" translate="no">/u);
    expect(unit).toMatch(/<segment id="s[0-9a-f]+" state="final" subState="l10n:locked">/u);
    expect(unit).toContain('<target xml:space="preserve">Expansion</target>');
    const paragraph = unitWith(xliff, '2025', '2.1');
    expect(paragraph).not.toContain('translate="no">');
    expect(paragraph).toMatch(/state="final" subState="l10n:locked">\s*<source xml:space="preserve">2025<\/source>/u);
  });

  for (const version of ['1.2', '2.1'] as const) {
    it(`XLIFF ${version}: stays locked when exported again, and the file reads back as final translations`, () => {
      const doc = credit(true);
      const first = exportXliff(doc, undefined, undefined, options(version, 'omegat')).xliff;
      const parsed = readXliff(new TextEncoder().encode(first), 'en.xlf');
      expect(exportXliff(doc, parsed, undefined, options(version, 'omegat')).xliff).toBe(first);
      const { bySegment } = matchTranslations(doc, parsed, { sourceLanguage: 'de', targetLanguage: 'en', profile: 'omegat' });
      const expansion = segmentsOf(doc).find((s) => s.text === 'Expansion');
      // The file's lock reads as a final translation equal to the source (the build holds it
      // against the current glossary).
      expect(bySegment.get(expansion?.id ?? '')).toMatchObject({ target: { text: 'Expansion' }, state: 'final', needsReview: false, locked: true });
    });

    it(`XLIFF ${version}: a locked unit whose sentence now has something to translate opens again`, () => {
      const locked = exportXliff(credit(true), undefined, undefined, options(version)).xliff;
      const reopened = exportXliff(credit(false), readXliff(new TextEncoder().encode(locked), 'en.xlf'), undefined, options(version)).xliff;
      const unit = unitWith(reopened, 'Expansion', version);
      expect(unit).not.toContain('translate="no"');
      expect(unit).not.toContain('<target');
    });
  }
});
