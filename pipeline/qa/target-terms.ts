/**
 * A target-side term matcher: does a translation use an approved target term, in any inflected
 * form of the target language?
 *
 * The glossary gives base forms ("head of state", "nord-coréen", "norcoreano"); a translation
 * uses them inflected ("heads of state", "nord-coréennes", "norcoreanas") and after an elided
 * article ("l’agence de presse"). Generating every form would need a morphology engine; instead,
 * every word of a term is compiled into a pattern that allows the endings the language adds to
 * nouns and adjectives:
 *
 * - English: plural -s/-es, y → -ies, and the possessive 's / s’ on the last word.
 * - French: plural -s/-x, feminine -e/-es, with the doubled consonant of -en/-on/-el/-et
 *   (coréen → coréenne), -eux → -euse(s), -if → -ive(s); al → aux.
 * - Spanish: plural -s/-es, z → -ces, gender and number of -o (norcoreano → norcoreanas), and
 *   -ón/-án/-és that lose the accent in the plural (nación → naciones).
 * - Other languages: the words as written.
 *
 * Letter case: only the first letter of each word may differ (headline and sentence case:
 * "President Donald Trump", "Foreign Minister"), so "US" never matches the pronoun "us".
 * Accents count ("Pekín" is not "Pekin"), except that a French capital may drop its accent
 * ("Etats-Unis" for "États-Unis"), a long-standing French press habit.
 * Word boundaries: a term must not start or end inside a word; a hyphen or an apostrophe counts
 * as a boundary, so "russo-nord-coréenne" and "d’Ouchakov" contain their terms.
 * Apostrophes (' ’ ʼ) and white space (including no-break spaces) are interchangeable.
 *
 * The matcher over-accepts on purpose (it does not check agreement): the check is about the
 * right term, grammar is the reviewer's business.
 */
import { APOSTROPHES, escapeRegExp, primary } from './text.js';

/** Endings a word may take, per language (the empty ending is always allowed). */
function wordPattern(word: string, language: string, last: boolean): string {
  const lang = primary(language);
  const alternatives: string[] = [];
  // Endings are plain letters, except APOS, which stands for any apostrophe.
  const add = (stem: string, endings: readonly string[]): void => {
    const pattern = endings.map((e) => escapeRegExp(e).replace(/APOS/gu, `[${APOSTROPHES}]`)).join('|');
    alternatives.push(`${letters(stem, lang)}(?:${pattern})`);
  };
  if (lang === 'en') {
    // Only the last word of a term takes the possessive: "the head of state's visit".
    const possessive = last ? ['APOSs', 'sAPOS', 'APOS'] : [];
    add(word, ['', 's', 'es', ...possessive]);
    if (/[^aeiou]y$/u.test(word)) add(word.slice(0, -1), ['ies', ...(last ? ['iesAPOS'] : [])]);
  } else if (lang === 'fr') {
    add(word, ['', 's', 'x', 'e', 'es']);
    if (/(?:en|on|el|et)$/u.test(word)) add(word, [word.slice(-1) + 'e', word.slice(-1) + 'es']);
    if (/eux$/u.test(word)) add(word.slice(0, -1), ['se', 'ses']);
    if (/if$/u.test(word)) add(word.slice(0, -1), ['ve', 'ves']);
    if (/al$/u.test(word)) add(word.slice(0, -1), ['ux']);
  } else if (lang === 'es') {
    add(word, ['', 's', 'es']);
    if (/o$/u.test(word)) add(word.slice(0, -1), ['a', 'os', 'as']);
    if (/z$/u.test(word)) add(word.slice(0, -1), ['ces']);
    const unaccented = word.replace(/([óáé])(n|s)$/u, (_m, vowel: string, end: string) => `${vowel.normalize('NFD')[0] ?? vowel}${end}`);
    if (unaccented !== word) add(unaccented, ['es']);
  } else {
    add(word, ['']);
  }
  return `(?:${alternatives.join('|')})`;
}

/** A word's letters as a pattern: the first letter in either case, French capitals with or without accent. */
function letters(stem: string, lang: string): string {
  return [...stem]
    .map((ch, i) => {
      if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
      const options = new Set<string>([ch]);
      if (i === 0) {
        options.add(ch.toUpperCase());
        options.add(ch.toLowerCase());
      }
      if (lang === 'fr') {
        // A French capital may lose its accent: É → E, also when the glossary has é at the start.
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
export function compileTargetTerm(term: string, language: string): RegExp {
  const parts = term.trim().split(/(\s+|-|[’'ʼ])/u).filter((p) => p !== '');
  const wordIndexes = parts.map((p, i) => (/^[\p{L}\p{N}]/u.test(p) ? i : -1)).filter((i) => i >= 0);
  const lastWord = wordIndexes[wordIndexes.length - 1];
  const body = parts
    .map((part, i) => {
      if (/^\s+$/u.test(part)) return '\\s+';
      if (part === '-') return '-';
      if (APOSTROPHES.includes(part)) return `[${APOSTROPHES}]`;
      return wordPattern(part, language, i === lastWord);
    })
    .join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * Compiled patterns, each made once per term, language and options and shared by every sentence
 * of a build (none has the `g` or `y` flag, so `test` keeps no state between texts). A glossary
 * has a bounded number of terms; the cap only guards a process that sees many glossaries.
 */
const compiled = new Map<string, RegExp>();
const COMPILED_MAX = 50_000;

function once(key: string, compile: () => RegExp): RegExp {
  let pattern = compiled.get(key);
  if (pattern === undefined) {
    if (compiled.size >= COMPILED_MAX) compiled.clear();
    pattern = compile();
    compiled.set(key, pattern);
  }
  return pattern;
}

/** True when `text` contains `term` in some inflected form of `language`. */
export function containsTerm(text: string, term: string, language: string): boolean {
  return once(`inflected\u0000${language}\u0000${term}`, () => compileTargetTerm(term, language)).test(text);
}

/**
 * True when `text` contains `term` exactly as written (case and accents count), on word
 * boundaries: for do-not-translate terms and forbidden renderings. `ignoreCase` folds case only.
 */
export function containsExactly(text: string, term: string, options: { ignoreCase?: boolean; possessive?: boolean } = {}): boolean {
  const key = `exact\u0000${options.ignoreCase === true ? 'i' : ''}${options.possessive === true ? 'p' : ''}\u0000${term}`;
  return once(key, () => compileExactTerm(term, options)).test(text);
}

function compileExactTerm(term: string, options: { ignoreCase?: boolean; possessive?: boolean }): RegExp {
  const body = [...term].map((ch) => (APOSTROPHES.includes(ch) ? `[${APOSTROPHES}]` : /\s/u.test(ch) ? '\\s+' : escapeRegExp(ch))).join('');
  const tail = options.possessive === true ? `(?:[${APOSTROPHES}]s?)?` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${tail}(?![\\p{L}\\p{N}])`, options.ignoreCase === true ? 'iu' : 'u');
}
