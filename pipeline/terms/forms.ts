/**
 * German surface forms of a glossary entry, generated once per entry so the matcher never has to
 * stem the text.
 *
 * Nouns come from a lexicon (`lexicon.ts`, about 66,000 German nouns with their case forms), rules
 * fill in where it has nothing to say:
 * - names (proper nouns) take the genitive: `-s`, or an apostrophe after s, ß, x, z, ce
 *   ("Putins", "Xi Jinpings", "Lars'"); a one-word name that is a common noun in the lexicon
 *   ("Partei", "Regierung", "Staat") also takes that noun's forms, plural included, unless the
 *   entry says `number: singular`;
 * - common nouns the lexicon knows, or whose last part it knows ("Bundesregierung",
 *   "Staatschef"), take the lexicon's case forms, singular and plural ("Häuser", "Räte");
 * - other common nouns take the singular endings `-s`, `-es`, `-e` (not for feminines), the weak
 *   `-en`/`-n` where the word looks weak ("Präsidenten"), and plural endings: the entry's `plural`
 *   forms plus their dative `-n` when given ("Häuser", "Häusern"), else guessed `-e`, `-en`, `-n`,
 *   `-er`, `-ern`, `-s` (feminines: `-en`, `-n`, `-nen`);
 * - in a multiword term, the leading words that look like adjectives (ending in -e, -en, -em, -er,
 *   -es) decline together with all five endings, each either declined or left as written ("Neuen
 *   Zürcher Zeitung"); the head noun after them keeps its number ("Weiße Häuser" is not "Weißes
 *   Haus") unless `plural` is given; words after the head stay as written ("von Amerika");
 * - all-capital abbreviations ("USA", "EU") are never inflected.
 * Over-generated forms that never occur in real text ("Weißem Haus") cost nothing; forms that
 * are other words ("Rate" from "Rat") are the reason `plural`, `pos`, `forms` and `match: exact`
 * exist.
 */
import type { GlossaryEntry } from './glossary.js';
import { isAbbreviation } from './fold.js';
import { nounLexicon, type NounParadigm } from './lexicon.js';

/** A form to put into the automaton. */
export interface GeneratedForm {
  /** The form as it should appear in text (case as in the glossary). */
  readonly text: string;
  /** True when the form must match letter case exactly regardless of the entry's `case`. */
  readonly exactCase: boolean;
}

const ADJECTIVE_ENDINGS = ['e', 'en', 'em', 'er', 'es'] as const;
/** Longest first, so "Vereinigten" loses "en" rather than "n". */
const ADJECTIVE_SUFFIXES = ['en', 'em', 'er', 'es', 'e'] as const;
/** Words that may not start an adjective run, although they end like one ("der", "den"). */
const FUNCTION_WORD = /^\p{Ll}/u;
/** Above this many adjectives, mixed declined/undeclined combinations are not generated. */
const MAX_MIXED_ADJECTIVES = 3;

function looksLikeAdjective(word: string): boolean {
  if (!/^\p{L}+$/u.test(word) || word.length < 4 || isAbbreviation(word)) return false;
  return ADJECTIVE_SUFFIXES.some((s) => word.endsWith(s));
}

function adjectiveStem(word: string): string {
  for (const suffix of ADJECTIVE_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Genitive of a name: apostrophe after a hissing sound, else -s. */
function nameGenitives(word: string): string[] {
  return /(?:s|ß|x|z|ce)$/i.test(word) ? [`${word}'`] : [`${word}s`];
}

const VOWEL_END = /[aeiouyäöü]$/i;

/** Singular case endings of a common noun. */
function nounSingulars(word: string, gender: GlossaryEntry['gender']): string[] {
  const forms = [word];
  if (gender === 'f') return forms;
  if (/(?:e|el|er|en|chen|lein)$/.test(word) || VOWEL_END.test(word)) forms.push(`${word}s`);
  else if (/(?:s|ß|x|z|sch)$/.test(word)) forms.push(`${word}es`, `${word}e`);
  else forms.push(`${word}s`, `${word}es`, `${word}e`);
  // Weak masculines ("Präsident", "Diplomat", "Kollege") take -en/-n outside the nominative.
  if (gender !== 'n' && /(?:ent|ant|ist|at|oge|af|e)$/.test(word)) forms.push(word.endsWith('e') ? `${word}n` : `${word}en`);
  return forms;
}

/** Plural forms of a common noun: the given ones, or guessed endings. */
function nounPlurals(word: string, gender: GlossaryEntry['gender'], given: readonly string[]): string[] {
  const withDative = (p: string): string[] => (/[ns]$/.test(p) ? [p] : [p, `${p}n`]);
  if (given.length > 0) return given.flatMap(withDative);
  if (gender === 'f') {
    if (word.endsWith('in')) return [`${word}nen`];
    return word.endsWith('e') || /(?:el|er)$/.test(word) ? [`${word}n`] : [`${word}en`];
  }
  if (word.endsWith('e')) return [`${word}n`];
  if (/(?:el|er|en|chen|lein)$/.test(word)) return /(?:el|er)$/.test(word) ? [`${word}n`] : [];
  return [`${word}e`, `${word}en`, `${word}er`, `${word}ern`, `${word}s`];
}

/**
 * Singular and plural forms of a noun from the lexicon. The archaic dative "-e" ("dem Rate", "im
 * Hause") is left out: in today's news it is far more often another word ("Rate"); list it in
 * `forms` when a text uses it. A genitive written with "-s" also gets "-es" and the other way round
 * ("des Staats", "des Staates").
 */
function lexiconForms(paradigm: NounParadigm, withPlural: boolean): string[] {
  const [nominative = '', genitive = '', dative = '', accusative = ''] = paradigm.singular;
  const forms = [nominative, genitive, accusative];
  if (!(nominative !== '' && dative === `${nominative}e`)) forms.push(dative);
  if (nominative !== '' && /[^aeiouyäöüsßxz]$/iu.test(nominative) && !/(?:el|er|en|chen|lein)$/u.test(nominative)) {
    if (genitive === `${nominative}s`) forms.push(`${nominative}es`);
    if (genitive === `${nominative}es`) forms.push(`${nominative}s`);
  }
  if (withPlural) forms.push(...paradigm.plural);
  return forms.filter((f) => f !== '');
}

/**
 * The lexicon's paradigm of a head noun, when the lexicon may speak for it: not for people's names,
 * adjectives and phrases, and not for a word that is not capitalised like a noun.
 */
function paradigmOf(word: string, entry: GlossaryEntry): NounParadigm | undefined {
  if (entry.kind === 'person' || entry.pos === 'adjective' || entry.pos === 'phrase' || !/^\p{Lu}\p{Ll}/u.test(word)) return undefined;
  return nounLexicon().lookupHead(word);
}

/** Forms of the inflecting word ("head") of a term, by part of speech and kind. */
function headForms(word: string, entry: GlossaryEntry, multiword: boolean, afterAdjectives: boolean): string[] {
  if (isAbbreviation(word)) return [word];
  // The head of a multiword name keeps its number unless the entry says what its plural is; so does
  // a term whose entry says it is singular.
  const mayBePlural = !multiword && entry.number === undefined;
  if (entry.pos === 'proper-noun' && !afterAdjectives) {
    const forms = [word, ...nameGenitives(word)];
    if ((entry.kind === 'organization' || entry.kind === 'institution') && /[^aeiouyäöüsßxz]$/i.test(word)) forms.push(`${word}es`);
    if (entry.number === 'plural' && !/[ns]$/.test(word)) forms.push(`${word}n`);
    // A name that is a common noun ("Partei", "Regierung", "Staat") declines like one, plural included.
    const paradigm = multiword ? undefined : paradigmOf(word, entry);
    if (paradigm !== undefined) forms.push(...lexiconForms(paradigm, mayBePlural));
    if (entry.plural.length > 0 && !multiword) forms.push(...nounPlurals(word, entry.gender, entry.plural));
    return forms;
  }
  if (entry.number === 'plural') return /[ns]$/.test(word) ? [word] : [word, `${word}n`];
  const paradigm = paradigmOf(word, entry);
  if (paradigm !== undefined && entry.plural.length === 0) {
    return [word, ...lexiconForms(paradigm, !multiword && entry.number !== 'singular')];
  }
  const singular = nounSingulars(word, entry.gender ?? paradigm?.gender);
  const plurals = (multiword && entry.plural.length === 0) || (entry.number === 'singular' && entry.plural.length === 0) ? [] : nounPlurals(word, entry.gender ?? paradigm?.gender, entry.plural);
  return [...singular, ...plurals];
}

/** Declined versions of a run of adjectives: same ending for all, each declined or as written. */
function adjectiveRuns(adjectives: readonly string[]): string[][] {
  const runs: string[][] = [adjectives.slice()];
  const stems = adjectives.map(adjectiveStem);
  const mixed = adjectives.length <= MAX_MIXED_ADJECTIVES;
  for (const ending of ADJECTIVE_ENDINGS) {
    const combinations = mixed ? 1 << adjectives.length : 2;
    for (let mask = 1; mask < combinations; mask += 1) {
      const all = !mixed || mask === combinations - 1;
      runs.push(adjectives.map((word, i) => (all || (mask >> i) & 1 ? `${stems[i]}${ending}` : word)));
    }
  }
  return runs;
}

/** Forms of a single adjective term ("nordkoreanisch" → nordkoreanische, -en, -em, -er, -es). */
function adjectiveForms(term: string): string[] {
  const words = term.split(' ');
  const last = words.pop() ?? term;
  const stem = last.endsWith('e') ? last.slice(0, -1) : adjectiveStem(last) === last ? last : adjectiveStem(last);
  const prefix = words.length > 0 ? `${words.join(' ')} ` : '';
  return [term, ...ADJECTIVE_ENDINGS.map((e) => `${prefix}${stem}${e}`)];
}

/** Inflected forms of one written form of a term (its source or a variant). */
export function inflect(term: string, entry: GlossaryEntry): string[] {
  if (entry.match !== 'inflect' || entry.pos === 'phrase' || isAbbreviation(term)) return [term];
  if (entry.pos === 'adjective') return adjectiveForms(term);
  const words = term.split(/\s+/u);
  if (words.length === 1) return headForms(term, entry, false, false);
  let adjectiveCount = 0;
  if (entry.kind !== 'person') {
    // An adjective must be followed by a capitalised word (another adjective or the head noun),
    // so "Vereinigte Staaten von Amerika" declines "Vereinigte" and stops at "Staaten".
    while (
      adjectiveCount < words.length - 1 &&
      looksLikeAdjective(words[adjectiveCount] ?? '') &&
      !FUNCTION_WORD.test(words[adjectiveCount] ?? '') &&
      !FUNCTION_WORD.test(words[adjectiveCount + 1] ?? '')
    ) {
      adjectiveCount += 1;
    }
  }
  let headIndex: number;
  if (adjectiveCount > 0) headIndex = adjectiveCount;
  else {
    // "Bundesamt für Verfassungsschutz": the word before the first lower-case word inflects.
    const firstLower = words.findIndex((w, i) => i > 0 && FUNCTION_WORD.test(w));
    headIndex = firstLower > 0 ? firstLower - 1 : words.length - 1;
  }
  const head = words[headIndex] ?? '';
  const before = words.slice(adjectiveCount, headIndex);
  const after = words.slice(headIndex + 1);
  const runs = adjectiveCount > 0 ? adjectiveRuns(words.slice(0, adjectiveCount)) : [[]];
  const heads = headForms(head, entry, true, adjectiveCount > 0);
  const forms: string[] = [];
  for (const run of runs) {
    for (const h of heads) forms.push([...run, ...before, h, ...after].join(' '));
  }
  return forms;
}

/**
 * Every form of an entry the matcher should find: the inflected source and variants, plus the
 * literal `forms`. Deduplicated, source first.
 */
export function formsOf(entry: GlossaryEntry): GeneratedForm[] {
  const seen = new Set<string>();
  const out: GeneratedForm[] = [];
  const add = (text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, exactCase: isAbbreviation(text) });
  };
  for (const written of [entry.source, ...entry.variants]) {
    for (const form of inflect(written, entry)) add(form);
  }
  for (const form of entry.forms) add(form);
  return out;
}
