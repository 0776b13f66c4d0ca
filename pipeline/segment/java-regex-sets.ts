/**
 * Character sets for the Java → JavaScript regex translator (`java-regex.ts`): Java's inline flags,
 * the code-point sets behind `\s`, `\d`, `\w`, `\h`, `\v` and the POSIX classes, Java's property
 * spellings (`\p{javaLowerCase}`, `\p{IsAlphabetic}`, `\p{Lower}`), and the helpers that write
 * literals, ranges and case variants as JavaScript `u`-mode regex text.
 *
 * Kept apart from the parser so the tables (which only grow) and the grammar (which should not)
 * can be read and reviewed separately.
 */

/** Inline flags of java.util.regex.Pattern that change how we translate. */
export interface JavaFlags {
  /** CASE_INSENSITIVE (ASCII only unless `u`). */
  readonly i: boolean;
  /** UNICODE_CASE. */
  readonly u: boolean;
  /** DOTALL. */
  readonly s: boolean;
  /** MULTILINE. */
  readonly m: boolean;
  /** COMMENTS: whitespace and #-comments ignored. */
  readonly x: boolean;
  /** UNIX_LINES: only \n ends a line. */
  readonly d: boolean;
  /** UNICODE_CHARACTER_CLASS: \w, \d, \s, \b and POSIX classes become Unicode-aware. */
  readonly U: boolean;
}

/** No inline flag set: how every pattern starts. */
export const NO_FLAGS: JavaFlags = { i: false, u: false, s: false, m: false, x: false, d: false, U: false };

/** Characters that must be escaped to be literal in a JavaScript `u` regex outside a class. */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** Java's ASCII `\s`: JavaScript's `\s` would also match NBSP and other Unicode spaces. */
export const JAVA_SPACE: Range[] = [[0x09, 0x0d], [0x20, 0x20]];
/** Java's `\h`. */
export const HORIZONTAL_SPACE: Range[] = [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
/** Java's `\v`. */
export const VERTICAL_SPACE: Range[] = [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];
/** Java's ASCII `\d`. */
export const DIGIT: Range[] = [[0x30, 0x39]];

/** An inclusive code-point range. */
export type Range = [number, number];

/** A character set as items that can go inside `[…]`; `ranges` when it is a plain code-point set. */
export interface CharSet {
  readonly items: string;
  /** Present when the set is exactly these ranges (so its complement can be computed). */
  readonly ranges?: Range[];
  /** Present when the set is a single property escape, e.g. `\p{Lu}`, negatable as `\P{Lu}`. */
  readonly property?: string;
}

/** General categories JavaScript accepts under the same short names as Java. */
const GENERAL_CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '),
);

/** Java binary properties (`\p{IsAlphabetic}`) and their JavaScript names. */
const BINARY_PROPERTIES: Record<string, string> = {
  alphabetic: 'Alphabetic',
  ideographic: 'Ideographic',
  letter: 'L',
  lowercase: 'Lowercase',
  uppercase: 'Uppercase',
  titlecase: 'Lt',
  punctuation: 'P',
  control: 'Cc',
  whitespace: 'White_Space',
  digit: 'Nd',
  hexdigit: 'Hex_Digit',
  joincontrol: 'Join_Control',
  noncharactercodepoint: 'Noncharacter_Code_Point',
  emoji: 'Emoji',
};

/** java.lang.Character predicates (`\p{javaLowerCase}`) expressed as class items. */
const JAVA_CHARACTER: Record<string, CharSet> = {
  javalowercase: prop('Lowercase'),
  javauppercase: prop('Uppercase'),
  javatitlecase: prop('Lt'),
  javaletter: prop('L'),
  javadigit: prop('Nd'),
  javaletterordigit: { items: '\\p{L}\\p{Nd}' },
  javaalphabetic: prop('Alphabetic'),
  javaideographic: prop('Ideographic'),
  javamirrored: prop('Bidi_Mirrored'),
  javadefined: { items: '\\P{Cn}', property: '\\P{Cn}' },
  javaspacechar: prop('Z'),
  javawhitespace: rangeSet([[0x09, 0x0d], [0x1c, 0x20], [0x1680, 0x1680], [0x2000, 0x2006], [0x2008, 0x200a], [0x2028, 0x2029], [0x205f, 0x205f], [0x3000, 0x3000]]),
  javaisocontrol: rangeSet([[0x00, 0x1f], [0x7f, 0x9f]]),
};

/** POSIX classes: ASCII in Java unless UNICODE_CHARACTER_CLASS. */
const POSIX_ASCII: Record<string, Range[]> = {
  lower: [[0x61, 0x7a]],
  upper: [[0x41, 0x5a]],
  ascii: [[0x00, 0x7f]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  digit: DIGIT,
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  graph: [[0x21, 0x7e]],
  print: [[0x20, 0x7e]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
  space: JAVA_SPACE,
};

const POSIX_UNICODE: Record<string, CharSet> = {
  lower: prop('Lowercase'),
  upper: prop('Uppercase'),
  alpha: prop('Alphabetic'),
  digit: prop('Nd'),
  punct: prop('P'),
  space: prop('White_Space'),
};

/** The set of one Unicode property, e.g. `prop('Lu')` → `\p{Lu}` (negatable as `\P{Lu}`). */
export function prop(name: string): CharSet {
  return { items: `\\p{${name}}`, property: `\\p{${name}}` };
}

/** A set given as code-point ranges (so it can be complemented). */
export function rangeSet(ranges: Range[]): CharSet {
  return { items: ranges.map(rangeItem).join(''), ranges };
}

/** One code point as a class item; controls, separators and surrogates as `\u{…}` so the source stays readable. */
function codePointItem(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/[\\\]\[\-^]/u.test(ch)) return '\\' + ch;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029) {
    return `\\u{${cp.toString(16)}}`;
  }
  return ch;
}

/** A range as a class item (`a-z`, or one item when `lo === hi`). */
function rangeItem([lo, hi]: Range): string {
  return lo === hi ? codePointItem(lo) : `${codePointItem(lo)}-${codePointItem(hi)}`;
}

/** The code points (up to U+10FFFF) outside `ranges`. */
export function complement(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

/** General category `name` (Java spelling, `L&` included) as a set; undefined when it is none. */
function generalCategory(name: string): CharSet | undefined {
  if (name === 'L&') return prop('LC');
  return GENERAL_CATEGORIES.has(name) ? prop(name) : undefined;
}

/**
 * Resolves the name inside a Java `\p{…}` to a JavaScript set. `refuse(why, hint)` is called (and
 * must throw) when the property has no JavaScript equivalent, so the caller can add the position.
 */
export function resolveProperty(rawName: string, flags: JavaFlags, refuse: (why: string, hint: string) => never): CharSet {
  const eq = rawName.indexOf('=');
  if (eq !== -1) {
    const key = rawName.slice(0, eq).toLowerCase();
    const value = rawName.slice(eq + 1);
    if (key === 'gc' || key === 'general_category') return generalCategory(value) ?? refuse('unknown general category', 'Use a category such as Lu, Ll, L, P.');
    if (key === 'sc' || key === 'script') return script(value) ?? refuse('unknown script', 'Use a Unicode script name such as Latin.');
    if (key === 'blk' || key === 'block') return refuse('Unicode blocks are not supported in JavaScript', 'Use a code point range such as [\\u0370-\\u03FF].');
    return refuse('unknown property', 'Use a general category, script or binary property.');
  }
  const category = generalCategory(rawName);
  if (category !== undefined) return category;
  const folded = rawName.toLowerCase().replace(/[_\s-]/gu, '');
  if (folded.startsWith('java')) return JAVA_CHARACTER[folded] ?? refuse('this java.lang.Character property is not supported', 'Use a Unicode property such as \\p{L}.');
  if (rawName.startsWith('In')) return refuse('Unicode blocks are not supported in JavaScript', 'Use a code point range such as [\\u0370-\\u03FF].');
  if (rawName.startsWith('Is')) {
    const name = rawName.slice(2);
    const byCategory = generalCategory(name);
    if (byCategory !== undefined) return byCategory;
    const binary = BINARY_PROPERTIES[name.toLowerCase().replace(/[_\s-]/gu, '')];
    if (binary !== undefined) return prop(binary);
    return script(name) ?? refuse('unknown property or script', 'Use a general category (IsLu), a binary property (IsAlphabetic) or a script (IsLatin).');
  }
  const posixName = rawName.toLowerCase();
  if (flags.U) {
    const unicode = POSIX_UNICODE[posixName];
    if (unicode !== undefined) return unicode;
  }
  const posix = POSIX_ASCII[posixName];
  if (posix !== undefined) return rangeSet(posix);
  return refuse('unknown property', 'Use a general category, script or binary property.');
}

function script(name: string): CharSet | undefined {
  const candidates = [name, name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()];
  for (const candidate of candidates) {
    try {
      new RegExp(`\\p{Script=${candidate}}`, 'u');
      return prop(`Script=${candidate}`);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

/** Other-case variants of a code point under the flags (ASCII only unless UNICODE_CASE). */
function caseVariants(cp: number, flags: JavaFlags): number[] {
  if (!flags.i) return [];
  if (!flags.u && cp > 0x7f) return [];
  const ch = String.fromCodePoint(cp);
  const variants = new Set<number>();
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    if ([...v].length === 1) {
      const vcp = v.codePointAt(0) ?? cp;
      if (vcp !== cp && (flags.u || vcp <= 0x7f)) variants.add(vcp);
    }
  }
  return [...variants];
}

/** One code point as a regex atom outside a class, spelling out case variants under `(?i)`. */
export function literal(cp: number, flags: JavaFlags): string {
  const variants = caseVariants(cp, flags);
  if (variants.length > 0) return `[${[cp, ...variants].map(codePointItem).join('')}]`;
  const ch = String.fromCodePoint(cp);
  if (JS_SYNTAX.has(ch)) return '\\' + ch;
  if (ch === '-') return '-';
  return codePointItem(cp);
}

/** One code point as items inside `[…]`, with its case variants under `(?i)`. */
export function classLiteral(cp: number, flags: JavaFlags): string {
  return [cp, ...caseVariants(cp, flags)].map(codePointItem).join('');
}

/** A range `lo-hi` as items inside `[…]`, with the case variants Java would also match under `(?i)`. */
export function classRange(lo: number, hi: number, flags: JavaFlags): string {
  let items = rangeItem([lo, hi]);
  if (!flags.i) return items;
  const fold = (a: number, b: number, shift: number): void => {
    const from = Math.max(lo, a);
    const to = Math.min(hi, b);
    if (from <= to) items += rangeItem([from + shift, to + shift]);
  };
  fold(0x61, 0x7a, -32);
  fold(0x41, 0x5a, 32);
  if (flags.u && hi > 0x7f && hi - lo <= 5000) {
    for (let cp = Math.max(lo, 0x80); cp <= hi; cp += 1) {
      for (const v of caseVariants(cp, flags)) if (v < lo || v > hi) items += codePointItem(v);
    }
  }
  return items;
}
