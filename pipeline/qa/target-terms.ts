/**
 * A target-side term matcher: does a translation use an approved target term, in any inflected
 * form of the target language?
 *
 * The glossary gives base forms ("head of state", "nord-coréen", "norcoreano"); a translation
 * uses them inflected ("heads of state", "nord-coréennes", "norcoreanas") and after an elided
 * article ("l’agence de presse"). Generating every form would need a morphology engine; instead,
 * every word of a term is compiled into a pattern that allows the endings the language adds to
 * nouns and adjectives, as its language file lists them (`inflection` in
 * `pipeline/languages/<code>.yaml`):
 *
 * - English: plural -s/-es, y → -ies, and the possessive 's / s’ on the last word.
 * - French: plural -s/-x, feminine -e/-es, with the doubled consonant of -en/-on/-el/-et
 *   (coréen → coréenne), -eux → -euse(s), -if → -ive(s); al → aux.
 * - Spanish: plural -s/-es, z → -ces, gender and number of -o (norcoreano → norcoreanas), and
 *   -ón/-án/-és that lose the accent in the plural (nación → naciones).
 * - A language without a file: the words as written.
 *
 * Letter case: only the first letter of each word may differ (headline and sentence case:
 * "President Donald Trump", "Foreign Minister"); an all-capital abbreviation keeps its case, so
 * "US" never matches the pronoun "us" (nor "Us").
 * Accents count ("Pekín" is not "Pekin"), except that a capital may drop its accent where the
 * language file says so (French "Etats-Unis" for "États-Unis", a long-standing press habit).
 * Word boundaries: a term must not start or end inside a word; a hyphen or an apostrophe counts
 * as a boundary, so "russo-nord-coréenne" and "d’Ouchakov" contain their terms.
 * Apostrophes (' ’ ʼ) and white space (including no-break spaces) are interchangeable.
 *
 * The matcher over-accepts on purpose (it does not check agreement): the check is about the
 * right term, grammar is the reviewer's business.
 */
import { languageProfile, type InflectionRule, type LanguageProfile } from '../languages/index.js';
import { APOSTROPHES, escapeRegExp } from './text.js';

/** A profile, or a bundled one by language code. */
function profileOf(language: string | LanguageProfile): LanguageProfile {
  return typeof language === 'string' ? languageProfile(language) : language;
}

/** An ending as a pattern: its letters as written, any apostrophe for any apostrophe. */
function endingPattern(ending: string): string {
  return [...ending].map((ch) => (APOSTROPHES.includes(ch) ? `[${APOSTROPHES}]` : escapeRegExp(ch))).join('');
}

/** Endings a word may take, as the language's rules give them (the word as written always). */
function wordPattern(word: string, profile: LanguageProfile, last: boolean): string {
  const alternatives: string[] = [];
  const apply = (rules: readonly InflectionRule[]): void => {
    for (const rule of rules) {
      if (rule.when !== undefined && !rule.when.test(word)) continue;
      const stem = rule.drop === 0 ? word : word.slice(0, -rule.drop);
      const endings = rule.endings.map((e) => endingPattern(e.replace(/\{last\}/gu, word.slice(-1))));
      alternatives.push(`${letters(stem, profile)}(?:${endings.join('|')})`);
    }
  };
  apply(profile.inflection.words);
  if (last) apply(profile.inflection.lastWord);
  if (alternatives.length === 0) alternatives.push(`${letters(word, profile)}(?:)`);
  return `(?:${alternatives.join('|')})`;
}

/** A word's letters as a pattern: the first letter in either case, capitals with or without accent where the language allows it. */
function letters(stem: string, profile: LanguageProfile): string {
  // An all-capital abbreviation ("US", "UE") keeps its case: "us" and "ue" are other words.
  if (isCapitalAbbreviation(stem)) return [...stem].map(escapeRegExp).join('');
  return [...stem]
    .map((ch, i) => {
      if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
      const options = new Set<string>([ch]);
      if (i === 0) {
        options.add(ch.toUpperCase());
        options.add(ch.toLowerCase());
      }
      if (profile.inflection.capitalDropsAccent) {
        // A capital may lose its accent: É → E, also when the glossary has é at the start.
        for (const o of [...options]) if (o === o.toUpperCase()) options.add(o.normalize('NFD')[0] ?? o);
      }
      const list = [...options].map(escapeRegExp);
      return list.length === 1 ? list[0] : `(?:${list.join('|')})`;
    })
    .join('');
}

/**
 * Compiles a target term into a RegExp that finds it, inflected, in a translation.
 * Words are separated by white space, hyphens or apostrophes in the glossary; the same separators
 * are kept (white space matches any run of white space).
 */
export function compileTargetTerm(term: string, language: string | LanguageProfile): RegExp {
  const profile = profileOf(language);
  const parts = term.trim().split(/(\s+|-|[’'ʼ])/u).filter((p) => p !== '');
  const wordIndexes = parts.map((p, i) => (/^[\p{L}\p{N}]/u.test(p) ? i : -1)).filter((i) => i >= 0);
  const lastWord = wordIndexes[wordIndexes.length - 1];
  const body = parts
    .map((part, i) => {
      if (/^\s+$/u.test(part)) return '\\s+';
      if (part === '-') return '-';
      if (APOSTROPHES.includes(part)) return `[${APOSTROPHES}]`;
      return wordPattern(part, profile, i === lastWord);
    })
    .join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * Compiled patterns, each made once and shared by every sentence of a run (none has the `g` or
 * `y` flag, so `test` keeps no state between texts): inflected ones per language profile and term,
 * exact ones per term and options. A glossary has a bounded number of terms; the cap only guards a
 * process that sees many glossaries.
 */
const inflectedPatterns = new WeakMap<LanguageProfile, Map<string, RegExp>>();
const exactPatterns = new Map<string, RegExp>();
const PATTERNS_MAX = 50_000;

function cached(patterns: Map<string, RegExp>, key: string, compile: () => RegExp): RegExp {
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    if (patterns.size >= PATTERNS_MAX) patterns.clear();
    pattern = compile();
    patterns.set(key, pattern);
  }
  return pattern;
}

/** True when `text` contains `term` in some inflected form of `language` (a code or a profile). */
export function containsTerm(text: string, term: string, language: string | LanguageProfile): boolean {
  const profile = profileOf(language);
  let patterns = inflectedPatterns.get(profile);
  if (patterns === undefined) {
    patterns = new Map();
    inflectedPatterns.set(profile, patterns);
  }
  return cached(patterns, term, () => compileTargetTerm(term, profile)).test(text);
}

/**
 * True for a form written in capitals with at least two capital letters ("USA", "EE.UU.", "UE",
 * "G7"): an abbreviation, which in any other case is another word (Spanish "usa" = "uses").
 */
export function isCapitalAbbreviation(form: string): boolean {
  return /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}.&-]+$/u.test(form);
}

/**
 * True when `text` contains `term` exactly as written (case and accents count), on word
 * boundaries: for do-not-translate terms and forbidden renderings. `ignoreCase` folds case only,
 * and never for an all-capital abbreviation, which matches only in capitals; `endings` may follow
 * the term (a possessive: `'s`, `'`; any apostrophe for any apostrophe).
 */
export function containsExactly(text: string, term: string, options: { ignoreCase?: boolean; endings?: readonly string[] } = {}): boolean {
  // Every option that changes the pattern is part of the key.
  const key = `${options.ignoreCase === true ? 'i' : ''}\u0001${(options.endings ?? []).join('\u0000')}\u0001${term}`;
  return cached(exactPatterns, key, () => compileExactTerm(term, options)).test(text);
}

function compileExactTerm(term: string, options: { ignoreCase?: boolean; endings?: readonly string[] }): RegExp {
  const body = [...term].map((ch) => (APOSTROPHES.includes(ch) ? `[${APOSTROPHES}]` : /\s/u.test(ch) ? '\\s+' : escapeRegExp(ch))).join('');
  const endings = options.endings ?? [];
  const tail = endings.length === 0 ? '' : `(?:${endings.map(endingPattern).join('|')})?`;
  const ignoreCase = options.ignoreCase === true && !isCapitalAbbreviation(term);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${tail}(?![\\p{L}\\p{N}])`, ignoreCase ? 'iu' : 'u');
}
