import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportXliff, matchTranslations, readXliff, type ParsedXliff } from '../../pipeline/xliff/index.js';
import { InputError } from '../../pipeline/model.js';
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

  it('reads translated units whose state still says new as translated in the OmegaT profile, with one notice for the file', () => {
    const doc = fixtureDocument();
    const fresh = exportXliff(doc, undefined, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: doc.path }).xliff;
    // The way OmegaT returns a file: targets filled in, states left at "new".
    let n = 0;
    const translated = fresh.replace(/<\/source>/gu, () => `</source><target state="new">Translation ${(n += 1)}</target>`);
    const { bySegment, messages } = matchTranslations(doc, read(translated), { ...expectDeEn, profile: 'omegat' });
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

  it('reports unknown ids, stale sources and a wrong source language', () => {
    const doc = fixtureDocument();
    const xliff = exportXliff(doc, undefined, undefined, { version: '1.2', sourceLanguage: 'nl', targetLanguage: 'en', original: doc.path }).xliff
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

describe('matchTranslations: the job\'s language and explicit states', () => {
  const doc = fixtureDocument();
  const exported = (targetLanguage: string): string =>
    exportXliff(doc, undefined, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage, original: doc.path }).xliff;
  const withTargets = (xliff: string, target: (n: number) => string): string => {
    let n = 0;
    return xliff.replace(/<\/source>/gu, () => `</source>${target((n += 1))}`);
  };

  it('refuses a file for another target language with one fatal message, and reads none of its units', () => {
    const spanish = withTargets(exported('es'), (n) => `<target state="translated">Traducción ${n}</target>`);
    let error: unknown;
    try {
      matchTranslations(doc, read(spanish), { sourceLanguage: 'de', targetLanguage: 'fr' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).detail).toMatchObject({ ruleId: 'xliff/wrong-language', severity: 'error', fatal: true, actual: 'es', expected: 'fr' });
  });

  it('reads a regional variant of the job\'s language with a warning', () => {
    const canadian = withTargets(exported('fr-CA'), (n) => `<target state="translated">Traduction ${n}</target>`);
    const { bySegment, messages } = matchTranslations(doc, read(canadian), { sourceLanguage: 'de', targetLanguage: 'fr' });
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['xliff/wrong-language', 'warning']]);
    expect(bySegment.get(TITLE)?.target?.text).toBe('Traduction 1');
  });

  it('reports a target whose own xml:lang is another language and marks it for review, in 1.2 and 2.1', () => {
    const file12 = withTargets(exported('fr'), (n) => (n === 2 ? '<target state="translated" xml:lang="es">Traducción 2</target>' : `<target state="translated" xml:lang="fr">Traduction ${n}</target>`));
    const xliff21 = exportXliff(doc, undefined, undefined, { version: '2.1', sourceLanguage: 'de', targetLanguage: 'fr', original: doc.path }).xliff;
    let n = 0;
    const file21 = xliff21.replace(/<segment id="([^"]+)"[^>]*>([\s\S]*?)<\/source>/gu, (_all, id: string, body: string) => {
      n += 1;
      return `<segment id="${id}" state="translated">${body}</source><target${n === 2 ? ' xml:lang="es"' : ''}>Traduction ${n}</target>`;
    });
    for (const file of [file12, file21]) {
      const { bySegment, messages } = matchTranslations(doc, read(file), { sourceLanguage: 'de', targetLanguage: 'fr' });
      expect(messages.map((m) => [m.ruleId, m.severity, m.unit, m.actual])).toEqual([['xliff/wrong-language', 'error', FIRST, 'es']]);
      expect(bySegment.get(FIRST)).toMatchObject({ needsReview: true });
      expect(bySegment.get(SECOND)).toMatchObject({ needsReview: false, state: 'translated' });
    }
  });

  it('keeps an explicit untranslated state in the default profile: a changed target under needs-translation or new is not translated', () => {
    const file = withTargets(exported('en'), (n) => `<target state="${n === 1 ? 'new' : 'needs-translation'}">Draft ${n}</target>`);
    const { bySegment, messages } = matchTranslations(doc, read(file), expectDeEn);
    expect([...bySegment.values()].map((t) => [t.target?.text, t.state])).toEqual([
      ['Draft 1', 'initial'],
      ['Draft 2', 'initial'],
      ['Draft 3', 'initial'],
    ]);
    expect(messages.map((m) => [m.ruleId, m.severity, m.unit])).toEqual([['xliff/untranslated-state', 'info', TITLE]]);
  });

  it('reads a changed target under an untranslated state as translated only in the OmegaT profile', () => {
    const file = withTargets(exported('en'), (n) => `<target state="needs-translation">Draft ${n}</target>`);
    const { bySegment } = matchTranslations(doc, read(file), { ...expectDeEn, profile: 'omegat' });
    expect([...bySegment.values()].map((t) => t.state)).toEqual(['translated', 'translated', 'translated']);
  });

  it('reads a 2.x target without any state as translated (the tool wrote none), but an explicit state="initial" as untranslated', () => {
    const xliff21 = exportXliff(doc, undefined, undefined, { version: '2.1', sourceLanguage: 'de', targetLanguage: 'en', original: doc.path }).xliff;
    let n = 0;
    const file = xliff21.replace(/<segment id="([^"]+)"[^>]*>([\s\S]*?)<\/source>/gu, (_all, id: string, body: string) => {
      n += 1;
      return `<segment id="${id}"${n === 1 ? ' state="initial"' : ''}>${body}</source><target>Text ${n}</target>`;
    });
    const { bySegment } = matchTranslations(doc, read(file), expectDeEn);
    expect([...bySegment.values()].map((t) => t.state)).toEqual(['initial', 'translated', 'translated']);
  });
});

describe('matchTranslations: sentences a translator reordered (2.x order)', () => {
  it('gives each sentence the translation shown at its position, so the paragraph reads in the target order', () => {
    const doc = fixtureDocument();
    const xliff = exportXliff(doc, undefined, undefined, { version: '2.1', sourceLanguage: 'de', targetLanguage: 'en', original: doc.path }).xliff
      .replace('<segment id="s8fd3fc851991" state="initial">', '<segment id="s8fd3fc851991" state="translated">')
      .replace(/(<segment id="s8fd3fc851991"[\s\S]*?<\/source>)/u, '$1<target>Putin meets Kim in Beijing</target>')
      .replace(/<segment id="sb405474f94a2" state="initial">([\s\S]*?<\/source>)/u, '<segment id="sb405474f94a2" state="translated">$1<target order="3">The meeting took place in Beijing.</target>')
      .replace(/<segment id="s51bad67ede2b" state="initial">([\s\S]*?<\/source>)/u, '<segment id="s51bad67ede2b" state="translated">$1<target order="1">Kim spoke of a “brotherly duty”.</target>');
    const { bySegment, messages } = matchTranslations(doc, read(xliff), expectDeEn);
    expect([FIRST, SECOND].map((id) => bySegment.get(id)?.target?.text)).toEqual(['Kim spoke of a “brotherly duty”.', 'The meeting took place in Beijing.']);
    expect(messages).toEqual([]);
  });
});
