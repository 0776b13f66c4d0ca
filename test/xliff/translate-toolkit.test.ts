/**
 * Translate Toolkit round trips (and the tools built on it: Weblate, Pootle, Virtaal): our XLIFF →
 * `xliff2po` → the translator edits the PO file → `po2xliff` (with or without `-t our.xlf`) → back.
 * The fixtures in test/fixtures/xliff/translate-toolkit/ have the shape po2xliff writes: XLIFF 1.1,
 * new numeric ids, the PO header as a unit, our sentence id only in a `po-reference` context group,
 * `approved="yes"` for entries that are not fuzzy, fuzzy ones as `state="needs-translation"`; with
 * `-t`, our file stays as it was and a second `<file>` of prefixed 1.1 units is appended.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesOf, exportXliff, matchTranslations, readXliff, type ParsedXliff } from '../../pipeline/xliff/index.js';
import { fixtureDocument, makeDocument } from '../helpers/document.js';
import { schemasAvailable, validateXliff } from '../helpers/xliff-schema.js';

const FIXTURES = path.resolve('test/fixtures/xliff/translate-toolkit');
const fixture = (name: string): ParsedXliff => readXliff(readFileSync(path.join(FIXTURES, name)), `translations/en/${name}`);
const read = (xml: string): ParsedXliff => readXliff(new TextEncoder().encode(xml), 'translations/en/treffen.xlf');
const expectDeEn = { sourceLanguage: 'de', targetLanguage: 'en' };
const TITLE = 's8fd3fc851991';
const FIRST = 'sb405474f94a2';
const SECOND = 's51bad67ede2b';
const options12 = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' } as const;

const expected = [
  [TITLE, 'Putin meets Kim in Beijing', 'translated', false],
  [FIRST, 'The meeting took place in Beijing.', 'translated', false],
  [SECOND, 'Kim spoke of a “brotherly duty”.', 'translated', true],
];

describe('Translate Toolkit round trips', () => {
  it('po2xliff without a template: every sentence is found by the id in its po-reference context, the PO header is skipped, a fuzzy entry needs review', () => {
    const { bySegment, messages } = matchTranslations(fixtureDocument(), fixture('po2xliff.xlf'), expectDeEn);
    expect([...bySegment.values()].map((t) => [t.id, t.target?.text, t.state, t.needsReview])).toEqual(expected);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['xliff/other-document', 'info'],
      ['xliff/wrong-language', 'info'],
      ['xliff/no-language', 'info'],
      ['xliff/matched-by-context', 'info'],
    ]);
    expect(messages.find((m) => m.ruleId === 'xliff/matched-by-context')?.reason).toContain('3 units');
  });

  it('po2xliff -t: the appended <file> of prefixed 1.1 units is read and replaces our untranslated units, with a notice', () => {
    const parsed = fixture('po2xliff-template.xlf');
    expect(parsed.files.map((f) => f.original)).toEqual(['source/treffen.txt', 'treffen.en.po']);
    const { bySegment, messages } = matchTranslations(fixtureDocument(), parsed, expectDeEn);
    expect([...bySegment.values()].map((t) => [t.id, t.target?.text, t.state, t.needsReview])).toEqual(expected);
    const notices = messages.filter((m) => m.severity === 'info').map((m) => m.ruleId);
    expect(notices).toContain('xliff/matched-by-context');
    expect(notices).toContain('xliff/other-file');
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('extract keeps the work of a round trip under our ids, in both shapes', () => {
    for (const name of ['po2xliff.xlf', 'po2xliff-template.xlf']) {
      const doc = fixtureDocument();
      const result = exportXliff(doc, fixture(name), undefined, options12);
      expect(result.stats.kept).toBe(3);
      const again = entriesOf(read(result.xliff));
      expect(again.map((e) => [e.id, e.target?.text, e.state, e.needsReview])).toEqual(expected);
    }
  });

  it('reads approved="yes" in a PO conversion as "not fuzzy" (translated), not as reviewed', () => {
    const parsed = fixture('po2xliff.xlf');
    expect(parsed.units.find((u) => u.id === '2')).toMatchObject({ approved: true, state: 'translated', needsReview: false });
  });
});

describe('matching units whose ids are not our sentence ids', () => {
  const doc = fixtureDocument();
  const file = (units: string, extra = ''): string =>
    `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="source/treffen.txt" source-language="de" target-language="en" datatype="plaintext"${extra}><body>${units}</body></file></xliff>`;

  it('matches by a resname that carries the sentence id or our resname for it', () => {
    const units =
      `<trans-unit id="1" resname="${TITLE}"><source>Putin trifft Kim in Peking</source><target>Putin meets Kim in Beijing</target></trans-unit>` +
      '<trans-unit id="2" resname="paragraph-2.1"><source>Das Treffen fand in Peking statt.</source><target>The meeting took place in Beijing.</target></trans-unit>' +
      `<trans-unit id="${SECOND}"><source>Kim sprach von „brüderlicher Pflicht“.</source><target>Kim spoke.</target></trans-unit>`;
    const { bySegment, messages } = matchTranslations(doc, read(file(units)), expectDeEn);
    expect([...bySegment.keys()]).toEqual([TITLE, FIRST, SECOND]);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['xliff/matched-by-resname', 'info']]);
  });

  it('matches by unique source text as a last resort, with a notice, and never a sentence another unit already has', () => {
    const units =
      `<trans-unit id="a"><source>Putin trifft Kim in Peking</source><target>Putin meets Kim in Beijing</target></trans-unit>` +
      `<trans-unit id="${FIRST}"><source>Das Treffen fand in Peking statt.</source><target>The meeting took place in Beijing.</target></trans-unit>` +
      '<trans-unit id="b"><source>Das Treffen fand in Peking statt.</source><target>Another.</target></trans-unit>';
    const { bySegment, messages } = matchTranslations(doc, read(file(units)), expectDeEn);
    expect([...bySegment.entries()].map(([id, t]) => [id, t.target?.text])).toEqual([
      [TITLE, 'Putin meets Kim in Beijing'],
      [FIRST, 'The meeting took place in Beijing.'],
    ]);
    expect(messages.map((m) => [m.ruleId, m.unit])).toEqual([
      ['xliff/matched-by-source', TITLE],
      ['xliff/unknown-id', 'b'],
      ['xliff/missing-id', SECOND],
    ]);
    expect(messages[0]?.reason).toContain('unit "a" for sentence');
  });

  it('does not match by source text a sentence that occurs twice in the document', () => {
    const twice = makeDocument([['paragraph', ['Ja.', 'Nein.', 'Ja.']]], { path: 'source/treffen.txt' });
    const units = '<trans-unit id="x"><source>Ja.</source><target>Yes.</target></trans-unit>';
    const { bySegment } = matchTranslations(twice, read(file(units)), expectDeEn);
    expect(bySegment.size).toBe(0);
  });

  it('never ignores a <file> without saying so: one for another document is reported with its unit count', () => {
    const own = `<trans-unit id="${TITLE}"><source>Putin trifft Kim in Peking</source><target>Putin meets Kim in Beijing</target></trans-unit>`;
    const other = '<file original="source/other.txt" source-language="de" target-language="en" datatype="plaintext"><body><trans-unit id="z"><source>Etwas anderes.</source><target>Something else.</target></trans-unit></body></file>';
    const xml = file(own).replace('</xliff>', `${other}</xliff>`);
    const { messages } = matchTranslations(doc, read(xml), expectDeEn);
    const ignored = messages.find((m) => m.ruleId === 'xliff/other-file');
    expect(ignored).toMatchObject({ severity: 'warning' });
    expect(ignored?.reason).toContain('source/other.txt');
    expect(ignored?.reason).toContain('1 unit');
  });

  it('reports a <file> in a namespace the reader does not take', () => {
    const xml = file('').replace('</xliff>', '<file xmlns="urn:example:other" original="x"><body/></file></xliff>');
    expect(read(xml).messages.map((m) => m.ruleId)).toEqual(['xliff/foreign-file']);
  });
});

describe('approved="yes" in the 1.2 files we write', () => {
  const doc = fixtureDocument();
  const withStates = (states: string[]): string => {
    let n = 0;
    return exportXliff(doc, undefined, undefined, options12).xliff.replace(/<\/source>/gu, () => `</source><target state="${states[n++] ?? 'translated'}">T${n}</target>`);
  };

  it('is written for signed-off and final, never for translated or work that needs review', async () => {
    const out = exportXliff(doc, read(withStates(['signed-off', 'final', 'translated'])), undefined, options12).xliff;
    expect(out.match(/<trans-unit [^>]*>/gu)).toEqual([
      `<trans-unit id="${TITLE}" resname="title-1.1" approved="yes">`,
      `<trans-unit id="${FIRST}" resname="paragraph-2.1" approved="yes">`,
      `<trans-unit id="${SECOND}" resname="paragraph-2.2">`,
    ]);
    const review = exportXliff(doc, read(withStates(['needs-review-translation', 'translated', 'new'])), undefined, options12).xliff;
    expect(review).not.toContain('approved=');
    if (schemasAvailable) expect((await validateXliff(out, '1.2')).errors).toEqual([]);
  });

  it('reads back as the same states', () => {
    const out = exportXliff(doc, read(withStates(['signed-off', 'final', 'translated'])), undefined, options12).xliff;
    expect(entriesOf(read(out)).map((e) => e.state)).toEqual(['reviewed', 'final', 'translated']);
  });
});
