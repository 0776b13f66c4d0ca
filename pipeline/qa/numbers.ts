/**
 * `qa/numbers`: every number, time, date, score and version of the source appears in the target,
 * written the way the target language writes it, and the target adds none.
 *
 * The source is read the German way (`number-tokens.ts`, with the conventions of the language files):
 * "1.000" (thousands), "3,5" (decimal), "80." followed by more words (an ordinal), four-digit
 * years, times ("9.30 Uhr", "um 22.15", "von 9 bis 17 Uhr"), dates ("10.09.2025", "3.10.",
 * "3. September 2025", "vom 10. bis 12. September"), scores ("2:1") and versions ("Version 2.1",
 * "17.4.1"). Targets are read with their language's forms and compared by value; a value that is
 * present but written in another form is reported with the expected form. What each language
 * reads, accepts and asks for is data (`numbers` in `pipeline/languages/<code>.yaml`); for the
 * bundled languages:
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
import { formFor, languageProfile, type LanguageProfile } from '../languages/index.js';
import { readTokens, valueOf, type FoundNumber, type NumberKind, type Reading } from './number-tokens.js';
import { primary } from './text.js';
import { perSegment, translated, type Check, type Finding, type QaSegment } from './types.js';

export type { FoundNumber, NumberKind } from './number-tokens.js';

/** A language by code (its bundled profile), or its profile. */
type Language = string | LanguageProfile;

const profileOf = (language: Language): LanguageProfile => (typeof language === 'string' ? languageProfile(language) : language);

/** Numbers, times, dates, scores and versions of a source sentence (German by default). */
export function sourceNumbers(text: string, source: Language = 'de'): FoundNumber[] {
  return readTokens(text, profileOf(source));
}

/** Numbers, times, dates, scores and versions of a target sentence, read the target language's way. */
export function targetNumbers(text: string, language: Language, options: { scores?: boolean; versions?: boolean } = {}): FoundNumber[] {
  return readTokens(text, profileOf(language), options);
}

/**
 * Fills a time or date template of a language file: `{name}` placeholders from `values`, and a
 * `[ … ]` part only when `keepOptional`.
 */
function fill(template: string, values: Readonly<Record<string, string>>, keepOptional: boolean): string {
  return template
    .replace(/\[([^\]]*)\]/gu, (_m, inner: string) => (keepOptional ? inner : ''))
    .replace(/\{([^}]+)\}/gu, (all, name: string) => values[name] ?? all);
}

/** A time "HH:MM" as the language writes it by preference (its `timeFormat`). */
function timeForm(value: string, profile: LanguageProfile): string {
  const [h = 0, m = 0] = value.split(':').map(Number);
  const numbers = profile.numbers;
  if (h === 12 && m === 0 && numbers?.noonWord !== undefined) return numbers.noonWord;
  if (h === 0 && m === 0 && numbers?.midnightWord !== undefined) return numbers.midnightWord;
  const values = { H: String(h), h: String(h % 12 === 0 ? 12 : h % 12), MM: String(m).padStart(2, '0'), 'am|pm': h < 12 ? 'am' : 'pm' };
  return fill(numbers?.timeFormat ?? '{H}:{MM}', values, m !== 0);
}

/** A date "YYYY-MM-DD" or "--MM-DD" as the language writes it by preference (its `dateFormat`). */
function dateForm(value: string, profile: LanguageProfile): string {
  const [, year = '', month = '', day = ''] = /^(\d{4}|-)-(\d{2})-(\d{2})$/u.exec(value) ?? [];
  const numbers = profile.numbers;
  const d = Number(day);
  const values = {
    d: d === 1 && numbers?.firstDay !== undefined ? numbers.firstDay : String(d),
    month: numbers?.months[Number(month) - 1]?.[0] ?? month,
    yyyy: year === '-' ? '' : year,
  };
  return fill(numbers?.dateFormat ?? '{d} {month}[ {yyyy}]', values, year !== '-');
}

/** Writes a value the way a language expects it for a kind (the preferred form, for messages). */
export function expectedForm(value: string, kind: NumberKind, language: Language): string {
  const profile = profileOf(language);
  const numbers = profile.numbers;
  const [whole = value, fraction] = value.split('.');
  const group = (sep: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/gu, sep);
  switch (kind) {
    case 'year':
      return whole;
    case 'ordinal': {
      const form = numbers === undefined ? undefined : formFor(numbers.ordinals, whole);
      return form === undefined ? `${whole}.` : whole + (form.accept[0] ?? '');
    }
    case 'day': {
      const form = numbers === undefined ? undefined : formFor(numbers.days, whole);
      return whole + (form?.accept[0] ?? '');
    }
    case 'time':
      return timeForm(value, profile);
    case 'date':
      return dateForm(value, profile);
    case 'score':
      return value.replace(':', '-');
    case 'version':
      return value;
    case 'cardinal':
      break;
  }
  // A language without number conventions is asked for the German form, as the source writes it.
  if (numbers === undefined) return fraction === undefined ? group('.') : `${group('.')},${fraction}`;
  const plainFour = whole.length === 4 && (numbers.fourDigits === 'plain' || (numbers.fourDigits === 'either' && numbers.preferFourDigits === 'plain'));
  const grouped = plainFour ? whole : group(numbers.thousands[0] ?? '');
  return fraction === undefined ? grouped : `${grouped}${numbers.decimal}${fraction}`;
}

/** True when a target surface is an acceptable way to write a number value/kind in the language. */
function acceptableNumber(surface: string, ending: string, value: string, kind: NumberKind, language: Language): boolean {
  const numbers = profileOf(language).numbers;
  if (numbers === undefined) return true;
  const [whole = value] = value.split('.');
  if (kind === 'year') return surface === whole && ending === '';
  if (kind === 'ordinal') {
    if (surface !== whole) return false;
    const form = formFor(numbers.ordinals, whole);
    return form === undefined || form.accept.includes(ending);
  }
  if (kind === 'day') {
    if (surface !== whole) return false;
    const form = formFor(numbers.days, whole);
    return form === undefined ? ending === '' : form.accept.includes(ending);
  }
  if (ending !== '') return false;
  // Cardinals and decimals: the separators of the language, groups where they belong.
  if (valueOf(surface, numbers) !== value) return false;
  const integerPart = surface.split(numbers.decimal)[0] ?? surface;
  const grouped = /[^\d]/u.test(integerPart);
  if (whole.length <= 3) return !grouped;
  if (whole.length > 4) return grouped;
  return numbers.fourDigits === 'either' || (numbers.fourDigits === 'grouped') === grouped;
}

/** Splits a number surface into the number and its ordinal ending. */
function split(surface: string): { number: string; ending: string } {
  const m = /^([\d.,\u00A0\u202F ]*\d)(.*)$/u.exec(surface);
  return { number: m?.[1] ?? surface, ending: m?.[2] ?? '' };
}

const NUMBER_KINDS: ReadonlySet<NumberKind> = new Set(['cardinal', 'ordinal', 'day', 'year']);

/** How a source token and a target token agree: the same value (in an acceptable form or not), or only the same kind. */
function agreement(source: FoundNumber, target: FoundNumber, language: Language): 'same' | 'form' | 'kind' | undefined {
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

function formOk(source: FoundNumber, s: Reading, target: FoundNumber, t: Reading, language: Language): boolean {
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
function expectedOf(number: FoundNumber, language: Language): string {
  const main = number.readings[0];
  const kind = main?.kind === 'number' ? (NUMBER_KINDS.has(number.kind) ? number.kind : 'cardinal') : number.kind;
  return expectedForm(main?.value ?? number.value, kind, language);
}

/** Compares the numbers of a segment's source and target (languages by code or profile; the source German by default). */
export function compareNumbers(segment: QaSegment & { readonly target: string }, language: Language, sourceLanguage: Language = 'de'): Finding[] {
  const findings: Finding[] = [];
  const source = sourceNumbers(segment.source, sourceLanguage);
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

function wrongForm(segment: QaSegment, number: FoundNumber, found: FoundNumber, language: Language): Finding {
  return {
    segment,
    reason: `the ${KIND_NAME[number.kind]} ${number.surface} is not written the ${primary(profileOf(language).code)} way`,
    actual: found.surface,
    expected: expectedOf(number, language),
    hint: number.kind === 'version'
      ? 'a version number keeps its full stops in every language'
      : 'write numbers, times and dates with the target language\'s separators, ordinal endings and month names',
  };
}

function wrongValue(segment: QaSegment, number: FoundNumber, found: FoundNumber, language: Language): Finding {
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
  run: perSegment((segment, context) => (translated(segment) ? compareNumbers(segment, context.profile, context.sourceProfile) : [])),
};
