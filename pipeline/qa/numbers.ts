/**
 * `qa/numbers`: every number, time, date, score and version of the source appears in the target,
 * written the way the target language writes it, and the target adds none.
 *
 * The source is read the German way (`number-tokens.ts`, with the facts of `number-facts.ts`):
 * "1.000" (thousands), "3,5" (decimal), "80." followed by more words (an ordinal), four-digit
 * years, times ("9.30 Uhr", "um 22.15", "von 9 bis 17 Uhr"), dates ("10.09.2025", "3.10.",
 * "3. September 2025", "vom 10. bis 12. September"), scores ("2:1") and versions ("Version 2.1",
 * "17.4.1"). Targets are read with their language's forms and compared by value; a value that is
 * present but written in another form is reported with the expected form:
 *
 * | source            | en                       | fr                          | es                           |
 * | ----------------- | ------------------------ | --------------------------- | ---------------------------- |
 * | 80. (ordinal)     | 80th                     | 80e (80ᵉ; 1er/1re)          | 80.º / 80.ª                  |
 * | 1.000             | 1,000                    | 1 000 (U+00A0 or U+202F)    | 1000 or 1.000                |
 * | 3,5               | 3.5                      | 3,5                         | 3,5                          |
 * | 2025 (a year)     | 2025                     | 2025                        | 2025                         |
 * | 22.15 Uhr         | 10.15pm, 22:15           | 22 h 15, 22h15, 22:15       | 22:15, 22.15 h, 10:15 p. m.  |
 * | 10.09.2025        | 10 September 2025, September 10, 2025, 10/09/2025 or 09/10/2025 | 10 septembre 2025, 10/09/2025 | 10 de septiembre de 2025, 10/09/2025 |
 * | 2:1               | 2-1, 2–1                 | 2-1, 2 à 1                  | 2-1, 2 a 1                   |
 * | Version 2.1       | 2.1                      | 2.1 (not 2,1)               | 2.1 (not 2,1)                |
 *
 * Out of scope, on purpose: number words ("zwei" / "two", "halb neun"), Roman numerals and phone
 * numbers; they are left to the reviewer.
 */
import { factsFor, readTokens, valueOf, type FoundNumber, type NumberKind, type Reading } from './number-tokens.js';
import { primary } from './text.js';
import { perSegment, translated, type Check, type Finding, type QaSegment } from './types.js';

export type { FoundNumber, NumberKind } from './number-tokens.js';

/** Numbers, times, dates, scores and versions of a German source sentence. */
export function sourceNumbers(text: string): FoundNumber[] {
  return readTokens(text, 'de');
}

/** Numbers, times, dates, scores and versions of a target sentence, read the target language's way. */
export function targetNumbers(text: string, language: string, options: { scores?: boolean; versions?: boolean } = {}): FoundNumber[] {
  return readTokens(text, language, options);
}

/** The correct English ordinal ending of a number. */
function englishOrdinal(n: string): string {
  const last2 = Number(n.slice(-2));
  const last = Number(n.slice(-1));
  if (last2 >= 11 && last2 <= 13) return 'th';
  return last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
}

/** A time "HH:MM" as the language writes it by preference. */
function timeForm(value: string, lang: string): string {
  const [h = 0, m = 0] = value.split(':').map(Number);
  const minutes = m === 0 ? '' : String(m).padStart(2, '0');
  if (lang === 'en') {
    if (h === 12 && m === 0) return 'noon';
    if (h === 0 && m === 0) return 'midnight';
    return `${h % 12 === 0 ? 12 : h % 12}${minutes === '' ? '' : `.${minutes}`}${h < 12 ? 'am' : 'pm'}`;
  }
  if (lang === 'fr') return `${h}\u00A0h${minutes === '' ? '' : `\u00A0${minutes}`}`;
  return `${h}:${String(m).padStart(2, '0')}`;
}

/** A date "YYYY-MM-DD" or "--MM-DD" as the language writes it by preference. */
function dateForm(value: string, lang: string): string {
  const [, year = '', month = '', day = ''] = /^(\d{4}|-)-(\d{2})-(\d{2})$/u.exec(value) ?? [];
  const d = Number(day);
  const name = factsFor(lang)?.months[Number(month) - 1]?.[0] ?? month;
  const y = year === '-' ? '' : year;
  if (lang === 'fr') return `${d === 1 ? '1er' : d} ${name}${y === '' ? '' : ` ${y}`}`;
  if (lang === 'es') return `${d} de ${name}${y === '' ? '' : ` de ${y}`}`;
  return `${d} ${name}${y === '' ? '' : ` ${y}`}`;
}

/** Writes a value the way a language expects it for a kind (the preferred form, for messages). */
export function expectedForm(value: string, kind: NumberKind, language: string): string {
  const lang = primary(language);
  const [whole = value, fraction] = value.split('.');
  const group = (sep: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/gu, sep);
  switch (kind) {
    case 'year':
      return whole;
    case 'ordinal':
      if (lang === 'en') return whole + englishOrdinal(whole);
      if (lang === 'fr') return whole === '1' ? '1er' : `${whole}e`;
      if (lang === 'es') return `${whole}.º`;
      return `${whole}.`;
    case 'day':
      return lang === 'fr' && whole === '1' ? '1er' : whole;
    case 'time':
      return timeForm(value, lang);
    case 'date':
      return dateForm(value, lang);
    case 'score':
      return value.replace(':', '-');
    case 'version':
      return value;
    case 'cardinal':
      break;
  }
  const grouped = lang === 'en' ? group(',') : lang === 'fr' ? group('\u00A0') : lang === 'es' && whole.length === 4 ? whole : group('.');
  if (fraction === undefined) return grouped;
  return `${grouped}${lang === 'en' ? '.' : ','}${fraction}`;
}

/** True when a target surface is an acceptable way to write a number value/kind in the language. */
function acceptableNumber(surface: string, ending: string, value: string, kind: NumberKind, language: string): boolean {
  const lang = primary(language);
  const facts = factsFor(lang);
  if (facts === undefined) return true;
  const [whole = value] = value.split('.');
  if (kind === 'year') return surface === whole && ending === '';
  if (kind === 'ordinal') {
    if (surface !== whole) return false;
    if (lang === 'en') return ending === englishOrdinal(whole);
    if (lang === 'fr') return whole === '1' ? ['er', 're', 'ère'].includes(ending) : ['e', 'ᵉ'].includes(ending);
    if (lang === 'es') return ['.º', '.ª'].includes(ending);
    return true;
  }
  if (kind === 'day') {
    if (surface !== whole) return false;
    if (lang === 'en') return ending === '' || ending === englishOrdinal(whole);
    if (lang === 'fr') return ending === '' || (whole === '1' && ending === 'er');
    return ending === '';
  }
  if (ending !== '') return false;
  // Cardinals and decimals: the separators of the language, groups where they belong.
  if (valueOf(surface, facts) !== value) return false;
  const integerPart = surface.split(facts.decimal)[0] ?? surface;
  const grouped = /[^\d]/u.test(integerPart);
  if (whole.length <= 3) return !grouped;
  if (lang === 'en') return grouped;
  if (lang === 'fr') return whole.length === 4 || grouped;
  if (lang === 'es') return whole.length === 4 || grouped;
  return true;
}

/** Splits a number surface into the number and its ordinal ending. */
function split(surface: string): { number: string; ending: string } {
  const m = /^([\d.,\u00A0\u202F ]*\d)(.*)$/u.exec(surface);
  return { number: m?.[1] ?? surface, ending: m?.[2] ?? '' };
}

const NUMBER_KINDS: ReadonlySet<NumberKind> = new Set(['cardinal', 'ordinal', 'day', 'year']);

/** How a source token and a target token agree: the same value (in an acceptable form or not), or only the same kind. */
function agreement(source: FoundNumber, target: FoundNumber, language: string): 'same' | 'form' | 'kind' | undefined {
  let best: 'same' | 'form' | 'kind' | undefined;
  const rank = { same: 3, form: 2, kind: 1 } as const;
  const better = (a: 'same' | 'form' | 'kind'): void => {
    if (best === undefined || rank[a] > rank[best]) best = a;
  };
  for (const s of source.readings) {
    for (const t of target.readings) {
      if (s.kind !== t.kind) continue;
      if (s.value !== t.value) {
        if (s.kind !== 'number') better('kind');
        continue;
      }
      better(formOk(source, s, target, t, language) ? 'same' : 'form');
    }
  }
  return best;
}

function formOk(source: FoundNumber, s: Reading, target: FoundNumber, t: Reading, language: string): boolean {
  if (s.kind !== 'number') return t.own;
  // A number read off a time ("20 h" for "20 Stunden") is written as the time is; the second
  // year of "2020–24" is written short.
  if (!NUMBER_KINDS.has(target.kind) || target.kind === 'year') return true;
  const kind = NUMBER_KINDS.has(source.kind) ? source.kind : 'cardinal';
  const { number, ending } = split(target.surface);
  return acceptableNumber(number, ending, s.value, kind, language);
}

const KIND_NAME: Readonly<Record<NumberKind, string>> = {
  cardinal: 'number',
  ordinal: 'ordinal number',
  day: 'day of the month',
  year: 'year',
  time: 'time',
  date: 'date',
  score: 'score',
  version: 'version number',
};

/** The kind and value a source token is expected as (its first reading). */
function expectedOf(number: FoundNumber, language: string): string {
  const main = number.readings[0];
  const kind = main?.kind === 'number' ? (NUMBER_KINDS.has(number.kind) ? number.kind : 'cardinal') : number.kind;
  return expectedForm(main?.value ?? number.value, kind, language);
}

/** Compares the numbers of a segment's source and target. */
export function compareNumbers(segment: QaSegment & { readonly target: string }, language: string): Finding[] {
  const findings: Finding[] = [];
  const source = sourceNumbers(segment.source);
  const target = targetNumbers(segment.target, language, {
    scores: source.some((n) => n.readings.some((r) => r.kind === 'score')),
    versions: source.some((n) => n.readings.some((r) => r.kind === 'version')),
  });
  const used = new Set<number>();
  const pending = new Set<FoundNumber>(source);
  const pair = (accept: (s: FoundNumber, t: FoundNumber) => boolean, onPair: (s: FoundNumber, t: FoundNumber) => void): void => {
    for (const number of source) {
      if (!pending.has(number)) continue;
      const i = target.findIndex((t, j) => !used.has(j) && accept(number, t));
      if (i === -1) continue;
      used.add(i);
      pending.delete(number);
      onPair(number, target[i]!);
    }
  };
  const kept = (s: FoundNumber, t: FoundNumber): boolean => keptInName(segment.source, s, segment.target, t);
  // The same value in an acceptable form; the same value in another form; a number whose digits
  // are all there (left in the German form); a time, date, score or version with another value.
  pair((s, t) => agreement(s, t, language) === 'same' || kept(s, t), () => undefined);
  pair((s, t) => agreement(s, t, language) === 'form', (s, t) => findings.push(wrongForm(segment, s, t, language)));
  pair((s, t) => NUMBER_KINDS.has(s.kind) && t.digits === s.digits, (s, t) => findings.push(wrongForm(segment, s, t, language)));
  pair((s, t) => agreement(s, t, language) === 'kind', (s, t) => findings.push(wrongValue(segment, s, t, language)));
  for (const number of pending) {
    if (number.wordOnly === true) continue;
    findings.push({
      segment,
      reason: `the ${KIND_NAME[number.kind]} ${number.surface} of the source is missing from the target`,
      expected: expectedOf(number, language),
      // No `actual`: nothing was found, and reports already show the target beside the finding.
      hint: 'check that the number was carried over (number words such as "zwei" are not checked)',
    });
  }
  target.forEach((t, j) => {
    if (used.has(j) || t.wordOnly === true) return;
    findings.push({
      segment,
      reason: `the target has the ${NUMBER_KINDS.has(t.kind) ? 'number' : KIND_NAME[t.kind]} ${t.surface}, which is not in the source`,
      actual: t.surface,
      hint: 'remove it, or accept the finding if the source says it in words',
    });
  });
  return findings;
}

/**
 * A German ordinal that belongs to a name the target keeps as it is ("1. FC Köln", "1. FSV
 * Mainz 05"): the same number, dot and next word in the target.
 */
function keptInName(sourceText: string, s: FoundNumber, targetText: string, t: FoundNumber): boolean {
  if (s.kind !== 'ordinal' || !s.surface.endsWith('.')) return false;
  const word = /^\s+(\p{Lu}[\p{L}\p{N}]*)/u.exec(sourceText.slice(s.end))?.[1];
  if (word === undefined || t.surface !== s.surface.slice(0, -1)) return false;
  return new RegExp(`^\\.\\s+${word}(?![\\p{L}\\p{N}])`, 'u').test(targetText.slice(t.end));
}

function wrongForm(segment: QaSegment, number: FoundNumber, found: FoundNumber, language: string): Finding {
  return {
    segment,
    reason: `the ${KIND_NAME[number.kind]} ${number.surface} is not written the ${primary(language)} way`,
    actual: found.surface,
    expected: expectedOf(number, language),
    hint: number.kind === 'version'
      ? 'a version number keeps its full stops in every language'
      : 'write numbers, times and dates with the target language\'s separators, ordinal endings and month names',
  };
}

function wrongValue(segment: QaSegment, number: FoundNumber, found: FoundNumber, language: string): Finding {
  return {
    segment,
    reason: `the ${KIND_NAME[number.kind]} ${number.surface} of the source is ${found.surface} in the target`,
    actual: found.surface,
    expected: expectedOf(number, language),
    hint: number.kind === 'time'
      ? 'check the hour, the minutes and the half of the day (am/pm)'
      : number.kind === 'date'
        ? 'check the day, the month (numeric dates: day first in British English, French and Spanish) and the year'
        : 'check the value against the source',
  };
}

export const numbers: Check = {
  id: 'qa/numbers',
  severity: 'error',
  description: 'every number, time, date, score and version of the source is in the target, in the target language\'s form; none is added',
  run: perSegment((segment, context) => (translated(segment) ? compareNumbers(segment, context.language) : [])),
};
