/**
 * Languages as data: what the quality checks know about a language (its quotation marks, how it
 * writes numbers, spacing before punctuation, the usual length of a translation, words it doubles
 * on purpose, how its words inflect) is one YAML file per language, `pipeline/languages/<code>.yaml`
 * (or a project's own, see `index.ts`), read with `yaml`'s document API and checked against the
 * schema below, so a mistake is reported with its file, line and column.
 *
 * A language without a file gets `fallbackProfile`: the checks that need a convention (quotes,
 * number forms, French spacing, inverted marks) say nothing, the others use neutral values.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { readCheckedYaml, type FieldType } from '../yaml-check.js';

/** An ending rule of numbers: for a number whose digits match `match`, the endings accepted (the first asked for). */
export interface NumberForm {
  readonly match: RegExp;
  readonly accept: readonly string[];
}

/** An inflection rule: a word matching `when` loses `drop` letters and may take one of `endings`. */
export interface InflectionRule {
  readonly when: RegExp | undefined;
  readonly drop: number;
  /** Endings; `{last}` stands for the word's last letter, any apostrophe for any apostrophe. */
  readonly endings: readonly string[];
}

/** A way of writing a time, date or score, as a pattern (see README.md, "Languages"). */
export interface FormPattern {
  /**
   * A JavaScript regular expression (flag `u`, case-insensitive) with placeholders: `{hour}` 1–2
   * digits, `{minute}` 2 digits, `{period}` one of `am` / `pm`; `{day}` 1–2 digits (French `1er`
   * too), `{month}` a month name, `{nmonth}` a month as 1–2 digits, `{year}` 4 digits, `{year2}`
   * 2 digits; `{a}`, `{b}` the two sides of a score.
   */
  readonly pattern: string;
  /** 'own' (default) or 'foreign' (read, then reported as written in another language's form). */
  readonly form?: 'own' | 'foreign';
  /** Times only: '24' (default) the hour as written; '12' with `{period}`; 'either' both halves of the day. */
  readonly clock?: '24' | '12' | 'either';
}

/** How a language writes numbers, times, dates and scores (qa/numbers, `numbers` of a language file). */
export interface NumberConventions {
  readonly decimal: string;
  /** Characters that group thousands (`1,000`; `1 000`), the first asked for. */
  readonly thousands: string;
  /** Whether a four-digit number is grouped (1,000), plain (1000) or either. */
  readonly fourDigits: 'grouped' | 'plain' | 'either';
  /** The form asked for when either is accepted. */
  readonly preferFourDigits: 'grouped' | 'plain';
  /** Endings read as an ordinal after the digits (`80th`, `80e`, `80.º`). */
  readonly ordinalEndings: readonly string[];
  /** Accepted ordinal endings by digits; empty: any ending is accepted, `<n>.` asked for. */
  readonly ordinals: readonly NumberForm[];
  /** Accepted endings of a day of the month; empty: bare numbers only. */
  readonly days: readonly NumberForm[];
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
  /** The time asked for in messages: `{H}`, `{h}`, `{MM}`, `{am|pm}`; `[ … ]` left out when the minutes are 0. */
  readonly timeFormat: string;
  /** Words for 12:00 and 0:00 in the time asked for (English `noon`, `midnight`). */
  readonly noonWord?: string;
  readonly midnightWord?: string;
  /** The date asked for in messages: `{d}`, `{month}`, `{yyyy}`; `[ … ]` left out without a year. */
  readonly dateFormat: string;
  /** How the first of the month is written in a date (French `1er`). */
  readonly firstDay?: string;
}

/** What the checks know about one language. */
export interface LanguageProfile {
  /** BCP 47 code the file is for (`fr`; `fr-CA` for a regional file). */
  readonly code: string;
  readonly name: string;
  /** Where it came from: a path (relative to the package or the project), or `fallback`. */
  readonly file: string;
  /** Quotation mark pairs, outermost first, and whether a space belongs inside (French); undefined: not checked. */
  readonly quotes: { readonly pairs: readonly (readonly [string, string])[]; readonly spaceInside: boolean } | undefined;
  /** Undefined: numbers are compared by value, any form accepted. */
  readonly numbers: NumberConventions | undefined;
  /** Marks that take a no-break space before them, and the spaces that count; undefined: none. */
  readonly spaceBeforePunctuation: { readonly marks: string; readonly spaces: string } | undefined;
  /** Usual length of a translation from the source language (German), as a share of the source. */
  readonly lengthRatio: number;
  /** Words the language doubles on purpose (lower case). */
  readonly doubledWords: readonly string[];
  /** Closing mark → the opening mark a sentence with it needs (Spanish `?` → `¿`). */
  readonly invertedMarks: ReadonlyMap<string, string>;
  /** Endings a do-not-translate name may take and stay intact (English `'s`). */
  readonly possessive: readonly string[];
  readonly inflection: {
    readonly words: readonly InflectionRule[];
    /** Endings only the last word of a term takes. */
    readonly lastWord: readonly InflectionRule[];
    /** A capital may lose its accent (French `Etats-Unis`). */
    readonly capitalDropsAccent: boolean;
  };
}

/** The profile of a language without a file. */
export function fallbackProfile(code: string): LanguageProfile {
  return {
    code,
    name: code,
    file: 'fallback',
    quotes: undefined,
    numbers: undefined,
    spaceBeforePunctuation: undefined,
    lengthRatio: 1,
    doubledWords: [],
    invertedMarks: new Map(),
    possessive: [],
    inflection: { words: [], lastWord: [], capitalDropsAccent: false },
  };
}

const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;
const STRING: FieldType = { type: 'string' };
const STRINGS: FieldType = { type: 'list', of: STRING };
const CHARACTERS: FieldType = { type: 'string', pattern: /^.+$/su, describe: 'one or more characters' };
const REGEX: FieldType = { type: 'string', describe: 'a regular expression' };
const FORMS: FieldType = { type: 'list', of: { type: 'object', fields: { match: REGEX, accept: { type: 'list', of: STRING, minItems: 1 } } } };
const RULES: FieldType = {
  type: 'list',
  of: { type: 'object', fields: { when: REGEX, drop: { type: 'number', min: 0, max: 10 }, endings: { type: 'list', of: STRING, minItems: 1 } } },
};
const PATTERNS: FieldType = {
  type: 'list',
  of: { type: 'object', fields: { pattern: STRING, form: { type: 'enum', values: ['own', 'foreign'] }, clock: { type: 'enum', values: ['24', '12', 'either'] } } },
};

/** The schema of a language file. */
const SCHEMA: FieldType = {
  type: 'object',
  fields: {
    language: { type: 'string', pattern: CODE, describe: 'a BCP 47 language code such as "it" or "pt-BR"' },
    name: STRING,
    quotes: {
      type: 'object',
      fields: {
        pairs: { type: 'list', minItems: 1, of: { type: 'list', minItems: 2, of: { type: 'string', pattern: /^.$/u, describe: 'one quotation mark' } } },
        spaceInside: { type: 'boolean' },
      },
    },
    numbers: {
      type: 'object',
      fields: {
        decimal: { type: 'string', pattern: /^.$/u, describe: 'one character' },
        thousands: CHARACTERS,
        fourDigits: { type: 'enum', values: ['grouped', 'plain', 'either'] },
        preferFourDigits: { type: 'enum', values: ['grouped', 'plain'] },
        ordinalEndings: STRINGS,
        ordinals: FORMS,
        days: FORMS,
        months: { type: 'list', of: { type: 'list', of: STRING, minItems: 1 } },
        am: STRINGS,
        pm: STRINGS,
        noon: STRINGS,
        midnight: STRINGS,
        times: PATTERNS,
        dates: PATTERNS,
        scores: PATTERNS,
        rangeConnectors: STRINGS,
        rangeArticles: STRINGS,
        timeCues: STRINGS,
        versionCues: STRINGS,
        timeFormat: STRING,
        noonWord: STRING,
        midnightWord: STRING,
        dateFormat: STRING,
        firstDay: STRING,
      },
    },
    spaceBeforePunctuation: { type: 'object', fields: { marks: CHARACTERS, spaces: CHARACTERS } },
    lengthRatio: { type: 'number', min: 0.1, max: 10 },
    doubledWords: { type: 'list', of: STRING },
    invertedMarks: { type: 'map', keyPattern: /^.$/u, keyDescribe: 'one closing mark', of: { type: 'string', pattern: /^.$/u, describe: 'one opening mark' } },
    possessive: { type: 'list', of: STRING },
    inflection: { type: 'object', fields: { words: RULES, lastWord: RULES, capitalDropsAccent: { type: 'boolean' } } },
  },
};

type Data = Map<string, unknown>;

/**
 * Reads and checks a language file. `file` names it in messages. Throws InputError
 * (`language/syntax`, `language/schema`) with line and column for the first problem.
 */
export function parseLanguageProfile(text: string, file: string): LanguageProfile {
  const data = readCheckedYaml(text, SCHEMA, {
    file,
    area: 'language',
    source: 'languages',
    hint: 'fix the language file; README.md, "Languages", lists every key',
    empty: 'the language file is empty',
    more: (doc, report) => {
      const contents = doc.contents as YamlNode | null;
      if (isMap(contents) && !contents.has('language')) report(contents, 'language: this key is required (the code the file is for)');
      checkPatterns(contents, report);
    },
  }) as Data;
  return toProfile(data, file);
}

/** Every `match` and `when` must compile as a regular expression. */
function checkPatterns(node: YamlNode | null, problem: (node: YamlNode | null, reason: string) => void): void {
  visit(node, (key, value) => {
    if ((key !== 'match' && key !== 'when') || !isScalar(value) || typeof value.value !== 'string') return;
    try {
      new RegExp(value.value, 'u');
    } catch (error) {
      problem(value, `${key}: not a regular expression: ${(error as Error).message}`);
    }
  });
}

/** Calls `pair` for every key and value of every mapping in a YAML tree. */
function visit(node: unknown, pair: (key: string, value: YamlNode | null) => void): void {
  if (isMap(node)) {
    for (const item of node.items) {
      pair(isScalar(item.key) ? String(item.key.value) : '', (item.value ?? null) as YamlNode | null);
      visit(item.value, pair);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) visit(item, pair);
  }
}

function forms(list: unknown): NumberForm[] {
  return ((list as Data[] | undefined) ?? []).map((f) => ({ match: new RegExp((f.get('match') as string | undefined) ?? '', 'u'), accept: (f.get('accept') as string[] | undefined) ?? [''] }));
}

function rules(list: unknown): InflectionRule[] {
  return ((list as Data[] | undefined) ?? []).map((r) => {
    const when = r.get('when') as string | undefined;
    return { when: when === undefined ? undefined : new RegExp(when, 'u'), drop: (r.get('drop') as number | undefined) ?? 0, endings: (r.get('endings') as string[] | undefined) ?? [''] };
  });
}

function toProfile(data: Data, file: string): LanguageProfile {
  const code = data.get('language') as string;
  const base = fallbackProfile(code);
  const section = (name: string): Data | undefined => data.get(name) as Data | undefined;
  const quotes = section('quotes');
  const numbers = section('numbers');
  const spacing = section('spaceBeforePunctuation');
  const inflection = section('inflection');
  return {
    ...base,
    name: (data.get('name') as string | undefined) ?? code,
    file,
    quotes:
      quotes === undefined
        ? undefined
        : {
            pairs: ((quotes.get('pairs') as string[][] | undefined) ?? []).map((p) => [p[0] ?? '', p[1] ?? ''] as const),
            spaceInside: (quotes.get('spaceInside') as boolean | undefined) ?? false,
          },
    numbers: numbers === undefined ? undefined : numberConventions(numbers),
    spaceBeforePunctuation:
      spacing === undefined ? undefined : { marks: (spacing.get('marks') as string | undefined) ?? '', spaces: (spacing.get('spaces') as string | undefined) ?? '' },
    lengthRatio: (data.get('lengthRatio') as number | undefined) ?? base.lengthRatio,
    doubledWords: ((data.get('doubledWords') as string[] | undefined) ?? []).map((w) => w.toLowerCase()),
    invertedMarks: new Map(((data.get('invertedMarks') as Data | undefined) ?? new Map()) as Map<string, string>),
    possessive: (data.get('possessive') as string[] | undefined) ?? [],
    inflection: {
      words: rules(inflection?.get('words')),
      lastWord: rules(inflection?.get('lastWord')),
      capitalDropsAccent: (inflection?.get('capitalDropsAccent') as boolean | undefined) ?? false,
    },
  };
}

/** A language file's `numbers`, with the defaults of what it leaves out. */
function numberConventions(numbers: Data): NumberConventions {
  const strings = (key: string): string[] => (numbers.get(key) as string[] | undefined) ?? [];
  const optional = (key: string): string | undefined => numbers.get(key) as string | undefined;
  const patterns = (key: string): FormPattern[] =>
    ((numbers.get(key) as Data[] | undefined) ?? []).map((p) => {
      const out: { pattern: string; form?: 'own' | 'foreign'; clock?: '24' | '12' | 'either' } = { pattern: (p.get('pattern') as string | undefined) ?? '' };
      const form = p.get('form') as 'own' | 'foreign' | undefined;
      const clock = p.get('clock') as '24' | '12' | 'either' | undefined;
      if (form !== undefined) out.form = form;
      if (clock !== undefined) out.clock = clock;
      return out;
    });
  const out: { -readonly [K in keyof NumberConventions]: NumberConventions[K] } = {
    decimal: optional('decimal') ?? '.',
    thousands: optional('thousands') ?? ',',
    fourDigits: (numbers.get('fourDigits') as NumberConventions['fourDigits'] | undefined) ?? 'either',
    preferFourDigits: (numbers.get('preferFourDigits') as NumberConventions['preferFourDigits'] | undefined) ?? 'grouped',
    ordinalEndings: strings('ordinalEndings'),
    ordinals: forms(numbers.get('ordinals')),
    days: forms(numbers.get('days')),
    months: (numbers.get('months') as string[][] | undefined) ?? [],
    am: strings('am'),
    pm: strings('pm'),
    noon: strings('noon'),
    midnight: strings('midnight'),
    times: patterns('times'),
    dates: patterns('dates'),
    scores: patterns('scores'),
    rangeConnectors: strings('rangeConnectors'),
    rangeArticles: strings('rangeArticles'),
    timeFormat: optional('timeFormat') ?? '{H}:{MM}',
    dateFormat: optional('dateFormat') ?? '{d} {month}[ {yyyy}]',
  };
  if (numbers.has('timeCues')) out.timeCues = strings('timeCues');
  if (numbers.has('versionCues')) out.versionCues = strings('versionCues');
  for (const key of ['noonWord', 'midnightWord', 'firstDay'] as const) {
    const value = optional(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The first rule of `list` whose pattern matches `digits`. */
export function formFor(list: readonly NumberForm[], digits: string): NumberForm | undefined {
  return list.find((f) => f.match.test(digits));
}
