import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../pipeline/strings/catalog.js';
import { checkTranslations, visibleLength } from '../../pipeline/strings/checks.js';
import { parseCodes } from '../../pipeline/strings/codes.js';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';
import { unitsForLanguage } from '../../pipeline/strings/units.js';

const options = resolveStringsOptions({ namespaces: ['common'], defaultNamespace: 'common', maxLength: { 'common:share': 10 } });
const catalog = readCatalog(
  '{\n  "share": "Teilen",\n  "byline": "Von <1>{{author}}</1>",\n  "comments_one": "{{count}} Kommentar",\n  "comments_other": "{{count}} Kommentare"\n}\n',
  { file: 'source/locales/de/common.json', language: 'de', namespace: 'common' },
  { keySeparator: '.', defaultStyle: 'nested' },
).catalog;
const check = (language: string, translations: Record<string, string>) => checkTranslations(unitsForLanguage(catalog, language, options), new Map(Object.entries(translations)), language, options);

describe('checkTranslations', () => {
  it('finds nothing in a complete, well-formed translation', () => {
    expect(check('fr', { share: 'Partager', byline: 'Par <1>{{author}}</1>', comments_one: '{{count}} commentaire', comments_many: '{{count}} de commentaires', comments_other: '{{count}} commentaires' })).toEqual([]);
  });

  it('reports a broken code at the German value, with the unit id', () => {
    const messages = check('en', { byline: 'By <1>{{autor}}' });
    expect(messages.map((m) => [m.ruleId, m.severity, m.actual])).toEqual([
      ['strings/inline-codes', 'error', '{{author}}'],
      ['strings/inline-codes', 'error', '</1>'],
      ['strings/inline-codes', 'error', '{{autor}}'],
    ]);
    expect(messages[0]).toMatchObject({ file: 'source/locales/de/common.json', line: 3, column: 13, unit: expect.stringMatching(/^k/u) as string });
    expect(messages[0]?.reason).toBe('en "byline": {{author}} of the source is missing from the translation');
  });

  it('reports each plural form missing from a group translated in part, and not an untranslated group', () => {
    const messages = check('fr', { comments_one: '{{count}} commentaire', comments_other: '{{count}} commentaires' });
    expect(messages.map((m) => [m.ruleId, m.expected])).toEqual([['strings/plural-missing', 'comments_many']]);
    expect(messages[0]?.reason).toContain('"many" (1000000…)');
    expect(check('fr', {})).toEqual([]);
  });

  it('reports a translation longer than its limit, counting characters as readers see them and not codes', () => {
    expect(check('en', { share: 'Share it now!' }).map((m) => [m.ruleId, m.actual, m.expected])).toEqual([['strings/max-length', '13', 'at most 10']]);
    expect(check('en', { share: 'Teilen 👍🏽' })).toEqual([]);
    expect(visibleLength(parseCodes('<1>{{name}}</1> é', options))).toBe(2);
  });
});
