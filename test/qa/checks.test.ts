/**
 * The checks one by one, on literal segments.
 */
import { describe, expect, it } from 'vitest';
import type { BlockKind, InlineCode, Span } from '../../pipeline/model.js';
import { languageProfile } from '../../pipeline/languages/index.js';
import { CHECKS } from '../../pipeline/qa/index.js';
import { compareNumbers, expectedForm } from '../../pipeline/qa/numbers.js';
import { containsTerm } from '../../pipeline/qa/target-terms.js';
import type { QaBlock, QaContext, QaSegment } from '../../pipeline/qa/types.js';

function segment(source: string, target: string | undefined, spans: Span[] = [], extra: Partial<QaSegment> = {}): QaSegment {
  return { id: `s${source.length}`, source, spans, target, hasUnit: true, state: 'translated', sourceCodes: [], targetCodes: [], line: 1, ...extra };
}
const block = (segments: QaSegment[], kind: BlockKind = 'paragraph'): QaBlock => ({ id: 'b', kind, segments });
const context = (language: string, forbidden: Record<string, string[]> = {}): QaContext => ({
  language,
  sourceLanguage: 'de',
  profile: languageProfile(language),
  sourceProfile: languageProfile('de'),
  forbidden: (t) => forbidden[t] ?? [],
});
const run = (id: string, b: QaBlock, c: QaContext): string[] => {
  const check = CHECKS.find((x) => x.id === id);
  if (check === undefined) throw new Error(id);
  return check.run(b, c).map((f) => f.reason);
};
const term = (source: string, text: string, targets: Record<string, string[]>, dnt = false): Span => {
  const start = source.indexOf(text);
  return { kind: 'term', start, end: start + text.length, term: text, targets, dnt };
};

describe('target-side term matcher', () => {
  it('accepts English plurals, possessives and sentence case', () => {
    expect(containsTerm('the heads of state met', 'head of state', 'en')).toBe(true);
    expect(containsTerm('Russian news agencies said', 'news agency', 'en')).toBe(true);
    expect(containsTerm('the Kremlin’s view', 'Kremlin', 'en')).toBe(true);
    expect(containsTerm('Foreign Minister Sergei Lavrov', 'foreign minister', 'en')).toBe(true);
    expect(containsTerm('help us', 'US', 'en')).toBe(false);
  });
  it('accepts French gender and number, elision and compounds', () => {
    expect(containsTerm('des troupes nord-coréennes', 'nord-coréen', 'fr')).toBe(true);
    expect(containsTerm('alliance russo-nord-coréenne', 'nord-coréen', 'fr')).toBe(true);
    expect(containsTerm('les chefs d’État russe', 'chef d’État', 'fr')).toBe(true);
    expect(containsTerm('contre les Etats-Unis', 'États-Unis', 'fr')).toBe(true);
  });
  it('accepts Spanish gender and number, and counts accents', () => {
    expect(containsTerm('las tropas norcoreanas', 'norcoreano', 'es')).toBe(true);
    expect(containsTerm('varios líderes', 'líder', 'es')).toBe(true);
    expect(containsTerm('en Pekin', 'Pekín', 'es')).toBe(false);
  });
});

describe('qa/terminology, qa/forbidden-term, qa/dnt', () => {
  const source = 'Das Treffen fand in Peking statt.';
  const spans = [term(source, 'Peking', { en: ['Beijing'] })];
  it('is quiet for an approved target and reports another rendering', () => {
    expect(run('qa/terminology', block([segment(source, 'The meeting took place in Beijing.', spans)]), context('en'))).toEqual([]);
    expect(run('qa/terminology', block([segment(source, 'The meeting took place in Peking.', spans)]), context('en'))).toHaveLength(1);
  });
  it('reports a forbidden rendering once, whatever its case', () => {
    expect(run('qa/forbidden-term', block([segment(source, 'The meeting took place in Peking.', spans)]), context('en', { Peking: ['Peking', 'PEKING'] }))).toHaveLength(1);
  });
  it('wants a do-not-translate name as written', () => {
    const s = 'Kim sprach.';
    const dntSpans = [term(s, 'Kim', {}, true)];
    expect(run('qa/dnt', block([segment(s, 'Kim’s speech.', dntSpans)]), context('en'))).toEqual([]);
    expect(run('qa/dnt', block([segment(s, 'KIM spoke.', dntSpans)]), context('en'))).toHaveLength(1);
  });
});

describe('qa/numbers', () => {
  const check = (source: string, target: string, language: string): string[] => compareNumbers({ ...segment(source, target), target }, language).map((f) => `${f.reason} | ${f.expected ?? ''}`);
  it('wants ordinals in the target form', () => {
    expect(check('zum 80. Jahrestag', 'the 80th anniversary', 'en')).toEqual([]);
    expect(check('zum 80. Jahrestag', 'le 80e anniversaire', 'fr')).toEqual([]);
    expect(check('zum 80. Jahrestag', 'el 80.º aniversario', 'es')).toEqual([]);
    expect(check('zum 80. Jahrestag', 'the 80 anniversary', 'en')).toHaveLength(1);
  });
  it('wants thousands and decimals with the target separators', () => {
    expect(check('1.000 Soldaten', '1,000 soldiers', 'en')).toEqual([]);
    expect(check('1.000 Soldaten', '1\u00A0000 soldats', 'fr')).toEqual([]);
    expect(check('1.000 Soldaten', '1\u202F000 soldats', 'fr')).toEqual([]);
    expect(check('1.000 Soldaten', '1000 soldados', 'es')).toEqual([]);
    expect(check('1.000 Soldaten', '1.000 soldados', 'es')).toEqual([]);
    expect(check('3,5 Prozent', '3.5 per cent', 'en')).toEqual([]);
    expect(check('1.000 Soldaten', '1.000 soldiers', 'en')).toEqual(['the number 1.000 is not written the en way | 1,000']);
    expect(check('1.000 Soldaten', '1 000 soldats', 'fr')).toHaveLength(1);
    expect(expectedForm('1000', 'cardinal', 'fr')).toBe('1\u00A0000');
  });
  it('reads dates and keeps years as they are', () => {
    expect(check('am 3. September 2025', 'on September 3, 2025', 'en')).toEqual([]);
    expect(check('am 3. September 2025', 'le 3 septembre 2025', 'fr')).toEqual([]);
    expect(check('am 3. September 2025', 'el 3 de septiembre de 2025', 'es')).toEqual([]);
    expect(check('im Juni 2024.', 'in June 2,024.', 'en')).toHaveLength(1);
  });
  it('reports a German ordinal dot left in the target (day and ordinal)', () => {
    expect(check('bis zum 10. Oktober', 'jusqu’au 10. octobre', 'fr')).toEqual(['the date 10. Oktober is not written the fr way | 10 octobre']);
    expect(check('bis zum 10. Oktober', 'hasta el 10. de octubre', 'es')).toEqual(['the date 10. Oktober is not written the es way | 10 de octubre']);
    expect(check('zum 80. Jahrestag', 'pour le 80. anniversaire', 'fr')).toEqual(['the ordinal number 80. is not written the fr way | 80e']);
    // A full stop after a number that ends the sentence is no ordinal dot.
    expect(check('Er kam im Jahr 2024.', 'Il est venu en 2024.', 'fr')).toEqual([]);
    expect(check('Er kam am 3. Oktober.', 'He came on October 3. Then he left.', 'en')).toEqual([]);
  });
  it('reads German times and numeric dates as times and dates, not as thousands', () => {
    const source = 'Die Tür öffnet am 10.09.2025 um 9.30 Uhr und am 3.10. um 22.15 Uhr.';
    expect(check(source, 'The door opens on 10 September 2025 at 9.30am and on 3 October at 10.15pm.', 'en')).toEqual([]);
    expect(check(source, 'La porte ouvre le 10 septembre 2025 à 9 h 30 et le 3 octobre à 22 h 15.', 'fr')).toEqual([]);
    expect(check(source, 'La puerta abre el 10 de septiembre de 2025 a las 9:30 y el 3 de octubre a las 22.15 h.', 'es')).toEqual([]);
    expect(check(source, 'The door opens on 10 September 2025 at 9.30am and on 3 October at 10.15am.', 'en')).toEqual([
      'the time 22.15 Uhr of the source is 10.15am in the target | 10.15pm',
    ]);
    expect(check(source, 'La porte ouvre le 09/10/2025 à 9 h 30 et le 3 octobre à 22 h 15.', 'fr')).toEqual([
      'the date 10.09.2025 of the source is 09/10/2025 in the target | 10 septembre 2025',
    ]);
  });
  it('reads scores, versions and ranges as what they are', () => {
    expect(check('Bayern gewann 2:1.', 'Bayern won 2-1.', 'en')).toEqual([]);
    expect(check('Bayern gewann 2:1.', 'Bayern won 1-2.', 'en')).toEqual(['the score 2:1 of the source is 1-2 in the target | 2-1']);
    expect(check('Version 2.1 behebt den Fehler.', 'La version 2,1 corrige l’erreur.', 'fr')).toEqual(['the version number 2.1 is not written the fr way | 2.1']);
    expect(check('Das Amt ist von 9 bis 17 Uhr geöffnet.', 'The office is open from 9am to 5pm.', 'en')).toEqual([]);
    expect(check('Die Messe dauert vom 10. bis 12. September.', 'Le salon a lieu du 10 au 12 septembre.', 'fr')).toEqual([]);
  });
  it('reports a missing and an added number', () => {
    expect(check('im Juni 2024', 'in June', 'en')).toHaveLength(1);
    expect(check('im Juni', 'in June 2024', 'en')).toHaveLength(1);
  });
});

describe('qa/quotes', () => {
  it('judges balance across the sentences of a block', () => {
    const b = block([segment('„Wir helfen.', '“We will help.'), segment('Immer“, sagte er.', 'Always,” he said.')]);
    expect(run('qa/quotes', b, context('en'))).toEqual([]);
    expect(run('qa/quotes', block([segment('„Wir helfen.', '“We will help.')]), context('en'))).toHaveLength(1);
  });
  it('wants no-break spaces inside French guillemets', () => {
    expect(run('qa/quotes', block([segment('„Ja“', '«\u00A0Oui\u00A0»')]), context('fr'))).toEqual([]);
    expect(run('qa/quotes', block([segment('„Ja“', '« Oui »')]), context('fr'))).toHaveLength(2);
  });
  it('takes apostrophes for what they are', () => {
    expect(run('qa/quotes', block([segment('Er sagte „nie“.', 'The army’s soldiers’ view: “never”.')]), context('en'))).toEqual([]);
    // French elision before a quotation: d’« … », l’“ … ”.
    expect(run('qa/quotes', block([segment('Er nannte es „unverantwortlich“.', 'Il l’a qualifié d’«\u00A0irresponsable\u00A0».')]), context('fr'))).toEqual([]);
  });
  it('reports a German pair in a French or English target once, as foreign marks', () => {
    const source = '„Wir haben verhandelt“, sagte er.';
    expect(run('qa/quotes', block([segment(source, '„Nous avons négocié“, a-t-il dit.')]), context('fr'))).toEqual(['quotation marks of another language or straight quotes: „ “']);
    expect(run('qa/quotes', block([segment(source, '„We negotiated“, he said.')]), context('en'))).toEqual(['quotation marks of another language or straight quotes: „ “']);
    expect(run('qa/quotes', block([segment(source, '"We negotiated", he said.')]), context('en'))).toEqual(['quotation marks of another language or straight quotes: "']);
  });
});

describe('the other checks', () => {
  it('qa/final-punctuation lets a heading drop its full stop', () => {
    expect(run('qa/final-punctuation', block([segment('Der Kreml bestreitet es.', 'Kremlin denies it')], 'heading'), context('en'))).toEqual([]);
    expect(run('qa/final-punctuation', block([segment('Der Kreml bestreitet es.', 'The Kremlin denies it')]), context('en'))).toHaveLength(1);
    expect(run('qa/final-punctuation', block([segment('„Wirklich?“', '«¿De verdad?»')]), context('es'))).toEqual([]);
  });
  it('qa/same-as-source spares names-only segments', () => {
    const s = 'Expansion';
    expect(run('qa/same-as-source', block([segment(s, s, [term(s, s, {}, true)])], 'credit'), context('en'))).toEqual([]);
    expect(run('qa/same-as-source', block([segment('Das Treffen.', 'Das Treffen.')]), context('en'))).toHaveLength(1);
  });
  it('qa/same-as-source tells how to keep an agency credit, and to translate anything else', () => {
    const check = CHECKS.find((x) => x.id === 'qa/same-as-source')!;
    const [credit] = check.run(block([segment('dpa/AFP', 'dpa/AFP')], 'credit'), context('fr'));
    expect(credit?.hint).toMatch(/dnt: true.*l10n-accept/u);
    const [paragraph] = check.run(block([segment('Das Treffen.', 'Das Treffen.')]), context('fr'));
    expect(paragraph?.hint).toBe('translate the segment');
  });
  it('qa/doubled-word, qa/whitespace, qa/brackets, qa/empty, qa/untranslated', () => {
    expect(run('qa/doubled-word', block([segment('Er kam.', 'He came the the day.')]), context('en'))).toHaveLength(1);
    expect(run('qa/doubled-word', block([segment('Wir treffen uns.', 'Nous nous rencontrons.')]), context('fr'))).toEqual([]);
    expect(run('qa/whitespace', block([segment('Er kam.', ' He  came .')]), context('en'))).toHaveLength(3);
    expect(run('qa/whitespace', block([segment('Er fügte hinzu:', 'Il a ajouté :')]), context('fr'))).toHaveLength(1);
    // A run of marks takes one no-break space, before its first mark.
    expect(run('qa/whitespace', block([segment('Wirklich?!', 'Vraiment\u00A0?!')]), context('fr'))).toHaveLength(0);
    expect(run('qa/whitespace', block([segment('Wirklich?!', 'Vraiment ?!')]), context('fr'))).toHaveLength(1);
    expect(run('qa/brackets', block([segment('Er (der Diplomat) kam.', 'He (the diplomat came.')]), context('en'))).toHaveLength(1);
    // An enumeration "1) … 2) …" leaves the source unbalanced too: keeping it is correct.
    expect(run('qa/brackets', block([segment('Drei Punkte: 1) Handel, 2) Energie.', 'Three points: 1) trade, 2) energy.')]), context('en'))).toEqual([]);
    expect(run('qa/brackets', block([segment('Drei Punkte: 1) Handel, 2) Energie.', 'Three points: 1) trade, 2) energy (oil.')]), context('en'))).toEqual([
      'the bracket ( is not closed in this paragraph',
    ]);
    expect(run('qa/empty', block([segment('Er kam.', '…')]), context('en'))).toHaveLength(1);
    expect(run('qa/untranslated', block([segment('Er kam.', undefined)]), context('en'))).toHaveLength(1);
    expect(run('qa/untranslated', block([segment('Er kam.', undefined, [], { state: 'initial' })]), context('en'))).toEqual([]);
  });
  it('qa/length-ratio flags a target missing half its sentence', () => {
    const s = 'Das Treffen fand statt, nachdem die beiden Männer an der Parade teilgenommen hatten.';
    expect(run('qa/length-ratio', block([segment(s, 'The meeting took place after the two men had attended the parade.')]), context('en'))).toEqual([]);
    expect(run('qa/length-ratio', block([segment(s, 'The meeting took place.')]), context('en'))).toHaveLength(1);
  });
  it('qa/inline-codes reports missing, extra and reordered codes', () => {
    const code = (id: string): InlineCode => ({ id, kind: 'standalone', type: 'placeholder', data: `{${id}}`, at: 0 });
    const s = (src: string[], tgt: string[]) => segment('A B.', 'A B.', [], { sourceCodes: src.map(code), targetCodes: tgt.map(code) });
    expect(run('qa/inline-codes', block([s(['1', '2'], ['1', '2'])]), context('en'))).toEqual([]);
    expect(run('qa/inline-codes', block([s(['1', '2'], ['1'])]), context('en'))).toEqual(['inline code(s) missing from the target: placeholder#2']);
    expect(run('qa/inline-codes', block([s(['1'], ['1', '2'])]), context('en'))).toEqual(['inline code(s) in the target that the source does not have: placeholder#2']);
    expect(run('qa/inline-codes', block([s(['1', '2'], ['2', '1'])]), context('en'))).toEqual(['inline codes are in another order than in the source']);
  });
  it('qa/inline-codes reports a pair that loses a half or closes before it opens, and compares codes by kind and id only', () => {
    const open: InlineCode = { id: '1', kind: 'open', type: 'bold', data: '**', at: 0 };
    const close: InlineCode = { id: '1', kind: 'close', type: 'bold', data: '**', at: 3 };
    const s = (src: InlineCode[], tgt: InlineCode[]) => segment('A B.', 'A B.', [], { sourceCodes: src, targetCodes: tgt });
    expect(run('qa/inline-codes', block([s([open, close], [open, close])]), context('en'))).toEqual([]);
    expect(run('qa/inline-codes', block([s([open, close], [open])]), context('en'))).toEqual(['inline code(s) missing from the target: bold#1:close']);
    expect(run('qa/inline-codes', block([s([open, close], [close, open])]), context('en'))).toEqual(['a paired code closes before it opens in the target: bold#1:close']);
    // A tool that wrote the pair as <g> instead of <bpt>/<ept> keeps the same kinds and id.
    expect(run('qa/inline-codes', block([s([open, close], [{ ...open, type: 'g' }, { ...close, type: 'g', at: 1 }])]), context('en'))).toEqual([]);
    // An isolated half (a pair cut by a sentence boundary) is matched on its own.
    expect(run('qa/inline-codes', block([s([close], [close])]), context('en'))).toEqual([]);
  });
});

describe('qa/unsafe-link', () => {
  const link = (data: string): InlineCode => ({ id: '1', kind: 'open', type: 'link', data, at: 0 });
  it('reports a script URL the target adds in its text or in the markup of a code', () => {
    expect(run('qa/unsafe-link', block([segment('Hier klicken.', 'Click [here](javascript:alert(1)).')]), context('en'))).toEqual([expect.stringContaining('javascript:')]);
    expect(run('qa/unsafe-link', block([segment('Hier klicken.', 'Click JAVA\tSCRIPT:x here.')]), context('en'))).toHaveLength(1);
    const codes = { sourceCodes: [link('<a href="https://example.org">')], targetCodes: [link('<a href="vbscript:msgbox">')] };
    expect(run('qa/unsafe-link', block([segment('Ein Link.', 'A link.', [], codes)]), context('en'))).toEqual([expect.stringContaining('vbscript:')]);
    expect(run('qa/unsafe-link', block([segment('Ein Bild.', 'An image data:image/png;base64,AAAA.')]), context('en'))).toHaveLength(1);
  });
  it('is quiet for what the source has, for prose that only looks like a scheme, and without a target', () => {
    expect(run('qa/unsafe-link', block([segment('Siehe javascript:void(0).', 'See javascript:void(0).')]), context('en'))).toEqual([]);
    expect(run('qa/unsafe-link', block([segment('Die Metadaten: alles.', 'The metadata: everything. The data: 5 items. Myjavascript: no.')]), context('en'))).toEqual([]);
    expect(run('qa/unsafe-link', block([segment('Hier.', undefined)]), context('en'))).toEqual([]);
  });
});

describe('qa/whitespace around inline codes', () => {
  const code: InlineCode = { id: '1', kind: 'standalone', type: 'code', data: '`npm start`', at: 8 };
  it('does not read a space before a code that stands before the full stop as a space before the full stop', () => {
    expect(run('qa/whitespace', block([segment('Starte mit .', 'Run with .', [], { sourceCodes: [{ ...code, at: 11 }], targetCodes: [{ ...code, at: 9 }] })]), context('en'))).toEqual([]);
    expect(run('qa/whitespace', block([segment('Starte mit .', 'Run with .', [], { sourceCodes: [{ ...code, at: 11 }], targetCodes: [{ ...code, at: 4 }] })]), context('en'))).toEqual(['a space before a comma or full stop']);
  });
});
