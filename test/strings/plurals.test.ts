import { describe, expect, it } from 'vitest';
import { pluralCategories, pluralCategoryOf, pluralExamples, sourceFormFor, targetPluralForms } from '../../pipeline/strings/plurals.js';

describe('pluralCategories', () => {
  it('has one and other for German, and other only for German ordinals', () => {
    expect(pluralCategories('de')).toEqual(['one', 'other']);
    expect(pluralCategories('de', 'ordinal')).toEqual(['other']);
  });

  it('has one, many and other for French and Spanish on this Node (current CLDR), in CLDR order', () => {
    expect(pluralCategories('fr')).toEqual(['one', 'many', 'other']);
    expect(pluralCategories('es')).toEqual(['one', 'many', 'other']);
    expect(pluralCategoryOf('fr', 1_000_000)).toBe('many');
    expect(pluralCategoryOf('fr', 0)).toBe('one');
    expect(pluralCategoryOf('es', 0)).toBe('other');
  });

  it('has four ordinal forms for English and six cardinal forms for Arabic', () => {
    expect(pluralCategories('en', 'ordinal')).toEqual(['one', 'two', 'few', 'other']);
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('gives translators counts that take a form', () => {
    expect(pluralExamples('fr', 'many')).toEqual([1_000_000]);
    expect(pluralExamples('fr', 'one')).toEqual([0, 1]);
    expect(pluralExamples('en', 'two', 'ordinal')).toEqual([2, 22, 32, 42]);
  });
});

describe('target forms and their source', () => {
  it('gives each target language its own forms, plus zero when the German key has one', () => {
    expect(targetPluralForms('fr', 'cardinal', new Set(['one', 'other']))).toEqual(['one', 'many', 'other']);
    expect(targetPluralForms('en', 'cardinal', new Set(['zero', 'one', 'other']))).toEqual(['zero', 'one', 'other']);
    expect(targetPluralForms('en', 'ordinal', new Set(['other']))).toEqual(['one', 'two', 'few', 'other']);
  });

  it('takes the German one for one, zero for zero, and other for every other form', () => {
    const german = new Set(['one', 'other'] as const);
    expect(['one', 'many', 'other', 'two', 'few', 'zero'].map((c) => sourceFormFor(c as never, german))).toEqual(['one', 'other', 'other', 'other', 'other', 'other']);
    expect(sourceFormFor('zero', new Set(['zero', 'one', 'other']))).toBe('zero');
  });
});
