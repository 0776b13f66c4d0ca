import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportXliff, matchTranslations, readXliff, type ParsedXliff } from '../../pipeline/xliff/index.js';
import { fixtureDocument, makeDocument } from '../helpers/document.js';

const FIXTURES = path.resolve('test/fixtures/xliff');
const fixture = (name: string): ParsedXliff => readXliff(readFileSync(path.join(FIXTURES, name)), `translations/en/${name}`);
const read = (xml: string): ParsedXliff => readXliff(new TextEncoder().encode(xml), 'translations/en/treffen.xlf');
const expectDeEn = { sourceLanguage: 'de', targetLanguage: 'en' };
const TITLE = 's8fd3fc851991';
const FIRST = 'sb405474f94a2';
const SECOND = 's51bad67ede2b';

describe('matchTranslations', () => {
  it('returns every translation of a Trados-style file with states, and flags only the regional language variants', () => {
    const { bySegment, messages } = matchTranslations(fixtureDocument(), fixture('trados-style-12.xlf'), expectDeEn);
    expect([...bySegment.values()].map((t) => [t.id, t.target?.text, t.state, t.needsReview])).toEqual([
      [TITLE, 'Putin meets Kim in Beijing', 'translated', false],
      [FIRST, 'The meeting took place in Beijing.', 'reviewed', false],
      [SECOND, 'Kim spoke of a “brotherly duty”.', 'translated', true],
    ]);
    expect(bySegment.get(FIRST)?.notes).toEqual([{ text: 'Checked against the agency wire.', category: 'reviewer' }]);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['xliff/wrong-language', 'warning'],
      ['xliff/wrong-language', 'warning'],
    ]);
  });

  it('reads translated units whose state still says new as translated, with one notice for the file', () => {
    const doc = fixtureDocument();
    const fresh = exportXliff(doc, undefined, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: doc.path }).xliff;
    // The way OmegaT returns a file: targets filled in, states left at "new".
    let n = 0;
    const translated = fresh.replace(/<\/source>/gu, () => `</source><target state="new">Translation ${(n += 1)}</target>`);
    const { bySegment, messages } = matchTranslations(doc, read(translated), expectDeEn);
    expect([...bySegment.values()].map((t) => t.state)).toEqual(['translated', 'translated', 'translated']);
    expect(messages.map((m) => [m.ruleId, m.severity, m.unit])).toEqual([['xliff/state-not-updated', 'info', TITLE]]);
    expect(messages[0]?.reason).toContain('3 units have a translation but their state still says "new"');
  });

  it('reads a 2.1 file segment by segment', () => {
    const { bySegment, messages } = matchTranslations(fixtureDocument(), fixture('tool-21.xlf'), expectDeEn);
    expect(messages).toEqual([]);
    expect(bySegment.get(TITLE)).toMatchObject({ target: { text: 'Putin meets Kim in Beijing\u0007' }, state: 'final' });
    expect(bySegment.get(FIRST)).toMatchObject({ target: { text: 'The meeting took place in Beijing.' }, state: 'reviewed' });
    expect(bySegment.get(SECOND)).toMatchObject({ state: 'translated', needsReview: true });
  });

  it('joins the segments of a unit the tool split, and reports the units it lacks', () => {
    const { bySegment, messages } = matchTranslations(fixtureDocument(), fixture('multiseg-12.xlf'), expectDeEn);
    expect(bySegment.get(SECOND)?.target?.text).toBe('Kim spoke of a “brotherly duty”.');
    expect(messages.filter((m) => m.ruleId === 'xliff/missing-id').map((m) => m.unit)).toEqual([TITLE, FIRST]);
  });

  it('gives no target for an empty <target/>', () => {
    const { bySegment } = matchTranslations(fixtureDocument(), fixture('memoq-style-12.xlf'), expectDeEn);
    expect(bySegment.get(SECOND)).toMatchObject({ target: undefined, state: 'initial' });
    expect(bySegment.get(TITLE)).toMatchObject({ state: 'reviewed' });
  });

  it('reports unknown ids, stale sources and a wrong target language', () => {
    const doc = fixtureDocument();
    const xliff = exportXliff(doc, undefined, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage: 'fr', original: doc.path }).xliff
      .replace('Kim sprach von „brüderlicher Pflicht“.</source>', 'Kim sprach von Pflicht.</source><target state="translated">Kim parla de devoir.</target>')
      .replace('<group id="b8fd3fc851991"', '<group id="extra"><trans-unit id="__proto__"><source>Alt</source><target>Old</target></trans-unit></group><group id="b8fd3fc851991"');
    const { bySegment, messages } = matchTranslations(doc, read(xliff), expectDeEn);
    expect(messages.map((m) => [m.ruleId, m.severity, m.unit])).toEqual([
      ['xliff/wrong-language', 'error', undefined],
      ['xliff/unknown-id', 'warning', '__proto__'],
      ['xliff/stale-source', 'warning', SECOND],
    ]);
    expect(bySegment.get(SECOND)).toMatchObject({ target: { text: 'Kim parla de devoir.' }, needsReview: true, source: { text: 'Kim sprach von Pflicht.' } });
    expect(bySegment.has('__proto__')).toBe(false);
    expect(messages[1]?.line).toBe(5);
    expect(messages[1]?.file).toBe('translations/en/treffen.xlf');
  });

  it('reports a file for another document', () => {
    const other = makeDocument([['paragraph', ['Ganz anders.']]], { name: 'anders' });
    const { messages } = matchTranslations(other, fixture('multiseg-12.xlf'), expectDeEn);
    expect(messages.map((m) => m.ruleId)).toEqual(['xliff/other-document', 'xliff/unknown-id', 'xliff/missing-id']);
  });

  it('reports an id used twice across <file> elements for the same document', () => {
    const unit = '<trans-unit id="s51bad67ede2b"><source>Kim sprach von „brüderlicher Pflicht“.</source><target>x</target></trans-unit>';
    const file = `<file original="source/treffen.txt" source-language="de" target-language="en" datatype="plaintext"><body>${unit}</body></file>`;
    const { messages } = matchTranslations(fixtureDocument(), read(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${file}${file}</xliff>`), expectDeEn);
    expect(messages.map((m) => m.ruleId)).toContain('xliff/duplicate-id');
  });

  it('reads the untouched pre-filled copies of an OmegaT-profile export as untranslated, not as translations', () => {
    const doc = fixtureDocument();
    for (const version of ['1.2', '2.1'] as const) {
      const xliff = exportXliff(doc, undefined, undefined, { version, sourceLanguage: 'de', targetLanguage: 'en', original: doc.path, profile: 'omegat' }).xliff;
      const { bySegment, messages } = matchTranslations(doc, read(xliff), expectDeEn);
      expect(messages).toEqual([]);
      expect([...bySegment.values()].map((t) => [t.id, t.target?.text, t.state])).toEqual(doc.blocks.flatMap((b) => b.segments.map((s) => [s.id, undefined, 'initial'])));
    }
  });
});
