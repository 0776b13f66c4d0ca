/**
 * Reading the numbers of a sentence as what they are: a time (`9.30 Uhr`, `10.15pm`, `21 h 15`),
 * a date (`10.09.2025`, `3.10.`, `10 September 2025`, `10/09/2025`), a score (`2:1`, `2-1`), a
 * version (`2.1.3`, `iOS 17.4`), or a number (cardinal, ordinal, year).
 *
 * A piece of text may be read more than one way (`9.30` in an English sentence is 9.3 or half
 * past nine; `3.10.` after "Python" is a version or the 3rd of October): a token keeps every
 * reading, and the check pairs a source token with the target token whose reading agrees.
 *
 * What each language writes is data (`numbers` in `pipeline/languages/<code>.yaml`); this module
 * turns it into patterns.
 * Ranges (`vom 10. bis 12. September`, `from 9 to 5pm`, `du 10 au 12 septembre`) give the bare
 * first end the month, year or half of the day of the second.
 */
import { languageProfile, type FormPattern, type LanguageProfile, type NumberConventions as NumberFacts } from '../languages/index.js';
import { escapeRegExp } from './text.js';

/** What a number is, which decides how the target must write it. */
export type NumberKind = 'cardinal' | 'ordinal' | 'day' | 'year' | 'time' | 'date' | 'score' | 'version';

/** One way of reading a token: `number` values are compared with the number rules of the check. */
export interface Reading {
  readonly kind: 'number' | 'time' | 'date' | 'score' | 'version';
  /**
   * Canonical value: a number "1000" or "3.5"; a time "09:30"; a date "2025-09-10", or
   * "--10-03" without a year; a score "2:1"; a version "2.1.3".
   */
  readonly value: string;
  /** False when the text is read but written in another language's form (`10.09.2025` in English). */
  readonly own: boolean;
}

/** A number, time, date, score or version found in a text. */
export interface FoundNumber {
  /** Canonical value of the main reading. */
  readonly value: string;
  /** Digits only, for spotting a number written in a foreign form. */
  readonly digits: string;
  /** What the token is first of all (for messages and the expected form). */
  readonly kind: NumberKind;
  /** As written (with an ordinal ending; with `Uhr`, `am`, the month name). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Every way the token may be read, the main one first. */
  readonly readings: readonly Reading[];
  /** A word without digits (`noon`, `midi`): never reported as added to a target. */
  readonly wordOnly?: boolean;
}

/** Options of `readTokens`. */
export interface TokenOptions {
  /** Read scores (`2-1`) in a target: only when the source has one, since `2-3 days` is a range. */
  readonly scores?: boolean;
  /** Read `2,1` as a version written in the wrong form too: only when the source has a version. */
  readonly versions?: boolean;
}

/** A run of digits with group separators (three digits after each) and an optional decimal part. */
const NUMBER = /(?<![\p{N}])\d+(?:[.,\u00A0\u202F ]\d{3}(?!\d))*(?:[.,]\d+(?!\d))?/gu;

/** The value of a number token under a language's separators; undefined when they do not fit. */
export function valueOf(token: string, facts: Pick<NumberFacts, 'thousands' | 'decimal'>): string | undefined {
  const decimalAt = token.lastIndexOf(facts.decimal);
  const fractionOk = decimalAt !== -1 && !/[^\d]/u.test(token.slice(decimalAt + 1));
  const integer = fractionOk ? token.slice(0, decimalAt) : token;
  const fraction = fractionOk ? token.slice(decimalAt + 1) : '';
  const groups = integer.split(/[^\d]/u);
  const separatorsUsed = integer.replace(/\d/gu, '');
  if ([...separatorsUsed].some((c) => !facts.thousands.includes(c))) return undefined;
  if (groups.slice(1).some((g) => g.length !== 3)) return undefined;
  const whole = groups.join('').replace(/^0+(?=\d)/u, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** A language's number conventions: its profile's (by code, the bundled one), undefined when its file has none. */
export function factsFor(language: string | LanguageProfile): NumberFacts | undefined {
  return (typeof language === 'string' ? languageProfile(language) : language).numbers;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "HH:MM" for a time of day, or undefined when it is none (25.70). 24:00 is midnight. */
export function clockValue(hour: number, minute: number): string | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 24 || minute < 0 || minute > 59) return undefined;
  if (hour === 24 && minute !== 0) return undefined;
  return `${pad(hour % 24)}:${pad(minute)}`;
}

/** "YYYY-MM-DD", or "--MM-DD" without a year; undefined for an impossible date. */
export function dateValue(day: number, month: number, year: number | undefined): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1)) return undefined;
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate(); // 2024: a leap year allows 29 February
  if (day > days) return undefined;
  return `${year === undefined ? '-' : String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00–69 are this century, 70–99 the last. */
function fullYear(short: string): number {
  const n = Number(short);
  return n < 70 ? 2000 + n : 1900 + n;
}

// ---------------------------------------------------------------------------------------------
// Patterns from the facts

interface Compiled {
  readonly regex: RegExp;
  readonly kind: 'time' | 'date' | 'score';
  readonly own: boolean;
  readonly clock: '24' | '12' | 'either';
}

interface LanguagePatterns {
  readonly facts: NumberFacts;
  readonly times: readonly Compiled[];
  readonly dates: readonly Compiled[];
  readonly scores: readonly Compiled[];
  readonly monthOf: ReadonlyMap<string, number>;
  readonly am: ReadonlySet<string>;
  readonly noonWords: RegExp | undefined;
  /** The same words without the checks around them: a quick test whether a text has any. */
  readonly noonQuick: RegExp | undefined;
  readonly timeCues: RegExp | undefined;
  readonly versionCue: RegExp | undefined;
  /** Ranges: the bare first end before a connector, and an English `March 1–3` tail. */
  readonly dateHead: RegExp;
  readonly timeHead: RegExp;
  readonly connectorAtEnd: RegExp;
  readonly dateTail: RegExp;
  /** Numbers: an ordinal ending after the digits; a month name after a German ordinal dot. */
  readonly ordinalEnding: RegExp;
  readonly monthStart: RegExp;
}

const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /gu, '\\s*')).join('|');

/** A word alternative: letters at its ends may not run into more letters. */
const wordAlternation = (words: readonly string[]): string => `(?:${alternation(words)})(?![\\p{L}])`;

function compile(facts: NumberFacts, list: readonly FormPattern[], kind: Compiled['kind']): Compiled[] {
  const months = facts.months.flat();
  const fill: Record<string, string> = {
    hour: '(?<hour>\\d{1,2})',
    minute: '(?<minute>\\d{2})',
    period: `(?:(?<am>${alternation(facts.am)})|(?<pm>${alternation(facts.pm)}))(?![\\p{L}])`,
    day: '(?<day>1er|\\d{1,2})',
    month: `(?<month>${alternation(months)})(?![\\p{L}])`,
    nmonth: '(?<nmonth>\\d{1,2})',
    year: '(?<year>\\d{4})',
    year2: '(?<year2>\\d{2})',
    a: '(?<a>\\d{1,3})',
    b: '(?<b>\\d{1,3})',
  };
  return list.map((p) => {
    const body = p.pattern.replace(/\{(\w+)\}/gu, (whole, name: string) => fill[name] ?? whole);
    // A pattern that starts with digits is tried only where a digit is: the lookbehinds are
    // costly at every position of a long sentence.
    const firstLetters = [...new Set(months.map((m) => m.charAt(0).toLowerCase()))].map(escapeRegExp).join('');
    const digitFirst = /^\{(?:hour|day|nmonth|year|a)\}/u.test(p.pattern) ? '(?=\\d)' : p.pattern.startsWith('{month}') ? `(?=[${firstLetters}])` : '';
    return {
      regex: new RegExp(`${digitFirst}(?<![\\p{L}\\p{N}])(?<![\\p{N}][.,:])(?:${body})(?![\\p{L}\\p{N}])(?![.,:]\\d)`, 'giu'),
      kind,
      own: p.form !== 'foreign',
      clock: p.clock ?? '24',
    };
  });
}

/** Compiled once per set of conventions (a language profile's `numbers`). */
const PATTERNS = new WeakMap<NumberFacts, LanguagePatterns>();

function patternsFor(language: string | LanguageProfile): LanguagePatterns | undefined {
  const facts = factsFor(language);
  if (facts === undefined) return undefined;
  const cached = PATTERNS.get(facts);
  if (cached !== undefined) return cached;
  const monthOf = new Map<string, number>();
  facts.months.forEach((names, i) => names.forEach((n) => monthOf.set(n.toLowerCase().replace(/\.$/u, ''), i + 1)));
  const noon = [...facts.noon, ...facts.midnight];
  const connectors = alternation(facts.rangeConnectors);
  const articles = facts.rangeArticles.length === 0 ? '' : `(?:(?:${alternation(facts.rangeArticles)})\\s+)?`;
  const connector = `\\s*(?:${connectors})\\s*${articles}$`;
  const patterns: LanguagePatterns = {
    facts,
    times: compile(facts, facts.times, 'time'),
    dates: compile(facts, facts.dates, 'date'),
    scores: compile(facts, facts.scores, 'score'),
    monthOf,
    am: new Set(facts.am.map((w) => w.toLowerCase().replace(/\s+/gu, ''))),
    noonQuick: noon.length === 0 ? undefined : new RegExp(alternation(noon), 'iu'),
    noonWords: noon.length === 0 ? undefined : new RegExp(`(?<![\\p{L}])(?:12\\s*)?(?<word>${wordAlternation(noon)})`, 'giu'),
    timeCues: facts.timeCues === undefined ? undefined : new RegExp(`(?<![\\p{L}])(?:${alternation(facts.timeCues)})\\s+$`, 'iu'),
    versionCue: facts.versionCues === undefined ? undefined : new RegExp(`(?<![\\p{L}])(?:${alternation(facts.versionCues)})[\\s-]*$`, 'u'),
    dateHead: new RegExp(`(?<![\\p{L}\\p{N}.,])(?<day>1er|\\d{1,2})(?:\\.|er|st|nd|rd|th|\\.?º)?${connector}`, 'iu'),
    timeHead: new RegExp(`(?<![\\p{L}\\p{N}.,])(?<hour>\\d{1,2})(?:[.:](?<minute>\\d{2}))?${connector}`, 'iu'),
    connectorAtEnd: new RegExp(connector, 'iu'),
    dateTail: new RegExp(`^\\s*(?:${connectors})\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?(?![\\p{L}\\p{N}])`, 'iu'),
    ordinalEnding: new RegExp(`^(?:${alternation(facts.ordinalEndings)})(?![\\p{L}])`, 'u'),
    monthStart: new RegExp(`^(?:${alternation(facts.months.flat())})(?![\\p{L}])`, 'iu'),
  };
  PATTERNS.set(facts, patterns);
  return patterns;
}

// ---------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  start: number;
  end: number;
  kind: NumberKind;
  readings: Reading[];
  /** Lower wins between candidates of the same span. */
  priority: number;
  wordOnly?: boolean;
  /** Dates: day, month, year as read, for ranges. */
  date?: { day: number; month: number; year: number | undefined; monthFirst: boolean };
  /** Times: the half of the day given by a 12-hour marker, for ranges. */
  time?: { hour: number; period: 'am' | 'pm' | undefined };
}

const PRIORITY = { time: 1, date: 2, score: 3, version: 4, number: 5 } as const;

function timeCandidates(text: string, p: LanguagePatterns, out: Candidate[]): void {
  for (const compiled of p.times) {
    for (const m of text.matchAll(compiled.regex)) {
      const g = m.groups ?? {};
      const hour = Number(g.hour);
      const minute = g.minute === undefined ? 0 : Number(g.minute);
      const period = g.am !== undefined ? 'am' : g.pm !== undefined ? 'pm' : undefined;
      const values: string[] = [];
      if (period !== undefined) {
        if (hour < 1 || hour > 12) continue;
        values.push(clockValue((hour % 12) + (period === 'pm' ? 12 : 0), minute) ?? '');
      } else {
        values.push(clockValue(hour, minute) ?? '');
        if (compiled.clock === 'either' && hour >= 1 && hour < 12) values.push(clockValue(hour + 12, minute) ?? '');
      }
      if (values.some((v) => v === '')) continue;
      const start = m.index ?? 0;
      out.push({
        start,
        end: start + m[0].length,
        kind: 'time',
        readings: values.map((value) => ({ kind: 'time', value, own: compiled.own })),
        priority: PRIORITY.time,
        time: { hour, period },
      });
    }
  }
  // Colons: every language reads 9:30 and 22:15 as a time of day.
  for (const m of text.matchAll(/(?=\d)(?<![\p{L}\p{N}])(?<![\p{N}][.,:])(\d{1,2}):(\d{2})(?![\p{N}])(?!:\d)/gu)) {
    const value = clockValue(Number(m[1]), Number(m[2]));
    if (value === undefined) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, kind: 'time', readings: [{ kind: 'time', value, own: true }], priority: PRIORITY.time, time: { hour: Number(m[1]), period: undefined } });
  }
  if (p.noonWords !== undefined) {
    const noon = new Set(p.facts.noon.map((w) => w.toLowerCase()));
    for (const m of text.matchAll(p.noonWords)) {
      const start = m.index ?? 0;
      const value = noon.has((m.groups?.word ?? '').toLowerCase()) ? '12:00' : '00:00';
      out.push({ start, end: start + m[0].length, kind: 'time', readings: [{ kind: 'time', value, own: true }], priority: PRIORITY.time, wordOnly: !/\d/u.test(m[0]) });
    }
  }
}

function dateCandidates(text: string, p: LanguagePatterns, out: Candidate[]): void {
  for (const compiled of p.dates) {
    for (const m of text.matchAll(compiled.regex)) {
      const g = m.groups ?? {};
      const day = g.day === '1er' ? 1 : Number(g.day);
      const month = g.month !== undefined ? p.monthOf.get(g.month.toLowerCase().replace(/\.$/u, '')) : Number(g.nmonth);
      const year = g.year !== undefined ? Number(g.year) : g.year2 !== undefined ? fullYear(g.year2) : undefined;
      const value = month === undefined ? undefined : dateValue(day, month, year);
      if (value === undefined || month === undefined) continue;
      const start = m.index ?? 0;
      const monthFirst = g.month !== undefined && m[0].toLowerCase().indexOf(g.month.toLowerCase()) < m[0].indexOf(g.day ?? '');
      out.push({
        start,
        end: start + m[0].length,
        kind: 'date',
        readings: [{ kind: 'date', value, own: compiled.own }],
        priority: PRIORITY.date,
        date: { day, month, year, monthFirst },
      });
    }
  }
  // ISO 8601 is read in every language.
  for (const m of text.matchAll(/(?=\d)(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu)) {
    const value = dateValue(Number(m[3]), Number(m[2]), Number(m[1]));
    if (value === undefined) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, kind: 'date', readings: [{ kind: 'date', value, own: true }], priority: PRIORITY.date });
  }
}

function scoreCandidates(text: string, p: LanguagePatterns, out: Candidate[]): void {
  for (const compiled of p.scores) {
    for (const m of text.matchAll(compiled.regex)) {
      const a = Number(m.groups?.a);
      const b = Number(m.groups?.b);
      const start = m.index ?? 0;
      const readings: Reading[] = [{ kind: 'score', value: `${a}:${b}`, own: compiled.own }];
      out.push({ start, end: start + m[0].length, kind: 'score', readings, priority: PRIORITY.score });
    }
  }
}

/**
 * Dotted numbers that are no number of the language: `2.1`, `17.4`, `128.0.3` (a German or
 * Spanish `1.000` is a thousand: it stays a number; an English `3.5` is read both ways). When
 * the source has a version, a comma number also gets a foreign version reading, so that a
 * version written `2,1` is reported as a version in the wrong form.
 */
function versionCandidates(text: string, p: LanguagePatterns, isSource: boolean, withCommas: boolean, out: Candidate[]): void {
  for (const m of text.matchAll(/(?=[\dvV])(?<![\p{L}\p{N}.,])(?:v|V)?(\d+(?:\.\d+)+)(?![\p{N}])(?!\.\d)/gu)) {
    const start = m.index ?? 0;
    const value = m[1] ?? '';
    const parts = value.split('.');
    const cued = p.versionCue?.test(text.slice(Math.max(0, start - 40), start)) === true || /^[vV]/u.test(m[0]);
    const thousands = p.facts.thousands.includes('.') && parts.slice(1).every((x) => x.length === 3);
    if (thousands && !cued) continue;
    const readings: Reading[] = [];
    const asNumber = cued ? undefined : valueOf(value, p.facts);
    if (asNumber !== undefined) readings.push({ kind: 'number', value: asNumber, own: true });
    readings.push({ kind: 'version', value, own: true });
    // `9.30` in a German sentence without a unit may be a time (`… beginnt 9.30 …`).
    const [hour, minute] = parts;
    const clock = isSource && parts.length === 2 && minute?.length === 2 ? clockValue(Number(hour), Number(minute)) : undefined;
    if (clock !== undefined) readings.push({ kind: 'time', value: clock, own: true });
    const kind: NumberKind = asNumber !== undefined ? 'cardinal' : 'version';
    out.push({ start, end: start + m[0].length, kind, readings, priority: cued ? 0 : asNumber !== undefined ? PRIORITY.number : PRIORITY.version });
  }
  if (!withCommas) return;
  for (const m of text.matchAll(/(?=\d)(?<![\p{L}\p{N}.,])(\d+),(\d+)(?![\p{N}])(?![.,]\d)/gu)) {
    const start = m.index ?? 0;
    const asNumber = valueOf(m[0], p.facts);
    const readings: Reading[] = asNumber === undefined ? [] : [{ kind: 'number', value: asNumber, own: true }];
    readings.push({ kind: 'version', value: `${m[1]}.${m[2]}`, own: false });
    out.push({ start, end: start + m[0].length, kind: 'cardinal', readings, priority: PRIORITY.number });
  }
}

/** German sources: `um 9.30` (a cue word, no unit) is a time. */
function cuedTimeCandidates(text: string, p: LanguagePatterns, out: Candidate[]): void {
  if (p.timeCues === undefined) return;
  for (const m of text.matchAll(/(?=\d)(?<![\p{L}\p{N}.,])(\d{1,2})[.:](\d{2})(?![\p{N}])(?![.,:]\d)/gu)) {
    const start = m.index ?? 0;
    if (!p.timeCues.test(text.slice(Math.max(0, start - 20), start))) continue;
    const value = clockValue(Number(m[1]), Number(m[2]));
    if (value === undefined) continue;
    out.push({ start, end: start + m[0].length, kind: 'time', readings: [{ kind: 'time', value, own: true }], priority: PRIORITY.time, time: { hour: Number(m[1]), period: undefined } });
  }
}

/** `2020–24`: the second year written with two digits. */
function yearRangeCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(/(?=\d)(?<![\p{L}\p{N}])((?:1[5-9]|20)\d\d)\s?[–-]\s?(\d{2})(?![\p{N}])(?![.,]\d)/gu)) {
    const start = m.index ?? 0;
    const first = m[1] ?? '';
    const second = `${first.slice(0, 2)}${m[2] ?? ''}`;
    if (Number(second) <= Number(first)) continue;
    out.push({ start, end: start + first.length, kind: 'year', readings: [{ kind: 'number', value: first, own: true }], priority: PRIORITY.number });
    out.push({ start: start + m[0].length - 2, end: start + m[0].length, kind: 'year', readings: [{ kind: 'number', value: second, own: true }], priority: PRIORITY.number });
  }
}

/**
 * Chooses among overlapping candidates: the earliest start, then the longest, then the lowest
 * priority. Candidates that start at the same place and end at most one character earlier (a
 * trailing full stop) add their readings to the chosen one.
 */
function choose(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.priority - b.priority);
  const chosen: Candidate[] = [];
  let coveredTo = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.start < coveredTo) continue;
    const merged: Candidate = { ...c, readings: [...c.readings] };
    const sameStart = candidates.filter((o) => o !== c && o.start === c.start && o.end >= c.end - 1);
    sameStart.sort((a, b) => a.priority - b.priority);
    const best = [c, ...sameStart].reduce((a, b) => (b.priority < a.priority ? b : a));
    if (best !== c) {
      merged.kind = best.kind;
      merged.readings = [...best.readings, ...c.readings];
      if (best.date !== undefined) merged.date = best.date;
      if (best.time !== undefined) merged.time = best.time;
    }
    // A text read in another language's form (`10.09.2025` in English) is that, whatever else the
    // same characters could be: its other readings must not excuse it.
    const foreign = best.readings.every((r) => !r.own);
    for (const o of foreign ? [] : sameStart) {
      if (o === best) continue;
      for (const r of o.readings) if (!merged.readings.some((x) => x.kind === r.kind && x.value === r.value)) merged.readings.push(r);
      merged.date ??= o.date;
      merged.time ??= o.time;
    }
    chosen.push(merged);
    coveredTo = c.end;
  }
  return chosen;
}

/**
 * Ranges: a bare number before a connector and a date or time takes what it leaves out from the
 * second end (`10. bis 12. September`, `9 to 5pm`, `de 9 à 17 heures`); an English
 * `March 1–3, 2025` gives its month to the second end and its year to both.
 */
function rangeEnds(text: string, p: LanguagePatterns, chosen: Candidate[]): Candidate[] {
  const added: Candidate[] = [];
  const { dateHead, timeHead, dateTail } = p;
  chosen.forEach((c, i) => {
    const previousEnd = i === 0 ? 0 : chosen[i - 1]!.end;
    const before = text.slice(previousEnd, c.start);
    if (c.date !== undefined) {
      const m = dateHead.exec(before);
      const day = m?.groups?.day === '1er' ? 1 : Number(m?.groups?.day);
      const value = m === null ? undefined : dateValue(day, c.date.month, c.date.year);
      if (m !== null && value !== undefined && day < c.date.day) {
        const start = previousEnd + m.index;
        added.push({ start, end: start + (m.groups?.day ?? '').length, kind: 'date', readings: [{ kind: 'date', value, own: true }], priority: PRIORITY.date });
      }
      const nextStart = chosen[i + 1]?.start ?? text.length;
      const tail = c.date.monthFirst && c.date.year === undefined ? dateTail.exec(text.slice(c.end, nextStart)) : null;
      const tailDay = Number(tail?.groups?.day);
      const year = tail?.groups?.year === undefined ? undefined : Number(tail.groups.year);
      const tailValue = tail === null ? undefined : dateValue(tailDay, c.date.month, year);
      if (tail !== null && tailValue !== undefined) {
        const start = c.end + tail[0].indexOf(tail.groups?.day ?? '');
        added.push({ start, end: c.end + tail[0].length, kind: 'date', readings: [{ kind: 'date', value: tailValue, own: true }], priority: PRIORITY.date });
        const withYear = dateValue(c.date.day, c.date.month, year);
        if (withYear !== undefined) c.readings = [{ kind: 'date', value: withYear, own: c.readings[0]?.own ?? true }, ...c.readings];
      }
    }
    if (c.time !== undefined && c.kind === 'time') {
      const m = timeHead.exec(before);
      if (m === null) return;
      const hour = Number(m.groups?.hour);
      const minute = m.groups?.minute === undefined ? 0 : Number(m.groups.minute);
      // "9–11am" is all morning; "9 to 5pm" runs from the morning into the afternoon.
      let period = c.time.period;
      if (period !== undefined && hour > (c.time.hour % 12 === 0 ? 12 : c.time.hour)) period = period === 'pm' ? 'am' : 'pm';
      if (period !== undefined && (hour < 1 || hour > 12)) period = undefined;
      const value = period === undefined ? clockValue(hour, minute) : clockValue((hour % 12) + (period === 'pm' ? 12 : 0), minute);
      if (value === undefined) return;
      const start = previousEnd + m.index;
      const written = m[0].replace(p.connectorAtEnd, '');
      const readings: Reading[] = [{ kind: 'time', value, own: true }];
      if (minute === 0) readings.push({ kind: 'number', value: String(hour), own: true });
      added.push({ start, end: start + written.length, kind: 'time', readings, priority: PRIORITY.time });
    }
  });
  return added;
}

/** Plain numbers in the text outside the tokens already found. */
function numberTokens(text: string, p: LanguagePatterns, isSource: boolean, covered: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { facts, ordinalEnding: ordinal, monthStart: months } = p;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const token = m[0];
    if (covered.some((c) => start < c.end && start + token.length > c.start)) continue;
    const after = text.slice(start + token.length);
    const value = valueOf(token, facts) ?? token.replace(/\D/gu, '');
    let kind: NumberKind = 'cardinal';
    let end = start + token.length;
    if (isSource) {
      if (/^\d{4}$/u.test(token) && Number(token) >= 1000 && Number(token) <= 2999) kind = 'year';
      // "80." followed by more words is an ordinal; "2024." at a sentence end is not.
      if (/^\.\s+\S/u.test(after)) {
        kind = months.test(after.replace(/^\.\s+/u, '')) ? 'day' : 'ordinal';
        end += 1;
      }
    } else {
      const ending = ordinal.exec(after)?.[0];
      // A German ordinal dot left in the target ("le 10. octobre", "the 80. anniversary"): a full
      // stop followed by a lower-case word ends no sentence in English, French or Spanish.
      const germanDot = ending === undefined && /^\.\s+\p{Ll}/u.test(after);
      if (ending !== undefined || germanDot) {
        kind = 'ordinal';
        end += ending?.length ?? 1;
      }
    }
    out.push({ start, end, kind, readings: [{ kind: 'number', value, own: true }], priority: PRIORITY.number });
  }
  return out;
}

/**
 * The tokens of a text in a language. The source language (German) reads `9.30 Uhr`, `um 9.30`,
 * `10.09.2025`, `3.10.`, `3. Oktober 2025`, `2:1`, `Version 2.1`; a target language reads its own
 * forms (and some foreign ones, to report them as written in the wrong form).
 */
export function readTokens(text: string, language: string | LanguageProfile, options: TokenOptions = {}): FoundNumber[] {
  const p = patternsFor(language) ?? patternsFor('en')!;
  const isSource = p.timeCues !== undefined;
  const candidates: Candidate[] = [];
  // Most sentences have no digit: then only a word such as "noon" can be a token.
  if (!/\d/u.test(text) && (p.noonQuick === undefined || !p.noonQuick.test(text))) return [];
  timeCandidates(text, p, candidates);
  cuedTimeCandidates(text, p, candidates);
  dateCandidates(text, p, candidates);
  if (isSource || options.scores === true) scoreCandidates(text, p, candidates);
  versionCandidates(text, p, isSource, options.versions === true, candidates);
  if (!isSource) yearRangeCandidates(text, candidates);
  let chosen = choose(candidates);
  const ends = rangeEnds(text, p, chosen);
  if (ends.length > 0) chosen = choose([...chosen, ...ends]);
  const numbers = numberTokens(text, p, isSource, chosen);
  const all = [...chosen, ...numbers].sort((a, b) => a.start - b.start);
  return all.map((c) => {
    const surface = text.slice(c.start, c.end);
    const readings = [...c.readings];
    // A time with a single number in it may stand for that number ("20 h" of work, "9 Uhr").
    const single = c.kind === 'time' ? /^\D*?(\d+)\D*$/u.exec(surface) : null;
    if (single !== null && !readings.some((r) => r.kind === 'number')) readings.push({ kind: 'number', value: String(Number(single[1])), own: true });
    const main = readings[0]!;
    return {
      value: main.value,
      digits: surface.replace(/\D/gu, ''),
      kind: c.kind,
      surface,
      start: c.start,
      end: c.end,
      readings,
      ...(c.wordOnly === true ? { wordOnly: true } : {}),
    };
  });
}
