/**
 * Software strings end to end, on the sample site (`test/fixtures/strings/site`: components with
 * `t()` calls, a Trans component, plurals, contexts, two namespaces, an HTML template): extract
 * refreshes the German catalogs from the code and writes XLIFF, a translator fills it, build
 * writes catalogs that i18next itself loads and renders in English, French and Spanish.
 */
import i18next, { type i18n } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillXliff, unitsOf, withoutTermMarks, type UnitView } from '../helpers/fill-xliff.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const CONFIG = `targetLanguages: [en, fr, es]
strings:
  input: ["src/**/*.{js,jsx,ts,tsx,html}"]
  namespaces: [common, article]
  defaultNamespace: common
`;

const GLOSSARY = `terms:
  - source: Kreml
    kind: institution
    targets: {en: Kremlin, fr: Kremlin, es: Kremlin}
    forbidden: {en: [Kreml]}
`;

/** A component the fixture does not have: a key whose German text names a glossary term. */
const TOPICS = `import { useTranslation } from 'react-i18next';
export function Topics() {
  const { t } = useTranslation('common');
  return <h3>{t('topics.kremlin', 'Nachrichten aus dem Kreml')}</h3>;
}
`;

const LANGUAGES = ['en', 'fr', 'es'] as const;
const NAMESPACES = ['common', 'article'] as const;
const xliffOf = (language: string, namespace: string): string => `translations/${language}/locales/de/${namespace}.xlf`;

/** The plural form a resname ends in, if any. */
const formOf = (resname: string | undefined): string => /_(zero|one|two|few|many|other)$/u.exec(resname ?? '')?.[1] ?? '';

/**
 * The test's translator: the source with its codes, marked with the language (and the plural
 * form, so that a rendering shows which form i18next chose); the glossary's term as approved.
 */
function translation(language: string, unit: UnitView): string {
  const form = formOf(unit.resname);
  return `${withoutTermMarks(unit.source).replace(/Kreml\b/gu, 'Kremlin')} ·${language}${form === '' ? '' : `·${form}`}`;
}

let project: TempProject;

function translateAll(edit: (language: string, unit: UnitView) => string | undefined = (language, unit) => translation(language, unit)): void {
  for (const language of LANGUAGES) {
    for (const namespace of NAMESPACES) {
      const file = xliffOf(language, namespace);
      project.write(file, fillXliff(project.read(file), (unit) => {
        const target = edit(language, unit);
        return target === undefined ? undefined : { target };
      }));
    }
  }
}

async function i18nextFor(language: string): Promise<i18n> {
  const json = (file: string): Record<string, unknown> => JSON.parse(project.read(file)) as Record<string, unknown>;
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'de',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    resources: {
      de: { common: json('source/locales/de/common.json'), article: json('source/locales/de/article.json') },
      [language]: { common: json(`output/${language}/locales/common.json`), article: json(`output/${language}/locales/article.json`) },
    },
  });
  return instance;
}

beforeEach(() => {
  project = tempProject({ folder: 'test/fixtures/strings/site' });
  project.write('l10n.config.yaml', CONFIG);
  project.write('glossary/terms.yaml', GLOSSARY);
  project.write('src/components/Topics.jsx', TOPICS);
});

afterEach(() => project.remove());

describe('software strings through extract and build', () => {
  it('extract refreshes the German catalogs from the code, reports keys without a German text and writes one unit per key and form', async () => {
    const extracted = await project.run(['extract']);
    expect(extracted.code).toBe(0);
    expect(extracted.stderr).toContain('extract: 2 documents: source/locales/de/article.json, source/locales/de/common.json');
    expect(extracted.stderr).toContain('src/pages/ranking.ts:9:48: warning: "common:ranking.empty" is used in the code but has no German text [strings/no-source-text]');
    expect(extracted.stderr).toContain('src/templates/footer.html:4:27: warning: "common:footer.copyrightTitle" is used in the code but has no German text [strings/no-source-text]');
    expect(JSON.parse(project.read('source/locales/de/common.aside.json'))).toEqual({ newsletter: 'Newsletter abonnieren' });
    expect(JSON.parse(project.read('source/locales/de/common.json'))).toHaveProperty(['topics', 'kremlin'], 'Nachrichten aus dem Kreml');

    // Every key the code uses with a German text, each plural key with the forms the language needs.
    const resnames = (language: string, namespace: string): (string | undefined)[] => unitsOf(project.read(xliffOf(language, namespace))).map((u) => u.resname);
    expect(resnames('fr', 'article')).toEqual(['card.published', 'card.readMore', 'card.comments_one', 'card.comments_many', 'card.comments_other', 'byline', 'Jetzt <1>live</1> verfolgen']);
    expect(resnames('en', 'article')).toEqual(['card.published', 'card.readMore', 'card.comments_one', 'card.comments_other', 'byline', 'Jetzt <1>live</1> verfolgen']);
    expect(resnames('en', 'common')).toEqual([
      'share', 'friend_male', 'friend_female',
      'friendCount_male_one', 'friendCount_male_other', 'friendCount_female_one', 'friendCount_female_other',
      'ranking.title', 'ranking.place_ordinal_one', 'ranking.place_ordinal_two', 'ranking.place_ordinal_few', 'ranking.place_ordinal_other',
      'errors.notFound', 'errors.network', 'errors.support', 'footer.imprint', 'footer.copyright', 'topics.kremlin',
    ]);
    expect(resnames('es', 'common')).toContain('friendCount_female_many');
    expect(resnames('es', 'common').filter((r) => r?.startsWith('ranking.place'))).toEqual(['ranking.place_ordinal_other']);

    // What a translator sees: the glossary term marked, the form's counts, the limit, the code's comment.
    const en = project.read(xliffOf('en', 'common'));
    expect(en).toContain('<mrk mtype="term" comment="Kremlin">Kreml</mrk>');
    expect(en).toContain('<note from="glossary">Kreml → Kremlin</note>');
    expect(en).toMatch(/resname="share" size-unit="char" maxwidth="12"/u);
    expect(en).toContain('<note from="description">Rank of a team in the league table, e.g. "3rd place"</note>');
    expect(project.read(xliffOf('fr', 'article'))).toContain('plural form "many" of "card.comments", used for 1000000…');
    // Variables, nested keys and the Trans component's tags are inline codes a CAT tool protects.
    const article = project.read(xliffOf('en', 'article'));
    expect(article).toContain('<source xml:space="preserve">Veröffentlicht am <ph id="1" ctype="x-interpolation">{{date}}</ph></source>');
    expect(article).toContain('am <bpt id="3" ctype="x-tag">&lt;3&gt;</bpt><ph id="4" ctype="x-interpolation">{{date}}</ph><ept id="3">&lt;/3&gt;</ept>');
    expect(article).toContain('<source xml:space="preserve">Jetzt <bpt id="1" ctype="x-tag">&lt;1&gt;</bpt>live<ept id="1">&lt;/1&gt;</ept> verfolgen</source>');
    expect(en).toContain('Keine Verbindung. <ph id="1" ctype="x-nesting">$t(errors.support)</ph>');
  });

  it('build writes catalogs that i18next loads and renders in every language, counts and interpolation included', async () => {
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll();
    const built = await project.run(['build']);
    expect(built.stderr).toContain('build: 0 errors');
    expect(built.code).toBe(0);

    const en = await i18nextFor('en');
    expect([0, 1, 2, 5].map((count) => en.t('card.comments', { ns: 'article', count }))).toEqual(['0 Kommentare ·en·other', '1 Kommentar ·en·one', '2 Kommentare ·en·other', '5 Kommentare ·en·other']);
    expect([1, 2, 3, 5].map((count) => en.t('ranking.place', { count, ordinal: true }))).toEqual(['1. Platz ·en·one', '2. Platz ·en·two', '3. Platz ·en·few', '5. Platz ·en·other']);
    expect(en.t('card.published', { ns: 'article', date: '1. Mai' })).toBe('Veröffentlicht am 1. Mai ·en');
    expect(en.t('topics.kremlin')).toBe('Nachrichten aus dem Kremlin ·en');
    expect(en.t('friendCount', { context: 'female', count: 2 })).toBe('2 Freundinnen ·en·other');
    // Context variants stay variants: each its own translation, chosen by i18next at run time.
    expect(['male', 'female'].map((context) => en.t('friend', { context }))).toEqual(['Ein Freund ·en', 'Eine Freundin ·en']);

    const fr = await i18nextFor('fr');
    expect([0, 1, 2, 5, 1_000_000].map((count) => fr.t('card.comments', { ns: 'article', count }))).toEqual([
      '0 Kommentar ·fr·one', '1 Kommentar ·fr·one', '2 Kommentare ·fr·other', '5 Kommentare ·fr·other', '1000000 Kommentare ·fr·many',
    ]);
    expect(fr.t('errors.network')).toBe('Keine Verbindung. Schreiben Sie uns: <1>Kontakt</1> ·fr ·fr');

    const es = await i18nextFor('es');
    expect([0, 1, 2, 5].map((count) => es.t('card.comments', { ns: 'article', count }))).toEqual(['0 Kommentare ·es·other', '1 Kommentar ·es·one', '2 Kommentare ·es·other', '5 Kommentare ·es·other']);
    expect(es.t('byline', { ns: 'article', author: 'Ana', date: 'lunes' })).toBe('Von <strong>Ana</strong> am <3>lunes</3> ·es');
    // A key without a German text has no translation either: i18next shows the key, as before.
    expect(es.t('ranking.empty')).toBe('ranking.empty');

    // Only translated keys, in the German order and layout.
    expect(Object.keys(JSON.parse(project.read('output/fr/locales/article.json')) as object)).toEqual(['card', 'byline', 'Jetzt <1>live</1> verfolgen']);
    expect(JSON.parse(project.read('output/en/report.json'))).toMatchObject({ summary: { errors: 0 } });
  });

  it('a forbidden rendering of a glossary term in a string is an error of the build', async () => {
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll((language, unit) => (language === 'en' && unit.resname === 'topics.kremlin' ? 'News from the Kreml' : translation(language, unit)));
    const checked = await project.run(['check', '--lang', 'en']);
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toMatch(/translations\/en\/locales\/de\/common\.xlf:\d+ unit k[0-9a-f]{12}[\s\S]*\[qa\/forbidden-term\]/u);
  });

  it('the strings checks find broken codes, missing plural forms and texts over their limit, from the metadata file or the config', async () => {
    project.write('l10n.config.yaml', `${CONFIG}  maxLength: {"article:card.readMore": 12}\n`);
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll((language, unit) => {
      if (language !== 'fr') return translation(language, unit);
      if (unit.resname === 'card.comments_many') return undefined;
      if (unit.resname === 'card.published') return 'Publié le';
      if (unit.resname === 'share') return 'Partager cet article';
      if (unit.resname === 'card.readMore') return 'Lire la suite de l’article';
      return translation(language, unit);
    });
    const checked = await project.run(['check', '--lang', 'fr', '--format', 'json']);
    expect(checked.code).toBe(1);
    const reports = JSON.parse(checked.stdout) as { messages: { ruleId: string; reason: string }[] }[];
    const found = reports.flatMap((r) => r.messages).filter((m) => m.ruleId.startsWith('strings/')).map((m) => `${m.ruleId}: ${m.reason}`);
    expect(found).toEqual([
      'strings/inline-codes: fr "card.published": {{date}} of the source is missing from the translation',
      'strings/max-length: fr "card.readMore": the translation has 26 characters, more than the limit of 12',
      'strings/plural-missing: fr "card.comments": the plural form "many" (1000000…) has no translation, while other forms do',
      'strings/max-length: fr "share": the translation has 20 characters, more than the limit of 12',
    ]);
  });

  it('status counts the strings of each language and names the untranslated keys', async () => {
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll((language, unit) => (unit.resname === 'card.readMore' || unit.resname === 'card.comments_many' ? undefined : translation(language, unit)));
    const shown = await project.run(['status', '--lang', 'fr']);
    expect(shown.stdout).toContain('fr  locales/de/article  5/7 strings  initial 2');
    expect(shown.stdout).toContain('    untranslated: card.readMore, card.comments_many\n');
    const json = JSON.parse((await project.run(['status', '--json'])).stdout) as { rows: { language: string; document: string; totalSegments: number; untranslatedKeys?: string[] }[] };
    const rows = json.rows.filter((r) => r.document === 'locales/de/article');
    expect(rows.map((r) => [r.language, r.totalSegments, r.untranslatedKeys])).toEqual([
      ['en', 6, ['card.readMore']],
      ['fr', 7, ['card.readMore', 'card.comments_many']],
      ['es', 7, ['card.readMore', 'card.comments_many']],
    ]);
  });

  it('a key the code stops using comes back with its translation when it returns', async () => {
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll();
    const card = project.read('src/components/ArticleCard.jsx');
    project.write('src/components/ArticleCard.jsx', card.replace("<a href={article.url}>{t('card.readMore', 'Weiterlesen')}</a>", ''));
    expect((await project.run(['extract'])).code).toBe(0);
    expect(unitsOf(project.read(xliffOf('fr', 'article'))).map((u) => u.resname)).not.toContain('card.readMore');
    expect(JSON.parse(project.read('source/locales/de/article.aside.json'))).toEqual({ card: { readMore: 'Weiterlesen' } });
    expect(project.read('translations/fr/locales/de/article.aside.xlf')).toContain('Weiterlesen ·fr');

    project.write('src/components/ArticleCard.jsx', card);
    expect((await project.run(['extract'])).code).toBe(0);
    const back = unitsOf(project.read(xliffOf('fr', 'article'))).find((u) => u.resname === 'card.readMore');
    expect(back).toMatchObject({ target: 'Weiterlesen ·fr', state: 'translated' });
    expect((await project.run(['build'])).code).toBe(0);
    expect((await i18nextFor('fr')).t('card.readMore', { ns: 'article' })).toBe('Weiterlesen ·fr');
  });

  it('a reworded German string keeps its translation, marked for review, with the old version as a candidate', async () => {
    expect((await project.run(['extract'])).code).toBe(0);
    translateAll();
    project.write('source/locales/de/article.json', project.read('source/locales/de/article.json').replace('"readMore": "Weiterlesen"', '"readMore": "Mehr lesen"'));
    expect((await project.run(['extract'])).code).toBe(0);
    const xliff = project.read(xliffOf('en', 'article'));
    expect(unitsOf(xliff).find((u) => u.resname === 'card.readMore')).toMatchObject({ source: 'Mehr lesen', target: 'Weiterlesen ·en', state: 'needs-review-translation' });
    expect(xliff).toMatch(/<alt-trans [^>]*alttranstype="previous-version">\s*<source xml:space="preserve">Weiterlesen<\/source>/u);
    // Marked for review, it is not published: the build says so, and i18next falls back to German.
    const built = await project.run(['build', '--lang', 'en']);
    expect(built.stderr).toContain('its translation is marked for review');
  });
});
