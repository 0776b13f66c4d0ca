import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../pipeline/strings/catalog.js';
import { readCatalogMeta } from '../../pipeline/strings/meta.js';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';
import { pluralGroupId, stringUnitId } from '../../pipeline/ids.js';
import { carryTarget, flatUnits, isPluralGroup, unitsForLanguage, type PluralGroup } from '../../pipeline/strings/units.js';

const options = resolveStringsOptions({ namespaces: ['common'], defaultNamespace: 'common', maxLength: { 'common:nav.*': 15 } });
const catalogOf = (text: string, namespace = 'common') =>
  readCatalog(text, { file: `source/locales/de/${namespace}.json`, language: 'de', namespace }, { keySeparator: '.', defaultStyle: 'nested' }).catalog;

const CATALOG = `{
  "nav": {"home": "Startseite"},
  "comments_one": "{{count}} Kommentar",
  "comments_other": "{{count}} Kommentare",
  "friend_male": "Ein Freund",
  "place_ordinal_other": "{{count}}. Platz",
  "list": ["kept", "not translated"]
}`;

describe('unitsForLanguage', () => {
  it('makes one unit per key and one group per plural key, in catalog order', () => {
    const items = unitsForLanguage(catalogOf(CATALOG), 'fr', options);
    expect(items.map((i) => (isPluralGroup(i) ? `group ${i.name} (${i.type}): ${i.units.map((u) => u.name).join(' ')}` : i.name))).toEqual([
      'nav.home',
      'group comments (cardinal): comments_one comments_many comments_other',
      'friend_male',
      'group place (ordinal): place_ordinal_one place_ordinal_other',
    ]);
  });

  it('gives each French form the German one or other text, and explains the form', () => {
    const group = unitsForLanguage(catalogOf(CATALOG), 'fr', options)[1] as PluralGroup;
    expect(group.units.map((u) => [u.name, u.sourceKey, u.plural?.sourceCategory, u.sourceValue])).toEqual([
      ['comments_one', 'comments_one', 'one', '{{count}} Kommentar'],
      ['comments_many', 'comments_other', 'other', '{{count}} Kommentare'],
      ['comments_other', 'comments_other', 'other', '{{count}} Kommentare'],
    ]);
    expect(group.units[1]?.notes).toContain('plural form "many" of "comments", used for 1000000…; source: the German "other" form');
    expect(group.units[1]?.source.codes.map((c) => c.data)).toEqual(['{{count}}']);
  });

  it('gives English ordinals four forms from the single German ordinal form', () => {
    const group = unitsForLanguage(catalogOf(CATALOG), 'en', options)[3] as PluralGroup;
    expect(group.units.map((u) => `${u.name}<-${u.sourceKey}`)).toEqual([
      'place_ordinal_one<-place_ordinal_other',
      'place_ordinal_two<-place_ordinal_other',
      'place_ordinal_few<-place_ordinal_other',
      'place_ordinal_other<-place_ordinal_other',
    ]);
  });

  it('keeps a context variant a unit of its own, with a note naming its base key', () => {
    const friend = flatUnits(unitsForLanguage(catalogOf(CATALOG), 'es', options)).find((u) => u.name === 'friend_male');
    expect(friend?.variant).toEqual({ base: 'friend', context: 'male' });
    expect(friend?.notes).toContain('variant of "friend" for the context "male"');
  });

  it('names every unit by its key, with the key path and the German place', () => {
    const home = flatUnits(unitsForLanguage(catalogOf(CATALOG), 'en', options))[0];
    expect(home).toMatchObject({ name: 'nav.home', namespace: 'common', path: ['nav', 'home'], file: 'source/locales/de/common.json', line: 2, column: 19 });
  });

  it('derives ids from namespace and key, so a reworded text keeps its id', () => {
    const before = flatUnits(unitsForLanguage(catalogOf(CATALOG), 'en', options));
    const after = flatUnits(unitsForLanguage(catalogOf(CATALOG.replace('Startseite', 'Zur Startseite')), 'en', options));
    expect(after.map((u) => u.id)).toEqual(before.map((u) => u.id));
    expect(before[0]?.id).toBe(stringUnitId('common', 'nav.home'));
    expect(stringUnitId('article', 'nav.home')).not.toBe(stringUnitId('common', 'nav.home'));
    expect(stringUnitId('common', 'a b')).not.toBe(stringUnitId('common', 'a  b'));
    expect(before[0]?.id).toMatch(/^k[0-9a-f]{12}$/u);
    const groups = unitsForLanguage(catalogOf(CATALOG), 'en', options).filter(isPluralGroup);
    expect(groups.map((g) => g.id)).toEqual([pluralGroupId('common', 'comments', 'cardinal'), pluralGroupId('common', 'place', 'ordinal')]);
  });

  it('takes notes from the code and the metadata file, and the length limit from metadata before options', () => {
    const { meta } = readCatalogMeta('{"comments": {"maxLength": 30, "note": "Under each article"}}', 'source/locales/de/common.meta.json');
    const units = flatUnits(unitsForLanguage(catalogOf(CATALOG), 'en', options, { meta, comments: new Map([['comments', ['Counter in the teaser']]]) }));
    const one = units.find((u) => u.name === 'comments_one');
    expect(one?.notes.slice(0, 2)).toEqual(['Counter in the teaser', 'Under each article']);
    expect(one?.maxLength).toBe(30);
    expect(one?.notes).toContain('at most 30 characters');
    expect(units.find((u) => u.name === 'nav.home')?.maxLength).toBe(15);
    expect(units.find((u) => u.name === 'friend_male')?.maxLength).toBeUndefined();
  });
});

describe('carryTarget', () => {
  it('keeps a translation as it is while the German text is unchanged, and marks it for review after a rewording', () => {
    expect(carryTarget({ sourceValue: 'Startseite' }, { source: 'Startseite', target: 'Home' })).toEqual({ target: 'Home', needsReview: false });
    expect(carryTarget({ sourceValue: 'Zur Startseite' }, { source: 'Startseite', target: 'Home' })).toEqual({ target: 'Home', needsReview: true });
    expect(carryTarget({ sourceValue: 'x' }, undefined)).toEqual({ target: undefined, needsReview: false });
  });
});
