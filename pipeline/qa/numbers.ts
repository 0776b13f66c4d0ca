/**
 * `qa/numbers`: every number of the source appears in the target, written the way the target
 * language writes it, and the target adds none.
 *
 * Source numbers are read the German way: "1.000" (thousands), "3,5" (decimal), "80." followed
 * by more words (an ordinal: "zum 80. Jahrestag"), "3. September" (a day), four-digit years; the
 * separators and month names come from the source language's file. Targets are read with their
 * language's separators and compared by value; a value that is present but written in another
 * form is reported with the expected form. What each language accepts is data
 * (`numbers` in `pipeline/languages/<code>.yaml`); for the bundled languages:
 *
 * | source          | en                | fr                         | es                     |
 * | --------------- | ----------------- | -------------------------- | ---------------------- |
 * | 80. (ordinal)   | 80th              | 80e (80ᵉ; 1er/1re)         | 80.º / 80.ª            |
 * | 1.000           | 1,000             | 1 000 (U+00A0 or U+202F)   | 1000 or 1.000          |
 * | 3,5             | 3.5               | 3,5                        | 3,5                    |
 * | 3. September    | 3 (or 3rd)        | 3 (1er)                    | 3                      |
 * | 2025 (a year)   | 2025              | 2025                       | 2025                   |
 *
 * Out of scope, on purpose: number words ("zwei" / "two", "anderthalb" / "an hour and a half"),
 * Roman numerals, times ("14.30 Uhr") and phone numbers; they are left to the reviewer.
 */
import { formFor, languageProfile, type LanguageProfile } from '../languages/index.js';
import { escapeRegExp, primary } from './text.js';
import { perSegment, translated, type Check, type Finding, type QaSegment } from './types.js';

/** A language by code (its bundled profile), or its profile. */
type Language = string | LanguageProfile;

const profileOf = (language: Language): LanguageProfile => (typeof language === 'string' ? languageProfile(language) : language);

/** What a number is, which decides how the target must write it. */
type NumberKind = 'cardinal' | 'ordinal' | 'day' | 'year';

/** A number found in a text. */
interface FoundNumber {
  /** Canonical value: digits, with "." before decimals ("1000", "3.5"). */
  readonly value: string;
  /** Digits only, for spotting a number written in a foreign form. */
  readonly digits: string;
  readonly kind: NumberKind;
  /** As written, with its ordinal ending. */
  readonly surface: string;
}

/** Month names of a source language as a pattern for the start of a text ("3. September"). */
function monthPattern(months: readonly string[]): RegExp | undefined {
  return months.length === 0 ? undefined : new RegExp(`^(?:${months.map(escapeRegExp).join('|')})\\b`, 'u');
}

/** A run of digits with group separators (three digits after each) and an optional decimal part. */
const NUMBER = /(?<![\p{N}])\d+(?:[.,\u00A0\u202F ]\d{3}(?!\d))*(?:[.,]\d+(?!\d))?/gu;

interface Separators {
  readonly thousands: string;
  readonly decimal: string;
}

/** How sources are read when the source language's file says nothing (German), and targets of a language without one. */
const GERMAN: Separators = { thousands: '.', decimal: ',' };
const NEUTRAL_TARGET: Separators = { thousands: ',', decimal: '.' };

/** The separators of a language's numbers, or undefined when its file has none. */
function separatorsOf(profile: LanguageProfile): Separators | undefined {
  return profile.numbers === undefined ? undefined : { thousands: profile.numbers.groups, decimal: profile.numbers.decimal };
}

/** The value of a number token under a language's separators; undefined when they do not fit. */
function valueOf(token: string, seps: Separators): string | undefined {
  const decimalAt = token.lastIndexOf(seps.decimal);
  const fractionOk = decimalAt !== -1 && !/[^\d]/u.test(token.slice(decimalAt + 1));
  const integer = fractionOk ? token.slice(0, decimalAt) : token;
  const fraction = fractionOk ? token.slice(decimalAt + 1) : '';
  const groups = integer.split(/[^\d]/u);
  const separatorsUsed = integer.replace(/\d/gu, '');
  if ([...separatorsUsed].some((c) => !seps.thousands.includes(c))) return undefined;
  if (groups.slice(1).some((g) => g.length !== 3)) return undefined;
  const whole = groups.join('').replace(/^0+(?=\d)/u, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Numbers of a source sentence (German by default). */
export function sourceNumbers(text: string, source: Language = 'de'): FoundNumber[] {
  const profile = profileOf(source);
  const seps = separatorsOf(profile) ?? GERMAN;
  const months = monthPattern(profile.numbers?.months ?? []);
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    let token = m[0];
    // "2.", "1.000." — a trailing "." was taken for a decimal point only if digits follow.
    const end = (m.index ?? 0) + token.length;
    const after = text.slice(end);
    const value = valueOf(token, seps) ?? token.replace(/\D/gu, '');
    const ordinalDot = /^\.\s+\S/u.test(after);
    let kind: NumberKind = /^\d{4}$/u.test(token) && Number(token) >= 1000 && Number(token) <= 2999 ? 'year' : 'cardinal';
    if (ordinalDot) kind = months?.test(after.replace(/^\.\s+/u, '')) === true ? 'day' : 'ordinal';
    if (ordinalDot) token += '.';
    out.push({ value, digits: value.replace(/\D/gu, ''), kind, surface: token });
  }
  return out;
}

/** The ordinal endings a language's numbers may take, as a pattern; undefined when it names none. */
function ordinalEnding(profile: LanguageProfile): RegExp | undefined {
  const endings = profile.numbers?.ordinalEndings ?? [];
  return endings.length === 0 ? undefined : new RegExp(`^(?:${endings.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
}

/** Writes a value the way a language expects it for a kind (the preferred form, for messages). */
export function expectedForm(value: string, kind: NumberKind, language: Language): string {
  const numbers = profileOf(language).numbers;
  const [whole = value, fraction] = value.split('.');
  const group = (sep: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/gu, sep);
  if (kind === 'year') return whole;
  if (kind === 'ordinal') {
    const form = numbers === undefined ? undefined : formFor(numbers.ordinalForms, whole);
    return form === undefined ? `${whole}.` : whole + (form.accept[0] ?? '');
  }
  if (kind === 'day') {
    const form = numbers === undefined ? undefined : formFor(numbers.dayForms, whole);
    return whole + (form?.accept[0] ?? '');
  }
  if (numbers === undefined) return fraction === undefined ? group(GERMAN.thousands) : `${group(GERMAN.thousands)}${GERMAN.decimal}${fraction}`;
  const plainFour = whole.length === 4 && (numbers.fourDigits === 'plain' || (numbers.fourDigits === 'either' && numbers.preferFourDigits === 'plain'));
  const grouped = plainFour ? whole : group(numbers.groups[0] ?? '');
  return fraction === undefined ? grouped : `${grouped}${numbers.decimal}${fraction}`;
}

/** True when a target surface is an acceptable way to write value/kind in the language. */
function acceptable(surface: string, ending: string, value: string, kind: NumberKind, language: Language): boolean {
  const profile = profileOf(language);
  const numbers = profile.numbers;
  const seps = separatorsOf(profile);
  if (numbers === undefined || seps === undefined) return true;
  const [whole = value] = value.split('.');
  if (kind === 'year') return surface === whole && ending === '';
  if (kind === 'ordinal') {
    if (surface !== whole) return false;
    const form = formFor(numbers.ordinalForms, whole);
    return form === undefined || form.accept.includes(ending);
  }
  if (kind === 'day') {
    if (surface !== whole) return false;
    const form = formFor(numbers.dayForms, whole);
    return form === undefined ? ending === '' : form.accept.includes(ending);
  }
  if (ending !== '') return false;
  // Cardinals and decimals: the separators of the language, groups where they belong.
  if (valueOf(surface, seps) !== value) return false;
  const integerPart = surface.split(seps.decimal)[0] ?? surface;
  const grouped = /[^\d]/u.test(integerPart);
  if (whole.length <= 3) return !grouped;
  if (whole.length > 4) return grouped;
  return numbers.fourDigits === 'either' || (numbers.fourDigits === 'grouped') === grouped;
}

/** Numbers of a target sentence, read with the target language's separators. */
export function targetNumbers(text: string, language: Language): FoundNumber[] {
  const profile = profileOf(language);
  const seps = separatorsOf(profile) ?? NEUTRAL_TARGET;
  const ordinal = ordinalEnding(profile);
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const token = m[0];
    const end = (m.index ?? 0) + token.length;
    const endingMatch = ordinal?.exec(text.slice(end));
    // A German ordinal dot left in the target ("le 10. octobre", "the 80. anniversary"): a full
    // stop followed by a lower-case word ends no sentence in English, French or Spanish.
    const germanDot = endingMatch === null && /^\.\s+\p{Ll}/u.test(text.slice(end));
    const ending = endingMatch?.[0] ?? (germanDot ? '.' : '');
    let value = valueOf(token, seps);
    if (value === undefined) value = token.replace(/\D/gu, '');
    out.push({ value, digits: token.replace(/\D/gu, ''), kind: ending === '' ? 'cardinal' : 'ordinal', surface: token + ending });
  }
  return out;
}

/** Splits a surface into the number and its ordinal ending. */
function split(surface: string): { number: string; ending: string } {
  const m = /^([\d.,\u00A0\u202F ]*\d)(.*)$/u.exec(surface);
  return { number: m?.[1] ?? surface, ending: m?.[2] ?? '' };
}

const KIND_NAME: Readonly<Record<NumberKind, string>> = { cardinal: 'number', ordinal: 'ordinal number', day: 'day of the month', year: 'year' };

/** Compares the numbers of a segment's source and target (languages by code or profile; the source German by default). */
export function compareNumbers(segment: QaSegment & { readonly target: string }, language: Language, sourceLanguage: Language = 'de'): Finding[] {
  const findings: Finding[] = [];
  const source = sourceNumbers(segment.source, sourceLanguage);
  const target = targetNumbers(segment.target, language);
  const used = new Set<number>();
  const unmatched: FoundNumber[] = [];
  // First by value, then, for what is left, by digits (a number left in the German form).
  for (const number of source) {
    const i = target.findIndex((t, j) => !used.has(j) && t.value === number.value);
    if (i === -1) {
      unmatched.push(number);
      continue;
    }
    used.add(i);
    const found = target[i]!;
    const { number: written, ending } = split(found.surface);
    if (!acceptable(written, ending, number.value, number.kind, language)) {
      findings.push(wrongForm(segment, number, found, language));
    }
  }
  for (const number of unmatched) {
    const i = target.findIndex((t, j) => !used.has(j) && t.digits === number.digits);
    if (i !== -1) {
      used.add(i);
      findings.push(wrongForm(segment, number, target[i]!, language));
      continue;
    }
    findings.push({
      segment,
      reason: `the ${KIND_NAME[number.kind]} ${number.surface} of the source is missing from the target`,
      expected: expectedForm(number.value, number.kind, language),
      // No `actual`: nothing was found, and reports already show the target beside the finding.
      hint: 'check that the number was carried over (number words such as "zwei" are not checked)',
    });
  }
  target.forEach((t, j) => {
    if (used.has(j)) return;
    findings.push({
      segment,
      reason: `the target has the number ${t.surface}, which is not in the source`,
      actual: t.surface,
      hint: 'remove it, or accept the finding if the source says it in words',
    });
  });
  return findings;
}

function wrongForm(segment: QaSegment, number: FoundNumber, found: FoundNumber, language: Language): Finding {
  return {
    segment,
    reason: `the ${KIND_NAME[number.kind]} ${number.surface} is not written the ${primary(profileOf(language).code)} way`,
    actual: found.surface,
    expected: expectedForm(number.value, number.kind, language),
    hint: 'write numbers with the target language\'s separators and ordinal endings',
  };
}

export const numbers: Check = {
  id: 'qa/numbers',
  severity: 'error',
  description: 'every number of the source is in the target, in the target language\'s form; none is added',
  run: perSegment((segment, context) => (translated(segment) ? compareNumbers(segment, context.profile, context.sourceProfile) : [])),
};
