/**
 * Character folding and word boundaries for term matching.
 *
 * The matcher compares glossary forms and text after folding: lower case, `ß`/`ẞ` → `ss`, every
 * run of white space → one space, typographic hyphens → `-`, typographic apostrophes → `'`, soft
 * hyphens dropped. Folding happens one UTF-16 code unit at a time so that every position in the
 * folded stream maps back to an offset in the original text; that is what lets the matcher report
 * offsets into the text without building a folded copy of it.
 *
 * Both tables are built once per process over the Basic Multilingual Plane (a few milliseconds)
 * because a table lookup per character is what keeps matching 1 MB of text fast.
 */

/** Character is a letter, digit or combining mark: part of a word. */
export const WORD = 1;
/** Character is white space (any Unicode space, line break, no-break space). */
export const SPACE = 2;
/** Character is skipped while matching and counts as part of the word it sits in (soft hyphen). */
export const IGNORABLE = 4;
/**
 * Character is a lower-case letter (it has an upper case and is its own lower case, like `d`,
 * `ä`, `ß`). Case-sensitive forms that start with a capital can never match a word starting with
 * one, which lets the matcher stop walking early in the many lower-case words of German text.
 */
export const LOWER = 8;

/** Marker in the fold table: the code unit folds to more than one unit (see `multiFolds`). */
const MULTI = 0xffff;
/** Marker in the fold table: the code unit is skipped (soft hyphen and other invisibles). */
const SKIP = 0xfffe;

/** Code units that typographers use for a hyphen inside compounds ("Kreml‑Chef"). */
const HYPHENS = [0x2010, 0x2011, 0xfe63, 0xff0d];
/** Code units used for an apostrophe ("Lars’", "Lars´"). */
const APOSTROPHES = [0x2019, 0x02bc, 0x00b4, 0x0060, 0x2032];
/** Invisible code units that may sit inside a word without breaking it. */
const INVISIBLE_IN_WORD = [0x00ad, 0x200c, 0x200d, 0x2060];

interface Tables {
  readonly classes: Uint8Array;
  readonly folds: Uint16Array;
  readonly multiFolds: Map<number, string>;
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const classes = new Uint8Array(0x10000);
  const folds = new Uint16Array(0x10000);
  const multiFolds = new Map<number, string>();
  const wordPattern = /[\p{L}\p{N}\p{M}]/u;
  const spacePattern = /\s/u;
  for (let code = 0; code < 0x10000; code += 1) {
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const char = String.fromCharCode(code);
    if (!isSurrogate) {
      if (wordPattern.test(char)) classes[code] = WORD | (char === char.toLowerCase() && char !== char.toUpperCase() ? LOWER : 0);
      else if (spacePattern.test(char)) classes[code] = SPACE;
    }
    const lower = isSurrogate ? char : char.toLowerCase();
    if (lower.length === 1) folds[code] = lower.charCodeAt(0);
    else {
      folds[code] = MULTI;
      multiFolds.set(code, lower);
    }
  }
  for (const code of [0x00df, 0x1e9e]) {
    folds[code] = MULTI;
    multiFolds.set(code, 'ss');
  }
  for (const code of HYPHENS) folds[code] = 0x2d;
  for (const code of APOSTROPHES) folds[code] = 0x27;
  for (const code of INVISIBLE_IN_WORD) {
    classes[code] = WORD | IGNORABLE;
    folds[code] = SKIP;
  }
  for (let code = 0; code < 0x10000; code += 1) {
    if ((classes[code] ?? 0) & SPACE) folds[code] = 0x20;
  }
  return { classes, folds, multiFolds };
}

function getTables(): Tables {
  tables ??= buildTables();
  return tables;
}

/** The character class (`WORD`, `SPACE`, `IGNORABLE`, `LOWER` bits) of the character at `index`. */
export function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdfff) return astralClass(text, index, code);
  return getTables().classes[code] ?? 0;
}

const astralCache = new Map<number, number>();

/** Surrogate halves take the class of the code point they belong to (astral letters are words). */
function astralClass(text: string, index: number, code: number): number {
  const point = code <= 0xdbff ? text.codePointAt(index) : text.codePointAt(index - 1);
  if (point === undefined || point < 0x10000) return 0;
  let cls = astralCache.get(point);
  if (cls === undefined) {
    cls = /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(point)) ? WORD : 0;
    astralCache.set(point, cls);
  }
  return cls;
}

/** The class table of the Basic Multilingual Plane (surrogates excluded: use `classAt`). */
export function characterClasses(): Uint8Array {
  return getTables().classes;
}

/** True when the character at `index` belongs to a word; false outside the text. */
export function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return (classAt(text, index) & WORD) !== 0;
}

/** The fold table and its multi-unit exceptions, for the matcher's inner loop. */
export interface FoldTables {
  /** Folded code unit per code unit; `multiMarker` and `skipMarker` flag the exceptions. */
  readonly folds: Uint16Array;
  readonly multiFolds: ReadonlyMap<number, string>;
  readonly multiMarker: number;
  readonly skipMarker: number;
}

let foldTablesCache: FoldTables | undefined;

/** The fold table and its exceptions, for the matcher's inner loop. */
export function foldTables(): FoldTables {
  if (foldTablesCache === undefined) {
    const t = getTables();
    foldTablesCache = { folds: t.folds, multiFolds: t.multiFolds, multiMarker: MULTI, skipMarker: SKIP };
  }
  return foldTablesCache;
}

/**
 * Walks a string as the matcher reads text: ignorable characters (soft hyphens, joiners) are left
 * out, white-space runs become one space, leading and trailing white space is dropped; every other
 * character is written as `rewrite` says.
 */
function normalize(text: string, rewrite: (code: number, index: number) => string): string {
  let out = '';
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const cls = classAt(text, i);
    if (cls & IGNORABLE) continue;
    if (cls & SPACE) {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    out += rewrite(text.charCodeAt(i), i);
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** Folds a whole string the way the matcher folds text: used to build the automaton's keys. */
export function foldForMatch(text: string): string {
  const { folds, multiFolds } = getTables();
  return normalize(text, (code) => {
    const folded = folds[code] ?? code;
    return folded === MULTI ? (multiFolds.get(code) ?? '') : String.fromCharCode(folded);
  });
}

/**
 * The key used for case-sensitive comparison: like `foldForMatch` but keeping letter case, so
 * "Weißes Haus" and "Weisses  Haus" compare equal while "weißes Haus" does not.
 */
export function caseKey(text: string): string {
  const { folds } = getTables();
  return normalize(text, (code, i) => {
    if (code === 0x00df) return 'ss';
    if (code === 0x1e9e) return 'SS';
    const folded = folds[code] ?? code;
    // Keep case, but take over the hyphen and apostrophe folding.
    return folded === 0x2d || folded === 0x27 ? String.fromCharCode(folded) : (text[i] ?? '');
  });
}

/** True for all-capital abbreviations such as "USA", "EU", "NATO", "G7": they match exactly. */
export function isAbbreviation(form: string): boolean {
  return /^(?=.*\p{Lu}.*\p{Lu}|.*\p{Lu}.*\p{N})[\p{Lu}\p{N}]{2,}$/u.test(form);
}
