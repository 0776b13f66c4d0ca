/**
 * What `qa/numbers` knows about how each language writes numbers, times, dates and scores: data
 * only (strings and lists, no code), kept apart from the check so that it can move into the
 * per-language data files (`pipeline/languages/<lang>.yaml`) as it is.
 *
 * Patterns are JavaScript regular expressions (flag `u`, case-insensitive) with placeholders that
 * `number-tokens.ts` fills in:
 *
 * - `{hour}` 1–2 digits, `{minute}` 2 digits, `{period}` one of `am` / `pm` (a 12-hour clock);
 * - `{day}` 1–2 digits (French `1er` too), `{month}` a month name of `months`, `{nmonth}` a month
 *   as 1–2 digits, `{year}` 4 digits, `{year2}` 2 digits;
 * - `{a}`, `{b}` the two sides of a score.
 *
 * `form: 'foreign'` marks a way of writing that is read (so the value is compared) but is not the
 * language's own form: a German `10.09.2025` left in an English text is a date in the wrong form,
 * not a missing date.
 */

/** A pattern and whether it is the language's own way of writing. */
export interface FormPattern {
  readonly pattern: string;
  /** 'own' (default) or 'foreign' (read, then reported as written in another language's form). */
  readonly form?: 'own' | 'foreign';
  /**
   * Times only: how the hour is read. '24' (default) as written; '12' with `{period}`; 'either'
   * both halves of the day (`9 o'clock`).
   */
  readonly clock?: '24' | '12' | 'either';
}

/** How one language writes numbers, times, dates and scores. */
export interface NumberFacts {
  /** Characters that group thousands (`1,000`; `1 000`). */
  readonly thousands: string;
  /** The decimal separator. */
  readonly decimal: string;
  /** Endings of ordinal numbers after the digits (`80th`, `80e`, `80.º`). */
  readonly ordinalEndings: readonly string[];
  /** Month names, January first; each month's preferred name first, then other names and abbreviations. */
  readonly months: readonly (readonly string[])[];
  /** Words after a 12-hour time: before noon, after noon (`am`, `in the evening`, `de la tarde`). */
  readonly am: readonly string[];
  readonly pm: readonly string[];
  /** Words that stand for 12:00 and 0:00. */
  readonly noon: readonly string[];
  readonly midnight: readonly string[];
  /** How a time is written (in addition to `H:MM`, which every language reads). */
  readonly times: readonly FormPattern[];
  /** How a date is written (in addition to ISO `2025-09-10`, which every language reads). */
  readonly dates: readonly FormPattern[];
  /** How a score or result is written (`2-1`, `2 à 1`). */
  readonly scores: readonly FormPattern[];
  /** Words or signs between the two ends of a range (`10 to 12 September`, `de 9 à 17 h`). */
  readonly rangeConnectors: readonly string[];
  /** Words that may follow a range connector before the second end (`de las 9 a las 17 h`). */
  readonly rangeArticles: readonly string[];
  /** Source language only: words after which `9.30` is a time (`um 9.30`). */
  readonly timeCues?: readonly string[];
  /** Source language only: words after which a dotted number is a version (`Version 2.1`). */
  readonly versionCues?: readonly string[];
}

const DASHES = ['–', '—', '-'];

/** The languages `qa/numbers` reads: German sources, English, French and Spanish targets. */
export const NUMBER_FACTS: Readonly<Record<string, NumberFacts>> = {
  de: {
    thousands: '.',
    decimal: ',',
    ordinalEndings: ['.'],
    months: [
      ['Januar', 'Jänner', 'Jan.'], ['Februar', 'Feber', 'Febr.', 'Feb.'], ['März', 'Mär.', 'Mrz.'], ['April', 'Apr.'], ['Mai'], ['Juni', 'Jun.'],
      ['Juli', 'Jul.'], ['August', 'Aug.'], ['September', 'Sept.', 'Sep.'], ['Oktober', 'Okt.'], ['November', 'Nov.'], ['Dezember', 'Dez.'],
    ],
    am: ['morgens', 'früh', 'vormittags'],
    // Not "nachts": 2 Uhr nachts is 2:00, 11 Uhr nachts 23:00.
    pm: ['nachmittags', 'abends'],
    noon: ['Mittag'],
    midnight: ['Mitternacht'],
    times: [
      { pattern: '{hour}(?:[.:]{minute})?\\s*Uhr\\s+{period}', clock: '12' },
      { pattern: '{hour}(?:[.:]{minute})?\\s*Uhr' },
    ],
    dates: [
      { pattern: '{day}\\.\\s?{nmonth}\\.\\s?(?:{year}|{year2})' },
      { pattern: '{day}\\.{nmonth}\\.' },
      { pattern: '{day}\\.\\s*{month}(?:\\s+{year})?' },
    ],
    scores: [{ pattern: '{a}:{b}' }],
    rangeConnectors: [...DASHES, 'bis', 'und'],
    rangeArticles: [],
    timeCues: ['um', 'gegen', 'ab', 'bis', 'seit', 'vor', 'nach', 'zwischen', 'von'],
    versionCues: ['Version', 'Versionen', 'Update', 'Release', 'Build', 'Firmware', 'Python', 'iOS', 'Android', 'macOS', 'Windows'],
  },
  en: {
    thousands: ',',
    decimal: '.',
    ordinalEndings: ['st', 'nd', 'rd', 'th'],
    months: [
      ['January', 'Jan'], ['February', 'Feb'], ['March', 'Mar'], ['April', 'Apr'], ['May'], ['June', 'Jun'],
      ['July', 'Jul'], ['August', 'Aug'], ['September', 'Sept', 'Sep'], ['October', 'Oct'], ['November', 'Nov'], ['December', 'Dec'],
    ],
    am: ['a.m.', 'a. m.', 'am', 'in the morning'],
    pm: ['p.m.', 'p. m.', 'pm', 'in the afternoon', 'in the evening', 'at night', 'tonight'],
    noon: ['noon', 'midday'],
    midnight: ['midnight'],
    times: [
      { pattern: '{hour}(?:[.:]{minute})?\\s*{period}', clock: '12' },
      { pattern: '{hour}\\.{minute}' },
      { pattern: '{hour}\\s+o[\'’]clock', clock: 'either' },
    ],
    dates: [
      { pattern: '{day}(?:st|nd|rd|th)?(?:\\s+of)?\\s+{month}\\.?(?:,?\\s+{year})?' },
      { pattern: '{month}\\.?\\s+{day}(?:st|nd|rd|th)?(?:,?\\s+{year})?' },
      // Numeric dates: British day/month/year and American month/day/year are both English.
      { pattern: '{day}/{nmonth}/(?:{year}|{year2})' },
      { pattern: '{nmonth}/{day}/(?:{year}|{year2})' },
      // A German date left as it was; with its year only: "USB 3.2." ends a sentence.
      { pattern: '{day}\\.{nmonth}\\.(?:{year}|{year2})', form: 'foreign' },
    ],
    scores: [{ pattern: '{a}\\s?[-–:]\\s?{b}' }],
    rangeConnectors: [...DASHES, 'to', 'and', 'until', 'till', 'through'],
    rangeArticles: ['the'],
  },
  fr: {
    thousands: '\u00A0\u202F',
    decimal: ',',
    ordinalEndings: ['er', 're', 'ère', 'e', 'ᵉ', 'ème', 'eme'],
    months: [
      ['janvier', 'janv.'], ['février', 'févr.'], ['mars'], ['avril', 'avr.'], ['mai'], ['juin'],
      ['juillet', 'juil.'], ['août'], ['septembre', 'sept.'], ['octobre', 'oct.'], ['novembre', 'nov.'], ['décembre', 'déc.'],
    ],
    am: ['du matin'],
    pm: ['de l’après-midi', 'de l\'après-midi', 'du soir'],
    noon: ['midi'],
    midnight: ['minuit'],
    times: [
      { pattern: '{hour}\\s?h(?:\\s?{minute})?\\s*{period}', clock: '12' },
      { pattern: '{hour}\\s?h(?:\\s?{minute})?' },
      { pattern: '{hour}\\s+heures?(?:\\s+{minute})?\\s*{period}', clock: '12' },
      { pattern: '{hour}\\s+heures?(?:\\s+{minute})?' },
      { pattern: '{hour}\\.{minute}', form: 'foreign' },
    ],
    dates: [
      { pattern: '{day}\\s+{month}(?:\\s+{year})?' },
      { pattern: '{day}/{nmonth}/(?:{year}|{year2})' },
      { pattern: '{day}\\.\\s+{month}(?:\\s+{year})?', form: 'foreign' },
      { pattern: '{day}\\.{nmonth}\\.(?:{year}|{year2})', form: 'foreign' },
    ],
    scores: [{ pattern: '{a}\\s?[-–:]\\s?{b}' }, { pattern: '{a}\\s+à\\s+{b}' }],
    rangeConnectors: [...DASHES, 'au', 'à', 'et'],
    rangeArticles: ['le'],
  },
  es: {
    thousands: '.\u00A0\u202F',
    decimal: ',',
    ordinalEndings: ['.º', '.ª', 'º', 'ª', '.°', '°', 'o', 'a'],
    months: [
      ['enero', 'ene.'], ['febrero', 'feb.'], ['marzo', 'mar.'], ['abril', 'abr.'], ['mayo', 'may.'], ['junio', 'jun.'],
      ['julio', 'jul.'], ['agosto', 'ago.'], ['septiembre', 'setiembre', 'sept.', 'sep.'], ['octubre', 'oct.'], ['noviembre', 'nov.'], ['diciembre', 'dic.'],
    ],
    am: ['a. m.', 'a.m.', 'am', 'de la mañana', 'de la madrugada'],
    pm: ['p. m.', 'p.m.', 'pm', 'de la tarde', 'de la noche'],
    noon: ['mediodía'],
    midnight: ['medianoche'],
    times: [
      { pattern: '{hour}(?:[.:]{minute})?\\s*{period}', clock: '12' },
      { pattern: '{hour}(?:[.:]{minute})?\\s*(?:h|horas|hs|hrs)\\.?(?![\\p{L}])' },
      { pattern: '{hour}\\.{minute}' },
    ],
    dates: [
      { pattern: '{day}(?:\\.?º)?\\s+de\\s+{month}(?:\\s+del?\\s+{year})?' },
      { pattern: '{day}/{nmonth}/(?:{year}|{year2})' },
      // The Real Academia accepts full stops and hyphens between the numbers of a date.
      { pattern: '{day}[.-]{nmonth}[.-](?:{year}|{year2})' },
      { pattern: '{day}\\.\\s+(?:de\\s+)?{month}(?:\\s+del?\\s+{year})?', form: 'foreign' },
    ],
    scores: [{ pattern: '{a}\\s?[-–:]\\s?{b}' }, { pattern: '{a}\\s+a\\s+{b}' }],
    rangeConnectors: [...DASHES, 'al', 'a', 'y', 'hasta'],
    rangeArticles: ['las', 'la', 'el'],
  },
};
