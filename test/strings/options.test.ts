import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { asidePath, catalogPath, isKept, metaPath, resolveStringsOptions, STRINGS_DEFAULTS, type StringsOptionsInput } from '../../pipeline/strings/options.js';

const refusal = (input: unknown): InputError['detail'] => {
  try {
    resolveStringsOptions(input as StringsOptionsInput);
  } catch (error) {
    if (error instanceof InputError) return error.detail;
    throw error;
  }
  throw new Error('expected the options to be refused');
};

describe('resolveStringsOptions', () => {
  it('fills every field from the defaults', () => {
    expect(resolveStringsOptions()).toEqual(STRINGS_DEFAULTS);
    expect(resolveStringsOptions().defaultNamespace).toBe('translation');
  });

  it('takes the first namespace as default when "translation" is not one of them, and flat catalogs without a key separator', () => {
    const options = resolveStringsOptions({ namespaces: ['common', 'article'], keySeparator: false });
    expect(options.defaultNamespace).toBe('common');
    expect(options.newCatalogStyle).toBe('flat');
  });

  it('merges a partial interpolation syntax with the defaults', () => {
    expect(resolveStringsOptions({ interpolation: { prefix: '%{', suffix: '}' } }).interpolation).toEqual({ prefix: '%{', suffix: '}', unescapePrefix: '-', formatSeparator: ',' });
  });

  it.each([
    [{ namespaces: [] }, 'namespaces', 'a list of at least 1 string'],
    [{ namespaces: ['common', 'common'] }, 'namespaces', 'each namespace once'],
    [{ namespaces: ['common.aside'] }, 'namespaces[0]', 'not ending in ".aside" or ".meta"'],
    [{ namespaces: ['common'], defaultNamespace: 'article' }, 'defaultNamespace', 'one of the namespaces (common)'],
    [{ keySeparator: '' }, 'keySeparator', 'a non-empty string or false'],
    [{ pluralSeparator: false }, 'pluralSeparator', 'a non-empty string'],
    [{ input: ['../src/**/*.js'] }, 'input[0]', 'without ".."'],
    [{ input: ['src/**/*.{js,ts'] }, 'input[0]', '"{" and "}" match'],
    [{ catalogs: 'locales/de.json' }, 'catalogs', 'containing {lng} and {ns}'],
    [{ newCatalogIndent: 12 }, 'newCatalogIndent', 'an integer from 0 to 8'],
    [{ maxLength: { 'common:share': 0 } }, 'maxLength["common:share"]', 'an integer of at least 1'],
    [{ sourceLanguage: 'German' }, 'sourceLanguage', 'a BCP 47 language tag'],
    [{ keep: ['errors.*'] }, 'keep[0]', '"namespace:key"'],
  ])('refuses %j, naming the field and what it expected', (input, field, expected) => {
    const detail = refusal(input);
    expect(detail.ruleId).toBe('strings/option');
    expect(detail.reason).toContain(`strings option ${field}: expected`);
    expect(detail.expected).toContain(expected);
  });

  it('suggests the field meant by a mistyped one', () => {
    const detail = refusal({ namespace: ['common'] });
    expect(detail.reason).toContain('strings option namespace: expected one of the fields');
    expect(detail.hint).toBe('did you mean "namespaces"?');
  });
});

describe('paths and kept keys', () => {
  it('fills in the catalog template and names the aside and metadata files beside it', () => {
    const file = catalogPath(STRINGS_DEFAULTS.catalogs, 'de', 'common');
    expect(file).toBe('source/locales/de/common.json');
    expect(asidePath(file)).toBe('source/locales/de/common.aside.json');
    expect(metaPath(file)).toBe('source/locales/de/common.meta.json');
    expect(catalogPath(STRINGS_DEFAULTS.output, 'fr', 'common')).toBe('output/fr/locales/common.json');
  });

  it('keeps keys named exactly or by prefix', () => {
    expect(isKept('common', 'errors.timeout', ['common:errors.*'], ':')).toBe(true);
    expect(isKept('article', 'errors.timeout', ['common:errors.*'], ':')).toBe(false);
    expect(isKept('common', 'share', ['common:share'], ':')).toBe(true);
    expect(isKept('common', 'shares', ['common:share'], ':')).toBe(false);
  });
});
