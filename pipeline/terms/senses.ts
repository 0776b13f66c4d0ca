/**
 * Sense checks: context in which a form that matched is not the entry, decided from the entry's
 * kind and the words around the occurrence. They run only for candidates the automaton found, so
 * they cost nothing where no term occurs.
 *
 * - Company names (`COMPANY`): a person, place, title or common noun joined to another name by
 *   `+` or `&` ("König + Neurath", "Scholl & Partner"), or followed by a legal form ("Porsche AG",
 *   "Porsche SE", "Müller GmbH"), is part of a company's name. Organisations and institutions are
 *   not checked: "Siemens AG" is the company.
 * - Person names (`NAME_NEIGHBOUR`, places): a place directly after a capitalised word that is not
 *   a noun and does not start the sentence ("George Washington", "Denzel Washington"), or directly
 *   before such a word ("Paris Hilton"), is part of a person's name; an apposition noun before it
 *   ("US-Hauptstadt Washington", "Region Kursk") is not. "Is a noun" is asked of the noun lexicon.
 * - People (`PEOPLE`, places whose form is also the plural of a noun, as "Polen" is of "Pole"):
 *   after a plural article, a number word or a declined adjective ("die Polen", "viele Polen",
 *   "junge Polen") the word names the people, not the country.
 *
 * Phrases a glossary author knows better are the entry's `exclude` list (see `matcher.ts`).
 */
import type { GlossaryEntry } from './entry.js';
import { nounLexicon } from './lexicon.js';

/** Check: part of a company name. */
export const COMPANY = 1;
/** Check: part of a person's name. */
export const NAME_NEIGHBOUR = 2;
/** Check: the people, not the place. */
export const PEOPLE = 4;

/** The checks that apply to one form of an entry. */
export function senseChecksOf(entry: GlossaryEntry, form: string): number {
  let checks = 0;
  if (entry.kind !== 'organization' && entry.kind !== 'institution') checks |= COMPANY;
  if (entry.kind === 'place') {
    checks |= NAME_NEIGHBOUR;
    // Only the name as written ("Polen"), not the entry's own plural ("Staaten" of "Staat").
    const written = form === entry.source || entry.variants.includes(form);
    if (written && /^\p{Lu}\p{Ll}+$/u.test(form) && nounLexicon().isPluralOfNoun(form)) checks |= PEOPLE;
  }
  return checks;
}

const LEGAL_FORM = /^[ \t\u00a0]*(?:[+&][ \t\u00a0]*\p{Lu}|(?:GmbH|AG|KG|KGaA|SE|OHG|GbR|mbH|UG|Inc|Ltd|plc|LLC|Corp|Co\.|Holding|Group)(?![\p{L}\p{N}]))/u;
const JOINED_BEFORE = /\p{Lu}[\p{L}.-]*[ \t\u00a0]*[+&][ \t\u00a0]*$/u;
const WORD_AFTER = /^[ \t\u00a0]+(\p{Lu}[\p{L}-]*)(?![\p{L}\p{N}])/u;
/** Capitalised words that start or join clauses: never part of a name. */
const FUNCTION_WORD = new Set([
  'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Ein', 'Eine', 'Einen', 'Einem', 'Einer', 'Er', 'Sie', 'Es', 'Wir', 'Ich', 'Ihr', 'Man',
  'In', 'Im', 'Ins', 'Nach', 'Aus', 'Von', 'Vom', 'Bei', 'Beim', 'Mit', 'Für', 'Gegen', 'Über', 'Unter', 'Vor', 'Seit', 'Bis', 'Ab',
  'Auf', 'An', 'Am', 'Zu', 'Zum', 'Zur', 'Um', 'Durch', 'Ohne', 'Laut', 'Zwischen', 'Auch', 'Und', 'Oder', 'Aber', 'Doch', 'Denn',
  'Wie', 'Als', 'Wenn', 'Weil', 'Dass', 'Ob', 'So', 'Da', 'Dort', 'Hier', 'Nun', 'Jetzt', 'Heute', 'Gestern', 'Morgen', 'Dann',
  'Danach', 'Damit', 'Dabei', 'Trotz', 'Wegen', 'Während', 'Nicht', 'Nur', 'Noch', 'Schon', 'Ganz', 'Halb', 'Allein',
]);
/** Plural articles, quantifiers and number words before a people's name. */
const PLURAL_DETERMINER = /^(?:die|der|den|diese|dieser|diesen|viele|vielen|alle|allen|einige|einigen|wenige|wenigen|manche|manchen|mehrere|mehreren|meisten|beide|beiden|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|hundert|tausend|hunderte|tausende|millionen|\d+)$/iu;
/** Words ending like a declined adjective that are prepositions or adverbs ("gegen Polen"). */
const NOT_ADJECTIVE = /^(?:gegen|zwischen|neben|wegen|binnen|entgegen|ohne|oben|unten|innen|außen|gestern|morgen|seitdem|ebenfalls|jedoch|eine|keine|seine|ihre|meine|unsere|deine|euere|seinen|ihren|meinen|unseren)$/iu;

const SPACE = /[ \t\u00a0]/u;
const WORD_CHAR = /[\p{L}\p{N}-]/u;
const SENTENCE_OPENER = /[.!?:;„“"«»(–—]/u;

/** The word right before `start` (one or more spaces between), and whether it starts a sentence. */
function wordBefore(text: string, start: number): { readonly word: string; readonly startsSentence: boolean } | undefined {
  let i = start;
  while (i > 0 && SPACE.test(text.charAt(i - 1))) i -= 1;
  if (i === start || i === 0) return undefined;
  let j = i;
  while (j > 0 && WORD_CHAR.test(text.charAt(j - 1))) j -= 1;
  if (j === i) return undefined;
  let k = j;
  while (k > 0 && SPACE.test(text.charAt(k - 1))) k -= 1;
  return { word: text.slice(j, i), startsSentence: k === 0 || SENTENCE_OPENER.test(text.charAt(k - 1)) };
}

/** True when the occurrence `[start, end)` passes the `checks`. */
export function senseAllows(checks: number, text: string, start: number, end: number): boolean {
  if (checks & COMPANY) {
    if (LEGAL_FORM.test(text.slice(end, end + 16)) || JOINED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return false;
  }
  if ((checks & (NAME_NEIGHBOUR | PEOPLE)) === 0) return true;
  const before = wordBefore(text, start);
  if (checks & PEOPLE && before !== undefined) {
    const word = before.word;
    const capitalised = /^\p{Lu}/u.test(word);
    // "die Polen", "viele Polen", "junge Polen": the people. A noun ending in -en is no adjective.
    const adjective = /^\p{L}+(?:e|en)$/u.test(word) && !NOT_ADJECTIVE.test(word) && !(capitalised && nounLexicon().isNoun(word));
    if (PLURAL_DETERMINER.test(word) || adjective) return false;
  }
  if (checks & NAME_NEIGHBOUR) {
    const previous = before?.word;
    if (previous !== undefined && before?.startsSentence === false && /^\p{Lu}\p{Ll}/u.test(previous) && !FUNCTION_WORD.has(previous) && !nounLexicon().isNoun(previous)) return false;
    const next = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
    if (next !== undefined && /^\p{Lu}\p{Ll}/u.test(next) && !FUNCTION_WORD.has(next) && !nounLexicon().isNoun(next)) return false;
  }
  return true;
}
