/**
 * Java regex (java.util.regex.Pattern) → JavaScript regex (flag `u`), for SRX rules.
 *
 * SRX files are written for Java engines (OmegaT, Okapi), so their regexes use Java's syntax and
 * Java's meaning of `\s`, `\b`, `.` and `\p{…}`. This module parses a pattern and writes an
 * equivalent JavaScript source, or refuses with `RegexTranslationError` (offset and hint) when
 * JavaScript cannot express it faithfully. The character-set tables live in `java-regex-sets.ts`.
 */
import {
  classLiteral,
  classRange,
  complement,
  HORIZONTAL_SPACE,
  JAVA_SPACE,
  DIGIT,
  literal,
  NO_FLAGS,
  prop,
  rangeSet,
  resolveProperty,
  VERTICAL_SPACE,
  type CharSet,
  type JavaFlags,
} from './java-regex-sets.js';

/** Raised by `translateJavaRegex`; `index` is the offset of the offending construct. */
export class RegexTranslationError extends Error {
  override name = 'RegexTranslationError';
  constructor(
    message: string,
    readonly index: number,
    readonly hint: string,
  ) {
    super(`${message} (at offset ${index})`);
  }
}

/** A translated regex: JavaScript source for `new RegExp(source, 'u')` and its capture count. */
export interface TranslatedRegex {
  readonly source: string;
  readonly groups: number;
  /** True when the pattern refers back to a group (`\1`, `\k<name>`). */
  readonly backReferences: boolean;
}

/** Options for `translateJavaRegex`. */
export interface TranslateOptions {
  /** Added to every numbered back reference (when this regex is appended after another). */
  readonly groupOffset?: number;
}

/**
 * Translates a java.util.regex pattern to JavaScript source meant for the `u` flag.
 *
 * Translated: `\Q…\E`, `\p{…}` in Java's spellings (`IsAlphabetic`, `javaLowerCase`, POSIX
 * `Lower`, `IsLatin`, `gc=`/`sc=`), `\h \v \R \z \Z \A`, `\x{…}`, octal `\0…`, `\e \a`, inline flags
 * `(?i) (?u) (?s) (?m) (?x) (?d) (?U)` and `(?i:…)` (case-insensitivity is spelled out as `[aA]`
 * because JavaScript in Node 20 has no inline modifiers), Java's ASCII `\s` and `.` (which differ
 * from JavaScript's), Java's Unicode `\b`, nested classes used as unions.
 *
 * Refused (they change matching and have no faithful JavaScript form): possessive quantifiers,
 * atomic groups, class intersections `&&`, `\G`, `\X`, `\N{…}`, Unicode blocks (`\p{InGreek}`),
 * negated nested classes.
 */
export function translateJavaRegex(pattern: string, options: TranslateOptions = {}): TranslatedRegex {
  const translator = new JavaRegexTranslator(pattern, options.groupOffset ?? 0);
  return translator.run();
}

class JavaRegexTranslator {
  private pos = 0;
  private groups = 0;
  private backReferences = false;

  constructor(
    private readonly src: string,
    private readonly groupOffset: number,
  ) {}

  run(): TranslatedRegex {
    const out = this.sequence(NO_FLAGS, false);
    if (this.pos < this.src.length) throw this.refuse('Unmatched ")"', 'Balance the parentheses.');
    return { source: out, groups: this.groups, backReferences: this.backReferences };
  }

  private refuse(message: string, hint: string, at: number = this.pos): RegexTranslationError {
    return new RegexTranslationError(message, at, hint);
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  /** Translates alternatives until `)` (when nested) or the end. Inline flags last to the group's end. */
  private sequence(initialFlags: JavaFlags, nested: boolean): string {
    let flags = initialFlags;
    let out = '';
    /** Output of the last atom, so a quantifier can be checked against it. */
    let lastAtomStart = -1;
    while (this.pos < this.src.length) {
      const ch = this.peek();
      if (ch === ')') {
        if (!nested) throw this.refuse('Unmatched ")"', 'Balance the parentheses.');
        break;
      }
      if (flags.x && /\s/u.test(ch)) {
        this.pos += 1;
        continue;
      }
      if (flags.x && ch === '#') {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos += 1;
        continue;
      }
      if (ch === '|') {
        out += '|';
        this.pos += 1;
        lastAtomStart = -1;
        continue;
      }
      if (ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(,\d*)?\}/u.test(this.src.slice(this.pos)))) {
        if (lastAtomStart === -1) throw this.refuse(`Dangling quantifier "${ch}"`, 'Put the quantifier after something to repeat.');
        out += this.quantifier();
        lastAtomStart = -1;
        continue;
      }
      if (ch === '(' && this.peek(1) === '?' && this.isFlagGroup()) {
        const change = this.flagGroup(flags);
        if (change.scoped === undefined) {
          flags = change.flags;
          continue;
        }
        lastAtomStart = out.length;
        out += change.scoped;
        continue;
      }
      lastAtomStart = out.length;
      out += this.atom(flags);
    }
    return out;
  }

  private quantifier(): string {
    let q = this.peek();
    if (q === '{') {
      const end = this.src.indexOf('}', this.pos);
      q = this.src.slice(this.pos, end + 1);
      this.pos = end + 1;
    } else {
      this.pos += 1;
    }
    if (this.peek() === '+') {
      throw this.refuse(`Possessive quantifier "${q}+" is not supported in JavaScript`, `Write "${q}" (greedy) if backtracking cannot change the result, or restructure the rule.`);
    }
    if (this.peek() === '?') {
      this.pos += 1;
      return q + '?';
    }
    return q;
  }

  /** `(?i)`, `(?-i)`, `(?iu:…)`; plain `(?:…)` also matches and translates to itself. */
  private isFlagGroup(): boolean {
    return /^\(\?[idmsuxU]*(?:-[idmsuxU]*)?[):]/u.test(this.src.slice(this.pos));
  }

  /** `(?flags)` changes the flags for the rest of the group; `(?flags:X)` only inside X. */
  private flagGroup(flags: JavaFlags): { flags: JavaFlags; scoped?: string } {
    const match = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([):])/u.exec(this.src.slice(this.pos));
    if (match === null) throw this.refuse('Unsupported group', 'Use (?:…), (?=…), (?!…), (?<=…), (?<!…) or (?<name>…).');
    const next: Record<string, boolean> = { ...flags };
    for (const f of match[1] ?? '') next[f] = true;
    for (const f of match[2] ?? '') next[f] = false;
    this.pos += match[0].length;
    const newFlags = next as unknown as JavaFlags;
    if (match[3] === ')') return { flags: newFlags };
    const inner = this.sequence(newFlags, true);
    this.expect(')');
    return { flags, scoped: `(?:${inner})` };
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw this.refuse(`Expected "${ch}"`, 'Check the regex syntax.');
    this.pos += 1;
  }

  private atom(flags: JavaFlags): string {
    const ch = this.peek();
    switch (ch) {
      case '(':
        return this.group(flags);
      case '[':
        return this.characterClass(flags);
      case '\\':
        return this.escape(flags);
      case '.':
        this.pos += 1;
        if (flags.s) return '[\\s\\S]';
        return flags.d ? '[^\\n]' : '[^\\n\\r\\u0085\\u2028\\u2029]';
      case '^':
        this.pos += 1;
        if (!flags.m) return '(?<![\\s\\S])';
        return flags.d ? '(?:(?<![\\s\\S])|(?<=\\n)(?=[\\s\\S]))' : '(?:(?<![\\s\\S])|(?<=[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?=[\\s\\S]))';
      case '$':
        this.pos += 1;
        if (flags.m) return flags.d ? '(?=\\n|(?![\\s\\S]))' : '(?=[\\n\\r\\u0085\\u2028\\u2029]|(?![\\s\\S]))';
        return flags.d ? '(?=\\n?(?![\\s\\S]))' : '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
      default: {
        const cp = this.src.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        return literal(cp, flags);
      }
    }
  }

  private group(flags: JavaFlags): string {
    const rest = this.src.slice(this.pos);
    let open: string;
    if (rest.startsWith('(?:') || rest.startsWith('(?=') || rest.startsWith('(?!')) {
      open = rest.slice(0, 3);
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      open = rest.slice(0, 4);
    } else if (rest.startsWith('(?>')) {
      throw this.refuse('Atomic group "(?>…)" is not supported in JavaScript', 'Use a non-capturing group "(?:…)" if backtracking cannot change the result.');
    } else if (/^\(\?<[A-Za-z][A-Za-z0-9]*>/u.test(rest)) {
      open = /^\(\?<[A-Za-z][A-Za-z0-9]*>/u.exec(rest)?.[0] ?? '';
      this.groups += 1;
    } else if (rest.startsWith('(?')) {
      throw this.refuse(`Unsupported group "${rest.slice(0, 3)}…"`, 'Use (?:…), (?=…), (?!…), (?<=…), (?<!…) or (?<name>…).');
    } else {
      open = '(';
      this.groups += 1;
    }
    this.pos += open.length;
    const inner = this.sequence(flags, true);
    this.expect(')');
    return open + inner + ')';
  }

  /** An escape outside a class. */
  private escape(flags: JavaFlags): string {
    const start = this.pos;
    const next = this.src[this.pos + 1];
    if (next === undefined) throw this.refuse('Trailing backslash', 'Remove the lone "\\" at the end.');
    this.pos += 2;
    switch (next) {
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos);
        const quoted = this.src.slice(this.pos, end === -1 ? undefined : end);
        this.pos = end === -1 ? this.src.length : end + 2;
        return [...quoted].map((c) => literal(c.codePointAt(0) ?? 0, flags)).join('');
      }
      case 'E':
        return ''; // a stray \E is ignored by Java too
      case 'b':
        // Java's \b counts every letter and digit as a word character (JavaScript's only ASCII), which
        // is what German rules need around Ä, Ö, Ü, ß.
        return '(?:(?<=[\\p{L}\\p{Nd}_])(?![\\p{L}\\p{Nd}_])|(?<![\\p{L}\\p{Nd}_])(?=[\\p{L}\\p{Nd}_]))';
      case 'B':
        return '(?:(?<=[\\p{L}\\p{Nd}_])(?=[\\p{L}\\p{Nd}_])|(?<![\\p{L}\\p{Nd}_])(?![\\p{L}\\p{Nd}_]))';
      case 'A':
        return '(?<![\\s\\S])';
      case 'z':
        return '(?![\\s\\S])';
      case 'Z':
        return flags.d ? '(?=\\n?(?![\\s\\S]))' : '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
      case 'R':
        return '(?:\\r\\n|[\\n\\u000b\\f\\r\\u0085\\u2028\\u2029])';
      case 'G':
        throw this.refuse('"\\G" (end of previous match) has no meaning in SRX rules', 'Remove "\\G".', start);
      case 'X':
        throw this.refuse('"\\X" (grapheme cluster) is not supported in JavaScript', 'Use "[\\P{M}][\\p{M}]*" instead.', start);
      case 'k': {
        const m = /^<([A-Za-z][A-Za-z0-9]*)>/u.exec(this.src.slice(this.pos));
        if (m === null) throw this.refuse('Malformed "\\k<name>"', 'Write \\k<name>.', start);
        this.pos += m[0].length;
        this.backReferences = true;
        return `\\k<${m[1]}>`;
      }
      default:
        break;
    }
    if (next >= '1' && next <= '9') {
      let digits = next;
      while (/\d/u.test(this.peek()) && Number(digits + this.peek()) <= this.groups) digits += this.src[this.pos++];
      this.backReferences = true;
      return `(?:\\${Number(digits) + this.groupOffset})`;
    }
    this.pos = start;
    const set = this.classEscape(flags, false);
    if (set !== undefined) return set.property !== undefined ? set.property : `[${set.items}]`;
    this.pos = start;
    return literal(this.escapedCodePoint(), flags);
  }

  /**
   * Escapes that denote sets (`\d`, `\p{…}`, …), usable inside or outside a class; undefined when
   * the escape at `pos` is not one (the position is then unchanged).
   */
  private classEscape(flags: JavaFlags, inClass: boolean): CharSet | undefined {
    const start = this.pos;
    const letter = this.src[this.pos + 1] ?? '';
    const negate = (set: CharSet): CharSet => {
      if (set.ranges !== undefined) return rangeSet(complement(set.ranges));
      if (set.property !== undefined) {
        const flipped = set.property.startsWith('\\p') ? '\\P' + set.property.slice(2) : '\\p' + set.property.slice(2);
        return { items: flipped, property: flipped };
      }
      if (inClass) throw this.refuse('Negated multi-property set inside a character class', 'Rewrite the class without the negation.', start);
      return { items: `^${set.items}` };
    };
    let set: CharSet | undefined;
    switch (letter) {
      case 'd':
        set = flags.U ? prop('Nd') : rangeSet(DIGIT);
        break;
      case 'D':
        set = negate(flags.U ? prop('Nd') : rangeSet(DIGIT));
        break;
      case 'w':
        set = flags.U ? { items: '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}' } : rangeSet([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
        break;
      case 'W':
        if (flags.U) {
          this.pos += 2;
          return negate({ items: '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}' });
        }
        set = negate(rangeSet([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]));
        break;
      case 's':
        set = flags.U ? prop('White_Space') : rangeSet(JAVA_SPACE);
        break;
      case 'S':
        set = negate(flags.U ? prop('White_Space') : rangeSet(JAVA_SPACE));
        break;
      case 'h':
        set = rangeSet(HORIZONTAL_SPACE);
        break;
      case 'H':
        set = rangeSet(complement(HORIZONTAL_SPACE));
        break;
      case 'v':
        set = rangeSet(VERTICAL_SPACE);
        break;
      case 'V':
        set = rangeSet(complement(VERTICAL_SPACE));
        break;
      case 'p':
      case 'P': {
        this.pos += 2;
        let name: string;
        if (this.peek() === '{') {
          const end = this.src.indexOf('}', this.pos);
          if (end === -1) throw this.refuse('Unclosed "\\p{"', 'Close the property name with "}".', start);
          name = this.src.slice(this.pos + 1, end);
          this.pos = end + 1;
        } else {
          name = this.peek();
          this.pos += 1;
        }
        const resolved = this.property(name, flags, start);
        return letter === 'P' ? negate(resolved) : resolved;
      }
      default:
        return undefined;
    }
    this.pos += 2;
    return set;
  }

  /** Resolves a Java property name to a JavaScript set; a refusal names the `\p{…}` at `at`. */
  private property(rawName: string, flags: JavaFlags, at: number): CharSet {
    return resolveProperty(rawName, flags, (why, hint) => {
      throw this.refuse(`"\\p{${rawName}}": ${why}`, hint, at);
    });
  }

  /** The code point of a literal escape at `pos` (`\t`, `\x41`, `\.`, …); advances past it. */
  private escapedCodePoint(): number {
    const start = this.pos;
    const next = this.src[this.pos + 1] ?? '';
    this.pos += 2;
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (next in simple) return simple[next] ?? 0;
    if (next === '0') {
      const m = /^[0-3]?[0-7]{1,2}/u.exec(this.src.slice(this.pos));
      if (m === null) throw this.refuse('Malformed octal escape "\\0"', 'Write \\0 followed by one to three octal digits.', start);
      this.pos += m[0].length;
      return parseInt(m[0], 8);
    }
    if (next === 'x') {
      const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/u.exec(this.src.slice(this.pos));
      if (m === null) throw this.refuse('Malformed "\\x" escape', 'Write \\xhh or \\x{h…h}.', start);
      this.pos += m[0].length;
      return parseInt(m[1] ?? m[2] ?? '0', 16);
    }
    if (next === 'u') {
      const m = /^[0-9a-fA-F]{4}/u.exec(this.src.slice(this.pos));
      if (m === null) throw this.refuse('Malformed "\\u" escape', 'Write \\uhhhh.', start);
      this.pos += 4;
      const unit = parseInt(m[0], 16);
      // Java reads a surrogate pair written as two escapes as one code point.
      const low = /^\\u(d[c-f][0-9a-f]{2})/iu.exec(this.src.slice(this.pos));
      if (unit >= 0xd800 && unit <= 0xdbff && low !== null) {
        this.pos += 6;
        return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1] ?? '0', 16) - 0xdc00);
      }
      return unit;
    }
    if (next === 'c') {
      const control = this.src.codePointAt(this.pos) ?? 0;
      this.pos += 1;
      return control ^ 64;
    }
    if (next === 'N') throw this.refuse('"\\N{name}" is not supported in JavaScript', 'Write the character or its \\x{…} code.', start);
    if (/[A-Za-z]/u.test(next)) throw this.refuse(`Unknown escape "\\${next}"`, 'Remove the backslash or use a supported escape.', start);
    const cp = this.src.codePointAt(start + 1) ?? 0;
    this.pos = start + 1 + (cp > 0xffff ? 2 : 1);
    return cp;
  }

  /** A `[…]` class; nested classes are unions, `&&` intersections are refused. */
  private characterClass(flags: JavaFlags): string {
    const start = this.pos;
    this.pos += 1;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos += 1;
    }
    const items = this.classBody(flags, start, true);
    return `[${negated ? '^' : ''}${items}]`;
  }

  private classBody(flags: JavaFlags, start: number, first: boolean): string {
    let items = '';
    let atStart = first;
    while (true) {
      if (this.pos >= this.src.length) throw this.refuse('Unclosed character class', 'Close the class with "]".', start);
      const ch = this.peek();
      if (ch === ']' && !atStart) {
        this.pos += 1;
        return items;
      }
      atStart = false;
      if (flags.x && /\s/u.test(ch)) {
        this.pos += 1;
        continue;
      }
      if (ch === '&' && this.peek(1) === '&') {
        throw this.refuse('Class intersection "&&" is not supported in JavaScript', 'Write the resulting set as a plain class.');
      }
      if (ch === '[') {
        const nestedStart = this.pos;
        this.pos += 1;
        if (this.peek() === '^') throw this.refuse('Negated nested class is not supported in JavaScript', 'Write the resulting set as a plain class.', nestedStart);
        items += this.classBody(flags, nestedStart, true);
        continue;
      }
      if (ch === '\\') {
        const set = this.classEscape(flags, true);
        if (set !== undefined) {
          if (set.items.startsWith('^')) throw this.refuse('Negated set inside a character class', 'Rewrite the class without the negation.');
          items += set.items;
          continue;
        }
        if (this.peek(1) === 'Q') {
          this.pos += 2;
          const end = this.src.indexOf('\\E', this.pos);
          const quoted = this.src.slice(this.pos, end === -1 ? undefined : end);
          this.pos = end === -1 ? this.src.length : end + 2;
          for (const c of quoted) items += classLiteral(c.codePointAt(0) ?? 0, flags);
          continue;
        }
        if (this.peek(1) === 'b') throw this.refuse('"\\b" inside a character class', 'Write \\x08 for a backspace.');
      }
      const lo = this.classCodePoint();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        const dash = this.pos;
        this.pos += 1;
        if (this.peek() === '[' || (this.peek() === '\\' && this.isSetEscape())) {
          this.pos = dash;
          items += classLiteral(lo, flags);
          continue;
        }
        const hi = this.classCodePoint();
        if (hi < lo) throw this.refuse('Character range out of order', 'Write the lower end of the range first.', dash);
        items += classRange(lo, hi, flags);
        continue;
      }
      items += classLiteral(lo, flags);
    }
  }

  private isSetEscape(): boolean {
    return /^\\[dDwWsShHvVpP]/u.test(this.src.slice(this.pos));
  }

  private classCodePoint(): number {
    if (this.peek() === '\\') return this.escapedCodePoint();
    const cp = this.src.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}
