/**
 * Named resources (software strings) in XLIFF: a unit per key named by it (`resname`, `name`),
 * a group per plural key, the format's notes and context, length limits as 1.2 `maxwidth` and
 * 2.1 `slr:sizeRestriction`, files valid against the official schemas; a reworded string keeps
 * its translation, marked for review; a tool that renumbers units is matched by the key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStringsFormat } from '../../pipeline/formats/strings/index.js';
import { segmentsOf, type Document } from '../../pipeline/model.js';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';
import { exportXliff, matchTranslations, readXliff, type ExportOptions } from '../../pipeline/xliff/index.js';
import { fillXliff, unitsOf } from '../helpers/fill-xliff.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const root = mkdtempSync(path.join(tmpdir(), 'l10n-resources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const format = createStringsFormat({
  root,
  options: resolveStringsOptions({ namespaces: ['common'], defaultNamespace: 'common', maxLength: { 'common:share': 12 } }),
  outputFolder: 'output',
});

const CATALOG = `{
  "share": "Teilen",
  "card": { "comments_one": "{{count}} Kommentar", "comments_other": "{{count}} Kommentare" },
  "byline": "Von <strong>{{author}}</strong>"
}
`;

/** The French view of a catalog, with a glossary term on "Kommentare". */
function frenchDocument(text = CATALOG): Document {
  const doc = format.read({ text, path: 'source/locales/de/common.json', name: 'locales/de/common', language: 'de' }).document;
  const other = segmentsOf(doc).find((s) => s.resource?.name === 'card.comments_other');
  if (other !== undefined) other.spans = [{ kind: 'term', start: 1, end: 11, term: 'Kommentare', targets: { fr: ['commentaires'] } }];
  return format.forLanguage?.(doc, 'fr') as Document;
}

const options = (version: '1.2' | '2.1'): ExportOptions => ({ version, sourceLanguage: 'de', targetLanguage: 'fr', original: 'source/locales/de/common.json', datatype: 'x-i18next-json' });
const parse = (xml: string): ReturnType<typeof readXliff> => readXliff(new TextEncoder().encode(xml), 'translations/fr/locales/de/common.xlf');

describe('software strings in XLIFF 1.2', () => {
  const { xliff } = exportXliff(frenchDocument(), undefined, undefined, options('1.2'));

  it('writes a unit per key named by it and a group per plural key, with notes, context and the length limit', () => {
    expect(unitsOf(xliff).map((u) => u.resname)).toEqual(['share', 'card.comments_one', 'card.comments_many', 'card.comments_other', 'byline']);
    expect(xliff).toMatch(/<trans-unit id="k[0-9a-f]{12}" resname="share" size-unit="char" maxwidth="12">/u);
    expect(xliff).toMatch(/<group id="p[0-9a-f]{12}" resname="card.comments" restype="x-plural">\s*<trans-unit [^>]*resname="card.comments_one"/u);
    expect(xliff).toContain('<context context-type="x-key-path">card › comments_many</context>');
    expect(xliff).toContain('<note from="description">plural form "many" of "card.comments", used for 1000000…; source: the German "other" form</note>');
    expect(xliff).toContain('<note from="glossary">Kommentare → commentaires</note>');
    // Keys are no sentences of one text: no notes about their neighbours.
    expect(xliff).not.toContain('from="context"');
  });

  it.skipIf(!schemasAvailable)('is valid against the XLIFF 1.2 strict schema', async () => {
    expect(await validateXliff(xliff, '1.2')).toEqual({ valid: true, errors: [] });
  });
  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);

  it('writes the format\'s notes afresh on every export instead of carrying them', () => {
    const translated = fillXliff(xliff, (u) => ({ target: u.source }));
    const again = exportXliff(frenchDocument(), parse(translated), undefined, options('1.2'));
    const third = exportXliff(frenchDocument(), parse(again.xliff), undefined, options('1.2'));
    expect(third.xliff).toBe(again.xliff);
    expect(again.xliff.match(/from="description">at most 12 characters/gu)).toHaveLength(1);
    expect(again.xliff.match(/from="description">plural form "many"/gu)).toHaveLength(1);
    expect(unitsOf(again.xliff).every((u) => u.state === 'translated')).toBe(true);
  });

  it('keeps the translation of a reworded string, marked for review, with the old version as a candidate', () => {
    const translated = fillXliff(xliff, (u) => (u.resname === 'share' ? { target: 'Partager' } : undefined));
    const reworded = frenchDocument(CATALOG.replace('"Teilen"', '"Artikel teilen"'));
    const result = exportXliff(reworded, parse(translated), undefined, options('1.2'));
    expect(unitsOf(result.xliff).find((u) => u.resname === 'share')).toMatchObject({ source: 'Artikel teilen', target: 'Partager', state: 'needs-review-translation' });
    expect(result.xliff).toMatch(/<alt-trans match-quality="\d+" origin="previous-version" alttranstype="previous-version">\s*<source xml:space="preserve">Teilen<\/source>/u);
    expect(result.stats).toMatchObject({ kept: 4, candidates: 1, setAside: 0 });
    expect(result.aside).toBeUndefined();
  });

  it('matches the units of a tool that numbered them anew by their key', () => {
    const renumbered = fillXliff(xliff, (u) => ({ target: u.source })).replace(/<trans-unit id="k[0-9a-f]{12}"/gu, (() => {
      let n = 0;
      return () => `<trans-unit id="${++n}"`;
    })());
    const matched = matchTranslations(frenchDocument(), parse(renumbered), { sourceLanguage: 'de', targetLanguage: 'fr' });
    expect(matched.bySegment.size).toBe(5);
    expect(matched.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });
});

describe('software strings in XLIFF 2.1', () => {
  const { xliff } = exportXliff(frenchDocument(), undefined, undefined, options('2.1'));

  it('writes a unit per key named by it, a group per plural key, and the limit as a size restriction', () => {
    expect(xliff).toContain('xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0"');
    expect(xliff).toMatch(/<slr:profiles generalProfile="xliff:codepoints">\s*<slr:normalization general="nfc"\/>\s*<\/slr:profiles>/u);
    expect(xliff).toMatch(/<unit id="b[0-9a-f]{12}" name="share" type="l10n:string" slr:sizeRestriction="12">/u);
    expect(xliff).toMatch(/<group id="(p[0-9a-f]{12})" name="card.comments" type="l10n:plural">[\s\S]*?<unit id="\1-1" name="card.comments_one"[\s\S]*?<unit id="\1-2" name="card.comments_many"[\s\S]*?<unit id="\1-3" name="card.comments_other"[\s\S]*?<\/group>/u);
    expect(xliff).toContain('<mda:meta type="key path">card › comments_many</mda:meta>');
    expect(xliff).toContain('<note category="description">at most 12 characters</note>');
  });

  it.skipIf(!schemasAvailable)('is valid against the XLIFF 2.1 schemas with modules', async () => {
    expect(await validateXliff(xliff, '2.1')).toEqual({ valid: true, errors: [] });
  });
  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);

  it('reads back every form by its segment id', () => {
    const matched = matchTranslations(frenchDocument(), parse(xliff), { sourceLanguage: 'de', targetLanguage: 'fr' });
    expect([...matched.bySegment.keys()]).toEqual(segmentsOf(frenchDocument()).map((s) => s.id));
    expect(matched.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('declares no size restriction profile when no key has a limit', () => {
    const unlimited = createStringsFormat({ root, options: resolveStringsOptions({ namespaces: ['common'], defaultNamespace: 'common' }), outputFolder: 'output' });
    const doc = unlimited.read({ text: CATALOG, path: 'source/locales/de/common.json', name: 'locales/de/common', language: 'de' }).document;
    const out = exportXliff(unlimited.forLanguage?.(doc, 'fr') as Document, undefined, undefined, options('2.1')).xliff;
    expect(out).not.toContain('slr:');
  });
});
