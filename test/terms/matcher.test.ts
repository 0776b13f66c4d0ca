import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formsOf } from '../../pipeline/terms/forms.js';
import { loadGlossary, makeEntry, type GlossaryEntry } from '../../pipeline/terms/glossary.js';
import { compileMatcher } from '../../pipeline/terms/matcher.js';
import { FIXTURES, found, glossaryFrom, matcherFrom } from './helpers.js';

const POLITICS = `
terms:
  - {source: Weißes Haus, kind: institution, targets: {en: White House}}
  - {source: Wladimir Putin, kind: person, variants: [Putin], targets: {en: Vladimir Putin}}
  - {source: Sergej Lawrow, kind: person, variants: [Lawrow], targets: {en: Sergei Lavrov}}
  - {source: Xi Jinping, kind: person, variants: [Xi], targets: {en: Xi Jinping}}
  - {source: Kim Jong-un, kind: person, targets: {en: Kim Jong Un}}
  - {source: Kim, kind: person, targets: {en: Kim}}
  - {source: Donald Trump, kind: person, variants: [Trump], targets: {en: Donald Trump}}
  - {source: Nordkorea, kind: place, targets: {en: North Korea}}
  - {source: Berlin, kind: place, targets: {en: Berlin}}
  - {source: Europa, kind: place, targets: {en: Europe}}
  - {source: Lars, kind: person, targets: {en: Lars}}
  - {source: Vereinigte Staaten, kind: place, number: plural, targets: {en: United States}}
  - {source: Demokratische Volksrepublik Korea, kind: place, gender: f, targets: {en: DPRK}}
  - {source: Kreml, kind: institution, targets: {en: Kremlin}}
  - {source: USA, kind: place, targets: {en: US}}
  - {source: EU, kind: organization, case: insensitive, targets: {en: EU}}
  - {source: Staatschef, kind: title, gender: m, targets: {en: head of state}}
  - {source: Präsident, kind: title, gender: m, plural: [Präsidenten], targets: {en: president}}
  - {source: Haus, kind: other, gender: n, plural: [Häuser], targets: {en: house}}
`;
const politics = matcherFrom(POLITICS);

describe('compileMatcher: names', () => {
  it.each([
    ['Putins Sprecher', 'Putins=Wladimir Putin'],
    ['Lawrows Rede', 'Lawrows=Sergej Lawrow'],
    ['Nordkoreas Führung', 'Nordkoreas=Nordkorea'],
    ['Trumps Zölle', 'Trumps=Donald Trump'],
    ['Xi Jinpings Rede', 'Xi Jinpings=Xi Jinping'],
    ["Lars' Auto", "Lars'=Lars"],
    ['Lars’ Auto', 'Lars’=Lars'],
    ['Kim Jong-uns Schwester', 'Kim Jong-uns=Kim Jong-un'],
  ])('finds the genitive in %j', (text, expected) => {
    expect(found(politics, text)).toEqual([expected]);
  });

  it.each(['Zum Essen gab es Kimchi.', 'Die Provinz Xinjiang.', 'Berliner Luft.', 'Viele Europäer.', 'Herz ist Trumpf.', 'Nordkoreaner feiern.'])(
    'has no false hit in %j', (text) => {
      expect(found(politics, text)).toEqual([]);
    });
});

describe('compileMatcher: multiword terms and adjectives', () => {
  it.each([
    ['Das Weiße Haus schweigt.', 'Weiße Haus'],
    ['Im Weißen Haus wurde beraten.', 'Weißen Haus'],
    ['Ein Sprecher des Weißen Hauses sagte', 'Weißen Hauses'],
    ['Weißes Haus dementiert', 'Weißes Haus'],
    ['Die Vereinigten Staaten reagierten.', 'Vereinigten Staaten'],
    ['Vereinigte Staaten und Kanada', 'Vereinigte Staaten'],
    ['Grüße an die Demokratische Volksrepublik Korea.', 'Demokratische Volksrepublik Korea'],
    ['in der Demokratischen Volksrepublik Korea', 'Demokratischen Volksrepublik Korea'],
  ])('declines the adjective in %j', (text, surface) => {
    expect(politics.match(text).map((m) => text.slice(m.start, m.end))).toEqual([surface]);
  });

  it('does not take a lower-case adjective for the case-sensitive name', () => {
    expect(found(politics, 'ein weißes Haus am See')).toEqual(['Haus=Haus']);
  });

  it('keeps the number of the head noun: "Weiße Häuser" is not the White House', () => {
    expect(found(politics, 'drei Weiße Häuser')).toEqual(['Häuser=Haus']);
  });

  it('folds ß/ss and runs of white space, including line breaks and no-break spaces', () => {
    expect(found(politics, 'im Weissen  Haus')).toEqual(['Weissen  Haus=Weißes Haus']);
    expect(found(politics, 'im Weißen\nHaus')).toEqual(['Weißen\nHaus=Weißes Haus']);
    expect(found(politics, 'Xi\u00a0Jinping')).toEqual(['Xi\u00a0Jinping=Xi Jinping']);
  });

  it('ignores soft hyphens inside a word', () => {
    expect(found(politics, 'Nord\u00adkorea')).toEqual(['Nord\u00adkorea=Nordkorea']);
  });
});

describe('compileMatcher: nouns', () => {
  it.each([
    ['des Staatschefs', 'Staatschefs'],
    ['die Staatschefs', 'Staatschefs'],
    ['dem Präsidenten', 'Präsidenten'],
    ['den Präsidenten', 'Präsidenten'],
    ['in den Häusern', 'Häusern'],
    ['des Hauses', 'Hauses'],
  ])('finds the declined noun in %j', (text, surface) => {
    expect(politics.match(text).map((m) => text.slice(m.start, m.end))).toEqual([surface]);
  });

  it('does not find feminine derivations or closed compounds', () => {
    expect(found(politics, 'Die Präsidentin und die Präsidentschaft im Staatschefbüro')).toEqual([]);
  });
});

describe('compileMatcher: abbreviations and case', () => {
  it('matches all-capital abbreviations exactly, even when the entry is case-insensitive', () => {
    expect(found(politics, 'die USA, die Usa und die usa')).toEqual(['USA=USA']);
    expect(found(politics, 'EU und Eu und eu')).toEqual(['EU=EU']);
    expect(found(politics, 'keine USAs')).toEqual([]);
  });

  it('matches case-insensitive entries in any case', () => {
    const m = matcherFrom('terms:\n  - {source: Truth Social, kind: organization, case: insensitive, targets: {en: Truth Social}}\n');
    expect(found(m, 'auf truth social und TRUTH SOCIAL')).toEqual(['truth social=Truth Social', 'TRUTH SOCIAL=Truth Social']);
  });

  it('accepts a capitalised first letter for a term that starts lower case (sentence start)', () => {
    const m = matcherFrom('terms:\n  - {source: Ursula von der Leyen, kind: person, variants: [von der Leyen], targets: {en: Ursula von der Leyen}}\n');
    expect(found(m, 'Von der Leyen sagte')).toEqual(['Von der Leyen=Ursula von der Leyen']);
    expect(found(m, 'VoN der Leyen')).toEqual([]);
  });

  it('finds names set in capitals, as datelines and capital headlines write them', () => {
    const m = matcherFrom('terms:\n  - {source: Berlin, kind: place, targets: {en: Berlin}}\n  - {source: Brüssel, kind: place, targets: {en: Brussels}}\n  - {source: Weißes Haus, kind: institution, targets: {en: White House}}\n');
    expect(found(m, 'BERLIN (dpa) – Die Regierung tagt.')).toEqual(['BERLIN=Berlin']);
    expect(found(m, 'BRÜSSEL/BERLIN – Die Gespräche laufen.')).toEqual(['BRÜSSEL=Brüssel', 'BERLIN=Berlin']);
    expect(found(m, 'WEISSES HAUS DEMENTIERT')).toEqual(['WEISSES HAUS=Weißes Haus']);
    expect(found(m, 'BeRLIN')).toEqual([]);
  });
});

describe('compileMatcher: coordinated compounds, company and person names, exclusions', () => {
  const m = matcherFrom([
    'terms:',
    '  - {source: Staat, kind: place, targets: {en: state}}',
    '  - {source: Regierungschef, kind: title, targets: {en: head of government}}',
    '  - {source: Washington, kind: place, targets: {en: Washington}, exclude: [Washington Post]}',
    '  - {source: Polen, kind: place, targets: {en: Poland}}',
    '  - {source: Ferdinand Porsche, kind: person, variants: [Porsche], targets: {en: Ferdinand Porsche}}',
    '  - {source: König, kind: title, targets: {en: king}}',
    '  - {source: Siemens, kind: organization, dnt: true}',
  ].join('\n') + '\n');

  it('does not take the first part of a coordinated compound for a term ("Staats- und Regierungschefs")', () => {
    expect(found(m, 'Die Staats- und Regierungschefs tagten.')).toEqual(['Regierungschefs=Regierungschef']);
    expect(found(m, 'Die Staats-Chefin kam.')).toEqual(['Staats=Staat']);
  });

  it('does not find a person, place or title inside a company name', () => {
    expect(found(m, 'Die Porsche AG hat die Prognose gesenkt.')).toEqual([]);
    expect(found(m, 'Der Hersteller König + Neurath meldet Kurzarbeit an.')).toEqual([]);
    expect(found(m, 'Die Siemens AG wächst.')).toEqual(['Siemens=Siemens']);
    expect(found(m, 'König Charles empfing ihn.')).toEqual(['König=König']);
  });

  it('does not find a place inside a person\'s name, but after an apposition noun', () => {
    expect(found(m, 'Ein Denkmal für George Washington steht dort.')).toEqual([]);
    expect(found(m, 'Die US-Hauptstadt Washington bereitet sich vor.')).toEqual(['Washington=Washington']);
    expect(found(m, 'In Washington wird gestritten.')).toEqual(['Washington=Washington']);
  });

  it('reads a place that is also the plural of a people after a plural article or an adjective as the people', () => {
    expect(found(m, 'Die Polen wählen am Sonntag.')).toEqual([]);
    expect(found(m, 'Viele junge Polen arbeiten hier.')).toEqual([]);
    expect(found(m, 'In Polen wird gewählt.')).toEqual(['Polen=Polen']);
  });

  it('leaves out an occurrence inside one of the entry\'s exclude phrases, inflected or not', () => {
    expect(found(m, 'Die Washington Post berichtete.')).toEqual([]);
    expect(found(m, 'Laut der Washington Posts Redaktion kam er aus Washington.')).toEqual(['Washington=Washington']);
  });
});

describe('compileMatcher: compounds and overlaps', () => {
  it('finds the parts of hyphenated compounds', () => {
    expect(found(politics, 'Der Kreml-Chef und die Trump-Regierung')).toEqual(['Kreml=Kreml', 'Trump=Donald Trump']);
    expect(found(politics, 'Anti-Trump-Kurs')).toEqual(['Trump=Donald Trump']);
  });

  it('prefers a listed hyphenated compound over its part', () => {
    const m = matcherFrom('terms:\n  - {source: Kreml, kind: institution, targets: {en: Kremlin}}\n  - {source: Kreml-Chef, kind: title, targets: {en: Kremlin chief}}\n');
    expect(found(m, 'Der Kreml-Chef und die Kreml-Chefs im Kreml')).toEqual(['Kreml-Chef=Kreml-Chef', 'Kreml-Chefs=Kreml-Chef', 'Kreml=Kreml']);
    expect(found(m, 'Der Kreml‑Chef')).toEqual(['Kreml‑Chef=Kreml-Chef']);
  });

  it('does not find parts of closed compounds unless the compound is listed', () => {
    expect(found(politics, 'Der Kremlchef sprach.')).toEqual([]);
    const m = matcherFrom('terms:\n  - {source: Kremlchef, kind: title, targets: {en: Kremlin chief}}\n');
    expect(found(m, 'Der Kremlchef sprach.')).toEqual(['Kremlchef=Kremlchef']);
  });

  it('lets the longest match win ("Kim Jong-un" over "Kim")', () => {
    expect(found(politics, 'Kim Jong-un traf Kim.')).toEqual(['Kim Jong-un=Kim Jong-un', 'Kim=Kim']);
  });

  it('resolves equal-length overlaps to the leftmost, and ties to the first entry in the glossary', () => {
    const m = matcherFrom([
      'terms:',
      '  - {source: Alpha Beta, kind: other, targets: {en: A}}',
      '  - {source: Beta Gamma, kind: other, targets: {en: B}}',
      '  - {source: Delta, kind: other, domain: one, targets: {en: D1}}',
      '  - {source: Delta, kind: other, domain: two, targets: {en: D2}}',
    ].join('\n'));
    expect(found(m, 'Alpha Beta Gamma')).toEqual(['Alpha Beta=Alpha Beta']);
    expect(m.match('Delta')[0]?.entry.targets.en).toEqual(['D1']);
  });

  it('reports UTF-16 offsets, sorted, end exclusive, also after astral characters', () => {
    const text = '😀 Putin und 𝐀 Kim';
    const matches = politics.match(text);
    expect(matches.map((m) => [m.start, m.end])).toEqual([[3, 8], [16, 19]]);
    expect(text.slice(3, 8)).toBe('Putin');
  });
});

describe('compileMatcher: match modes and entry options', () => {
  it('matches exact entries only as written, plus their listed forms', () => {
    const m = matcherFrom('terms:\n  - {source: Staat, kind: other, match: exact, forms: [Staates], targets: {en: state}}\n');
    expect(found(m, 'Staat, Staates, Staats, Staaten')).toEqual(['Staat=Staat', 'Staates=Staat']);
  });

  it('extends prefix entries to the end of the word', () => {
    const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    const m = compileMatcher(glossary);
    expect(found(m, 'Die Bundesregierung und der Bundes-Etat')).toEqual(['Bundesregierung=Bundes', 'Bundes=Bundes']);
  });

  it('declines adjective entries', () => {
    const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    const m = compileMatcher(glossary);
    expect(found(m, 'nordkoreanische Truppen, der nordkoreanischen Armee')).toEqual([
      'nordkoreanische=nordkoreanisch', 'nordkoreanischen=nordkoreanisch']);
  });

  it('leaves deprecated entries out', () => {
    const m = compileMatcher({ language: 'de', files: [], entries: [makeEntry({ source: 'Kreml', kind: 'institution', status: 'deprecated' })] });
    expect(m.match('Kreml')).toEqual([]);
  });
});

describe('formsOf', () => {
  it('takes plurals and umlauts from the noun lexicon, also for names that are common nouns', () => {
    const forms = (yaml: string): string[] => formsOf(glossaryFrom(`terms:\n  - ${yaml}\n`).entries[0] as GlossaryEntry).map((f) => f.text);
    expect(forms('{source: Partei, kind: organization, targets: {en: party}}')).toContain('Parteien');
    expect(forms('{source: Regierung, kind: institution, targets: {en: government}}')).toContain('Regierungen');
    expect(forms('{source: Bundesland, kind: place, targets: {en: federal state}}')).toEqual(expect.arrayContaining(['Bundesländer', 'Bundesländern']));
    expect(forms('{source: Rat, kind: title, targets: {en: council}}')).toEqual(expect.arrayContaining(['Räte', 'Rates']));
    expect(forms('{source: Rat, kind: title, targets: {en: council}}')).not.toContain('Rate');
    expect(forms('{source: Halle, kind: place, number: singular, targets: {en: Halle}}')).not.toContain('Hallen');
  });

  it('generates each form once, source first', () => {
    const forms = formsOf(makeEntry({ source: 'Weißes Haus', kind: 'institution' })).map((f) => f.text);
    expect(forms[0]).toBe('Weißes Haus');
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms).toEqual(expect.arrayContaining(['Weiße Haus', 'Weißen Haus', 'Weißen Hauses']));
    expect(forms).not.toContain('Weiße Häuser');
  });

  it('declines adjectives together but may keep invariable ones as written ("Neuen Zürcher Zeitung")', () => {
    const forms = formsOf(makeEntry({ source: 'Neue Zürcher Zeitung', kind: 'organization' })).map((f) => f.text);
    expect(forms).toEqual(expect.arrayContaining(['Neue Zürcher Zeitung', 'Neuen Zürcher Zeitung']));
  });

  it('inflects the word before a lower-case function word ("Bundesamt für Verfassungsschutz")', () => {
    const forms = formsOf(makeEntry({ source: 'Bundesamt für Verfassungsschutz', kind: 'institution' })).map((f) => f.text);
    expect(forms).toEqual(expect.arrayContaining(['Bundesamts für Verfassungsschutz', 'Bundesamtes für Verfassungsschutz']));
  });
});

describe('compileMatcher: words that start lower case', () => {
  // Walks from a lower-case word stop where only capitalised case-sensitive forms lie ahead; these
  // cases share trie paths between such forms and forms a lower-case word can still match.
  const m = matcherFrom([
    'terms:',
    '  - {source: Nordkorea, kind: place, targets: {en: North Korea}}',
    '  - {source: nordkoreanisch, kind: other, pos: adjective, targets: {en: North Korean}}',
    '  - {source: Truth Social, kind: organization, case: insensitive, targets: {en: Truth Social}}',
    '  - {source: Trump, kind: person, targets: {en: Trump}}',
    '  - {source: Straße, kind: other, case: insensitive, gender: f, targets: {en: street}}',
  ].join('\n'));

  it('still finds lower-case and case-insensitive forms that share a path with capitalised ones', () => {
    expect(found(m, 'die nordkoreanische Armee, nordkorea und Nordkorea')).toEqual(['nordkoreanische=nordkoreanisch', 'Nordkorea=Nordkorea']);
    expect(found(m, 'Nordkoreanische Truppen')).toEqual(['Nordkoreanische=nordkoreanisch']);
    expect(found(m, 'auf truth social, nicht trump')).toEqual(['truth social=Truth Social']);
    expect(found(m, 'straße, strasse und STRASSE')).toEqual(['straße=Straße', 'strasse=Straße', 'STRASSE=Straße']);
  });
});
