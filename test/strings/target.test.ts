import { readFileSync } from 'node:fs';
import i18next, { type Resource, type ResourceKey } from 'i18next';
import { describe, expect, it } from 'vitest';
import { readCatalog, type Catalog } from '../../pipeline/strings/catalog.js';
import { fromRuns, renderCodedText, toRuns } from '../../pipeline/strings/codes.js';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';
import { pluralCategoryOf } from '../../pipeline/strings/plurals.js';
import { buildTargetCatalog } from '../../pipeline/strings/target.js';
import { flatUnits, unitsForLanguage, type StringUnit } from '../../pipeline/strings/units.js';

const options = resolveStringsOptions({ namespaces: ['common', 'article'], defaultNamespace: 'common' });
const SITE = 'test/fixtures/strings/site/source/locales/de';
const catalogOf = (namespace: string, text = readFileSync(`${SITE}/${namespace}.json`, 'utf8')): Catalog =>
  readCatalog(text, { file: `${SITE}/${namespace}.json`, language: 'de', namespace }, { keySeparator: '.', defaultStyle: 'nested' }).catalog;

/** A pseudo-translation: the language and key in front, the text in capitals, every code kept where it was. */
function pseudo(unit: StringUnit, language: string): string {
  const runs = toRuns(unit.source).map((run) => (typeof run === 'string' ? run.toUpperCase() : run));
  return `[${language} ${unit.name}] ${renderCodedText(fromRuns(runs))}`;
}

const fill = (value: string, variables: Record<string, string | number>): string => value.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => String(variables[name]));

describe('buildTargetCatalog', () => {
  const GERMAN = '{\n  "card": {\n    "title": "Titel",\n    "comments_one": "{{count}} Kommentar",\n    "comments_other": "{{count}} Kommentare",\n    "share": "Teilen"\n  },\n  "flat.key": "Flach"\n}\n';

  it('writes only translated keys, in the German order and layout, each plural form where the German forms are', () => {
    const translations = new Map([['card.share', 'Partager'], ['card.comments_other', '{{count}} commentaires'], ['card.comments_one', '{{count}} commentaire'], ['card.comments_many', '{{count}} de commentaires'], ['flat.key', 'Plat']]);
    const target = buildTargetCatalog(catalogOf('common', GERMAN), 'fr', translations, options);
    expect(target.text).toBe('{\n  "card": {\n    "comments_one": "{{count}} commentaire",\n    "comments_many": "{{count}} de commentaires",\n    "comments_other": "{{count}} commentaires",\n    "share": "Partager"\n  },\n  "flat.key": "Plat"\n}\n');
    expect(target.unknownKeys).toEqual([]);
  });

  it('writes no catalog when nothing is translated, and names translations the German catalog does not have', () => {
    expect(buildTargetCatalog(catalogOf('common', GERMAN), 'en', new Map(), options).text).toBeUndefined();
    const target = buildTargetCatalog(catalogOf('common', GERMAN), 'en', new Map([['card.comments_many', 'x'], ['gone', 'y'], ['card.title', 'Title']]), options);
    expect(target.unknownKeys).toEqual(['card.comments_many', 'gone']);
    expect(target.keys).toEqual(['card.title']);
  });

  it('writes plural forms of a flat catalog as flat keys', () => {
    const target = buildTargetCatalog(catalogOf('common', '{"a.items_one": "1 Ding", "a.items_other": "{{count}} Dinge"}'), 'es', new Map([['a.items_many', 'muchas']]), options);
    expect(target.text).toBe('{"a.items_many":"muchas"}');
  });
});

describe('a pseudo-translation of every unit, loaded by i18next', () => {
  const namespaces = ['common', 'article'] as const;
  const german = Object.fromEntries(namespaces.map((ns) => [ns, catalogOf(ns)]));

  async function load(language: string, leaveOut: readonly string[] = []) {
    const resources: Record<string, Record<string, ResourceKey>> = { de: {}, [language]: {} };
    const expected = new Map<string, string>();
    for (const ns of namespaces) {
      const catalog = german[ns] as Catalog;
      resources['de']![ns] = JSON.parse(readFileSync(`${SITE}/${ns}.json`, 'utf8')) as ResourceKey;
      const translations = new Map<string, string>();
      for (const unit of flatUnits(unitsForLanguage(catalog, language, options))) {
        if (leaveOut.includes(`${ns}:${unit.name}`)) continue;
        translations.set(unit.name, pseudo(unit, language));
        expected.set(`${ns}:${unit.name}`, pseudo(unit, language));
      }
      const text = buildTargetCatalog(catalog, language, translations, options).text as string;
      resources[language]![ns] = JSON.parse(text) as ResourceKey;
    }
    const i18n = i18next.createInstance();
    await i18n.init({ lng: language, fallbackLng: 'de', ns: [...namespaces], defaultNS: 'common', resources: resources as Resource, interpolation: { escapeValue: false } });
    return { t: i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string, expected };
  }

  for (const language of ['en', 'fr', 'es']) {
    it(`renders ${language} plural forms for counts 0, 1, 2, 5 and 1,000,000`, async () => {
      const { t, expected } = await load(language);
      for (const count of [0, 1, 2, 5, 1_000_000]) {
        const form = `article:card.comments_${pluralCategoryOf(language, count)}`;
        expect(t('article:card.comments', { count })).toBe(fill(expected.get(form) as string, { count }));
      }
    });

    it(`renders ${language} interpolation, nesting, context variants, ordinals and Trans tags`, async () => {
      const { t, expected } = await load(language);
      const get = (key: string): string => expected.get(key) as string;
      expect(t('article:card.published', { date: '3. Mai' })).toBe(fill(get('article:card.published'), { date: '3. Mai' }));
      expect(t('errors.network')).toBe(get('common:errors.network').replace('$t(errors.support)', get('common:errors.support')));
      expect(t('friend', { context: 'male' })).toBe(get('common:friend_male'));
      expect(t('friendCount', { context: 'female', count: 2 })).toBe(fill(get(`common:friendCount_female_${pluralCategoryOf(language, 2)}`), { count: 2 }));
      expect(t('ranking.place', { count: 2, ordinal: true })).toBe(fill(get(`common:ranking.place_ordinal_${pluralCategoryOf(language, 2, 'ordinal')}`), { count: 2 }));
      const byline = t('article:byline', { author: 'Anna', date: 'Montag' });
      expect(byline).toBe(fill(get('article:byline'), { author: 'Anna', date: 'Montag' }));
      expect(byline).toContain('<strong>Anna</strong>');
      expect(byline).toContain('<3>Montag</3>');
    });
  }

  it('falls back to the German text for a key left untranslated', async () => {
    const { t } = await load('fr', ['common:share']);
    expect(t('share')).toBe('Teilen');
    expect(t('footer.imprint')).toBe('[fr footer.imprint] IMPRESSUM');
  });

  it('gives French the many form that English does not have', async () => {
    const fr = buildTargetCatalog(german['article'] as Catalog, 'fr', new Map([['card.comments_many', 'x']]), options);
    const en = buildTargetCatalog(german['article'] as Catalog, 'en', new Map([['card.comments_many', 'x']]), options);
    expect(fr.keys).toEqual(['card.comments_many']);
    expect(en.keys).toEqual([]);
  });
});
