/**
 * Plural forms per language, from the CLDR rules built into Node (`Intl.PluralRules`), the same
 * rules i18next uses at run time to pick `key_one`, `key_many`, `key_other`…
 *
 * German has two cardinal forms (one, other) and one ordinal form (other); French and Spanish
 * have three cardinal forms in current CLDR (one, many, other: "1 million de commentaires"),
 * English has four ordinal forms (1st, 2nd, 3rd, 4th). A German plural key therefore becomes,
 * for each target language, the forms that language needs, each taking its source text from
 * the German form that fits.
 */

/** CLDR plural categories, in CLDR's order (the order forms are shown and written). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export const PLURAL_CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Cardinal ("3 comments") or ordinal ("3rd place", i18next's `ordinal: true`). */
export type PluralType = 'cardinal' | 'ordinal';

const cache = new Map<string, readonly PluralCategory[]>();

/** The categories a language distinguishes, in CLDR order. An unknown tag falls back as Intl does. */
export function pluralCategories(language: string, type: PluralType = 'cardinal'): readonly PluralCategory[] {
  const cacheKey = `${language}\u0000${type}`;
  let categories = cache.get(cacheKey);
  if (categories === undefined) {
    const found = rulesFor(language, type).resolvedOptions().pluralCategories as readonly string[];
    categories = Object.freeze(PLURAL_CATEGORIES.filter((c) => found.includes(c)));
    cache.set(cacheKey, categories);
  }
  return categories;
}

const rulesCache = new Map<string, Intl.PluralRules>();

function rulesFor(language: string, type: PluralType): Intl.PluralRules {
  const cacheKey = `${language}\u0000${type}`;
  let rules = rulesCache.get(cacheKey);
  if (rules === undefined) {
    rules = new Intl.PluralRules(language, { type });
    rulesCache.set(cacheKey, rules);
  }
  return rules;
}

/** The category of a number in a language, as i18next picks it. */
export function pluralCategoryOf(language: string, count: number, type: PluralType = 'cardinal'): PluralCategory {
  return rulesFor(language, type).select(count) as PluralCategory;
}

/**
 * The forms a target language needs for a plural key whose source has `sourceForms`: the
 * language's own categories, plus `zero` when the source has one (i18next uses `key_zero` for a
 * count of 0 in every language, as an optional special text).
 */
export function targetPluralForms(language: string, type: PluralType, sourceForms: ReadonlySet<PluralCategory>): readonly PluralCategory[] {
  const own = pluralCategories(language, type);
  if (type === 'cardinal' && sourceForms.has('zero') && !own.includes('zero')) return ['zero', ...own];
  return own;
}

/**
 * The source form whose text a target form starts from: the same category when the source has
 * it (one → German `_one`, zero → German `_zero`), otherwise `other` (German has no two, few or
 * many: "2 Kommentare" is the right model for a Polish "2 komentarze" and "5 komentarzy").
 */
export function sourceFormFor(target: PluralCategory, sourceForms: ReadonlySet<PluralCategory>): PluralCategory {
  return sourceForms.has(target) ? target : 'other';
}

const EXAMPLE_CANDIDATES = [...Array.from({ length: 201 }, (_, i) => i), 1000, 1_000_000];

/**
 * Whole numbers that take a category in a language (at most `limit`, from 0 to 200, then 1000
 * and 1,000,000), to show translators which counts a form is for: French "many" → 1000000.
 */
export function pluralExamples(language: string, category: PluralCategory, type: PluralType = 'cardinal', limit = 4): readonly number[] {
  const cacheKey = `${language}\u0000${type}\u0000${category}\u0000${limit}`;
  let found = examplesCache.get(cacheKey);
  if (found === undefined) {
    const rules = rulesFor(language, type);
    const list: number[] = [];
    for (const n of EXAMPLE_CANDIDATES) {
      if (rules.select(n) === category) list.push(n);
      if (list.length === limit) break;
    }
    found = Object.freeze(list);
    examplesCache.set(cacheKey, found);
  }
  return found;
}

const examplesCache = new Map<string, readonly number[]>();
