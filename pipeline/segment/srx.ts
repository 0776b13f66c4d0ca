/**
 * SRX 2.0 (Segmentation Rules eXchange) reader.
 *
 * An SRX file holds named language rules (ordered lists of break / no-break rules, each a pair of
 * Java regular expressions: the text before and the text after a possible break) and language maps
 * that choose language rules by matching a regular expression against the language code.
 *
 * The file is parsed with saxes (which never fetches DTDs or external entities; a DOCTYPE is refused
 * outright so no internal entity can expand either). Every rule's Java regexes are translated to
 * JavaScript here, at load time, so a rule that cannot run is reported with its file, line and
 * column before any text is segmented.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../model.js';

/** One `<rule>` of a language rule, with its regexes translated to JavaScript. */
export interface SrxRule {
  /** True for `break="yes"` (the default), false for `break="no"`. */
  readonly break: boolean;
  /** The `<beforebreak>` regex as written in the file (Java syntax); '' when absent. */
  readonly before: string;
  /** The `<afterbreak>` regex as written in the file (Java syntax); '' when absent. */
  readonly after: string;
  /** `(?:before)(?=after)`, flags `gu`: finds candidate breaks by scanning a text once. */
  readonly scan: RegExp;
  /** `(?<=before)(?=after)`, flags `yu`: tests exactly whether the rule applies at `lastIndex`. */
  readonly test: RegExp;
  /** Name of the language rule holding it. */
  readonly languageRule: string;
  /** 1-based position of the rule inside its language rule. */
  readonly index: number;
  /** Where the `<rule>` element starts (1-based line and column). */
  readonly line: number;
  readonly column: number;
}

/** A `<languagerule>`: an ordered list of rules. */
export interface SrxLanguageRule {
  readonly name: string;
  readonly rules: readonly SrxRule[];
  readonly line: number;
  readonly column: number;
}

/** A `<languagemap>`: language codes matching `pattern` use the language rule `ruleName`. */
export interface SrxLanguageMap {
  /** The Java regex as written. */
  readonly pattern: string;
  /** Matches a whole language code, case-insensitively (see `rulesForLanguage`). */
  readonly matcher: RegExp;
  readonly ruleName: string;
  readonly line: number;
  readonly column: number;
}

/** A parsed SRX document. */
export interface SrxDocument {
  /** File name used in messages. */
  readonly file: string;
  /** `<header segmentsubflows>`; kept for completeness, plain text has no subflows. */
  readonly segmentSubflows: boolean;
  /** `<header cascade>`: when true, every matching language map contributes its rules in order. */
  readonly cascade: boolean;
  readonly languageRules: ReadonlyMap<string, SrxLanguageRule>;
  readonly maps: readonly SrxLanguageMap[];
}

const SOURCE = 'segment';

/** Reads and parses an SRX file; `displayName` is what messages call it (default: the path). */
export function loadSrx(filePath: string, displayName: string = filePath): SrxDocument {
  let xml: string;
  try {
    xml = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new InputError({
      reason: `Cannot read the SRX file: ${(error as Error).message}`,
      ruleId: 'segment/srx-unreadable',
      source: SOURCE,
      severity: 'error',
      fatal: true,
      file: displayName,
      hint: 'Check the path given as the segmentation rules file.',
    });
  }
  return parseSrx(xml, displayName);
}

/**
 * The rules that apply to a language, in the order they are tried: with `cascade="yes"` the rules
 * of every matching language map in map order, otherwise only those of the first matching map.
 * A map pattern must match the whole language code; case is ignored because files in the wild
 * write `DE.*` as often as `de.*` and language tags are case-insensitive (BCP 47).
 */
export function rulesForLanguage(srx: SrxDocument, language: string): SrxRule[] {
  const rules: SrxRule[] = [];
  for (const map of srx.maps) {
    if (!map.matcher.test(language)) continue;
    const languageRule = srx.languageRules.get(map.ruleName);
    if (languageRule !== undefined) rules.push(...languageRule.rules);
    if (!srx.cascade) break;
  }
  return rules;
}

/** Parses SRX 2.0 text. Throws `InputError` for malformed XML, a DOCTYPE or an unusable regex. */
export function parseSrx(xml: string, file: string): SrxDocument {
  const builder = new SrxBuilder(file);
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: file });
  let tagLine = 1;
  let tagColumn = 1;
  parser.on('opentagstart', (tag) => {
    // The parser has read `<name` and the character after it (columns 0-based); step back to `<`.
    tagLine = parser.line;
    tagColumn = Math.max(1, parser.column - tag.name.length - 1);
  });
  parser.on('opentag', (tag) => builder.open(tag, tagLine, tagColumn));
  parser.on('closetag', (tag) => builder.close(tag.name));
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  parser.on('doctype', () => {
    throw builder.error(
      'segment/srx-doctype',
      'SRX files must not have a DOCTYPE; entities and DTDs are never resolved.',
      parser.line,
      parser.column,
      'Remove the <!DOCTYPE …> declaration.',
    );
  });
  parser.on('error', (error) => {
    throw builder.error(
      'segment/srx-malformed',
      `Malformed XML: ${error.message.replace(/^.*?:\d+:\d+: /u, '')}`,
      parser.line,
      parser.column + 1,
      'Fix the XML syntax of the SRX file.',
    );
  });
  parser.write(xml).close();
  return builder.finish();
}

/** Collects elements into an SrxDocument while saxes reports them. */
class SrxBuilder {
  private readonly stack: string[] = [];
  private segmentSubflows = true;
  private cascade = false;
  private sawRoot = false;
  private readonly languageRules = new Map<string, SrxLanguageRule>();
  private readonly maps: SrxLanguageMap[] = [];
  private currentRuleSet: { name: string; rules: SrxRule[]; line: number; column: number } | undefined;
  private currentRule: { break: boolean; before: string; after: string; line: number; column: number } | undefined;
  /** Which regex element we are inside, and where its text starts. */
  private regexElement: 'beforebreak' | 'afterbreak' | undefined;
  private regexText = '';

  constructor(private readonly file: string) {}

  error(ruleId: string, reason: string, line: number, column: number, hint: string): InputError {
    return new InputError({ reason, ruleId, source: SOURCE, severity: 'error', fatal: true, file: this.file, line, column, hint });
  }

  open(tag: SaxesTagPlain, line: number, column: number): void {
    const name = localName(tag.name);
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    const attr = (key: string): string | undefined => tag.attributes[key];
    if (parent === undefined) {
      if (name !== 'srx') throw this.error('segment/srx-not-srx', `Expected the root element <srx>, got <${tag.name}>.`, line, column, 'Use an SRX 2.0 file.');
      const version = attr('version');
      if (version !== undefined && version !== '2.0') {
        throw this.error('segment/srx-version', `Expected SRX version 2.0, got "${version}".`, line, column, 'Convert the file to SRX 2.0.');
      }
      this.sawRoot = true;
      return;
    }
    switch (name) {
      case 'header':
        this.segmentSubflows = yesNo(attr('segmentsubflows'), true, (v) => this.badYesNo('segmentsubflows', v, line, column));
        this.cascade = yesNo(attr('cascade'), false, (v) => this.badYesNo('cascade', v, line, column));
        return;
      case 'languagerule': {
        const ruleName = attr('languagerulename');
        if (ruleName === undefined || ruleName === '') {
          throw this.error('segment/srx-missing-attribute', '<languagerule> needs a languagerulename attribute.', line, column, 'Name the language rule.');
        }
        this.currentRuleSet = { name: ruleName, rules: [], line, column };
        return;
      }
      case 'rule':
        if (this.currentRuleSet === undefined) return;
        this.currentRule = {
          break: yesNo(attr('break'), true, (v) => this.badYesNo('break', v, line, column)),
          before: '',
          after: '',
          line,
          column,
        };
        return;
      case 'beforebreak':
      case 'afterbreak':
        if (this.currentRule === undefined) return;
        this.regexElement = name;
        this.regexText = '';
        return;
      case 'languagemap':
        this.addMap(attr('languagepattern'), attr('languagerulename'), line, column);
        return;
      default:
        // formathandle, maprules, body, languagerules and unknown extensions carry nothing we use.
        return;
    }
  }

  text(text: string): void {
    if (this.regexElement !== undefined) this.regexText += text;
  }

  close(rawName: string): void {
    const name = localName(rawName);
    this.stack.pop();
    if ((name === 'beforebreak' || name === 'afterbreak') && this.currentRule !== undefined && this.regexElement === name) {
      if (name === 'beforebreak') this.currentRule.before = this.regexText;
      else this.currentRule.after = this.regexText;
      this.regexElement = undefined;
    } else if (name === 'rule' && this.currentRule !== undefined && this.currentRuleSet !== undefined) {
      const r = this.currentRule;
      const set = this.currentRuleSet;
      set.rules.push(compileRule({ ...r, languageRule: set.name, index: set.rules.length + 1, file: this.file }));
      this.currentRule = undefined;
    } else if (name === 'languagerule' && this.currentRuleSet !== undefined) {
      const set = this.currentRuleSet;
      if (this.languageRules.has(set.name)) {
        throw this.error('segment/srx-duplicate-rule', `Language rule "${set.name}" is defined twice.`, set.line, set.column, 'Give each <languagerule> its own name.');
      }
      this.languageRules.set(set.name, { name: set.name, rules: set.rules, line: set.line, column: set.column });
      this.currentRuleSet = undefined;
    }
  }

  finish(): SrxDocument {
    if (!this.sawRoot) throw this.error('segment/srx-not-srx', 'The file has no <srx> element.', 1, 1, 'Use an SRX 2.0 file.');
    for (const map of this.maps) {
      if (!this.languageRules.has(map.ruleName)) {
        throw this.error(
          'segment/srx-unknown-rule',
          `<languagemap> refers to language rule "${map.ruleName}", which the file does not define.`,
          map.line,
          map.column,
          `Define <languagerule languagerulename="${map.ruleName}"> or fix the name.`,
        );
      }
    }
    return { file: this.file, segmentSubflows: this.segmentSubflows, cascade: this.cascade, languageRules: this.languageRules, maps: this.maps };
  }

  private addMap(pattern: string | undefined, ruleName: string | undefined, line: number, column: number): void {
    if (pattern === undefined || ruleName === undefined) {
      throw this.error('segment/srx-missing-attribute', '<languagemap> needs languagepattern and languagerulename attributes.', line, column, 'Add both attributes.');
    }
    let source: string;
    try {
      source = translateJavaRegex(pattern).source;
    } catch (error) {
      if (!(error instanceof RegexTranslationError)) throw error;
      throw this.error('segment/srx-unsupported-regex', `Language pattern "${pattern}": ${error.message}`, line, column, error.hint);
    }
    this.maps.push({ pattern, matcher: new RegExp(`^(?:${source})$`, 'iu'), ruleName, line, column });
  }

  private badYesNo(attribute: string, value: string, line: number, column: number): never {
    throw this.error('segment/srx-bad-attribute', `Expected ${attribute}="yes" or "no", got "${value}".`, line, column, `Write ${attribute}="yes" or ${attribute}="no".`);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function yesNo(value: string | undefined, fallback: boolean, bad: (value: string) => never): boolean {
  if (value === undefined) return fallback;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return bad(value);
}

/** What `compileRule` needs to know about a rule. */
export interface RuleSource {
  readonly break: boolean;
  readonly before: string;
  readonly after: string;
  readonly languageRule: string;
  readonly index: number;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Translates a rule's regexes and builds its scanning and testing RegExps. Throws `InputError`
 * (`segment/srx-unsupported-regex`) naming the rule, file, line and column when a regex uses a
 * Java construct JavaScript cannot express, or does not compile.
 */
export function compileRule(rule: RuleSource): SrxRule {
  const label = `rule ${rule.index} of language rule "${rule.languageRule}"`;
  const fail = (part: string, reason: string, hint: string): never => {
    throw new InputError({
      reason: `${label}, ${part}: ${reason}`,
      ruleId: 'segment/srx-unsupported-regex',
      source: SOURCE,
      severity: 'error',
      fatal: true,
      file: rule.file,
      line: rule.line,
      column: rule.column,
      hint,
    });
  };
  const translate = (part: 'beforebreak' | 'afterbreak', pattern: string, groupOffset: number): TranslatedRegex => {
    try {
      return translateJavaRegex(pattern, { groupOffset });
    } catch (error) {
      if (!(error instanceof RegexTranslationError)) throw error;
      return fail(`<${part}> "${pattern}"`, error.message, error.hint);
    }
  };
  const before = translate('beforebreak', rule.before, 0);
  const after = translate('afterbreak', rule.after, before.groups);
  let scan: RegExp;
  let test: RegExp;
  try {
    scan = new RegExp(`(?:${before.source})(?=${after.source})`, 'gu');
    test = new RegExp(`(?<=${before.source})(?=${after.source})`, 'yu');
  } catch (error) {
    return fail('regex', `does not compile in JavaScript: ${(error as Error).message}`, 'Simplify the regex or rename clashing named groups.');
  }
  return { break: rule.break, before: rule.before, after: rule.after, scan, test, languageRule: rule.languageRule, index: rule.index, line: rule.line, column: rule.column };
}

// ---------------------------------------------------------------------------------------------
// Java regex → JavaScript regex (flag `u`)
// ---------------------------------------------------------------------------------------------

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
}

/** Inline flags of java.util.regex.Pattern that change how we translate. */
interface JavaFlags {
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

const NO_FLAGS: JavaFlags = { i: false, u: false, s: false, m: false, x: false, d: false, U: false };

/** Characters that must be escaped to be literal in a JavaScript `u` regex outside a class. */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** Java's ASCII `\s`: JavaScript's `\s` would also match NBSP and other Unicode spaces. */
const JAVA_SPACE: Range[] = [[0x09, 0x0d], [0x20, 0x20]];
const HORIZONTAL_SPACE: Range[] = [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
const VERTICAL_SPACE: Range[] = [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];
const DIGIT: Range[] = [[0x30, 0x39]];

type Range = [number, number];

/** A character set as items that can go inside `[…]`; `ranges` when it is a plain code-point set. */
interface CharSet {
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

function prop(name: string): CharSet {
  return { items: `\\p{${name}}`, property: `\\p{${name}}` };
}

function rangeSet(ranges: Range[]): CharSet {
  return { items: ranges.map(rangeItem).join(''), ranges };
}

function codePointItem(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/[\\\]\[\-^]/u.test(ch)) return '\\' + ch;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029) {
    return `\\u{${cp.toString(16)}}`;
  }
  return ch;
}

function rangeItem([lo, hi]: Range): string {
  return lo === hi ? codePointItem(lo) : `${codePointItem(lo)}-${codePointItem(hi)}`;
}

function complement(ranges: Range[]): Range[] {
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

  constructor(
    private readonly src: string,
    private readonly groupOffset: number,
  ) {}

  run(): TranslatedRegex {
    const out = this.sequence(NO_FLAGS, false);
    if (this.pos < this.src.length) throw this.refuse('Unmatched ")"', 'Balance the parentheses.');
    return { source: out, groups: this.groups };
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
        return `\\k<${m[1]}>`;
      }
      default:
        break;
    }
    if (next >= '1' && next <= '9') {
      let digits = next;
      while (/\d/u.test(this.peek()) && Number(digits + this.peek()) <= this.groups) digits += this.src[this.pos++];
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

  /** Resolves a Java property name to a JavaScript set. */
  private property(rawName: string, flags: JavaFlags, at: number): CharSet {
    const refuse = (why: string, hint: string): never => {
      throw this.refuse(`"\\p{${rawName}}": ${why}`, hint, at);
    };
    const eq = rawName.indexOf('=');
    if (eq !== -1) {
      const key = rawName.slice(0, eq).toLowerCase();
      const value = rawName.slice(eq + 1);
      if (key === 'gc' || key === 'general_category') return this.generalCategory(value) ?? refuse('unknown general category', 'Use a category such as Lu, Ll, L, P.');
      if (key === 'sc' || key === 'script') return script(value) ?? refuse('unknown script', 'Use a Unicode script name such as Latin.');
      if (key === 'blk' || key === 'block') return refuse('Unicode blocks are not supported in JavaScript', 'Use a code point range such as [\\u0370-\\u03FF].');
      return refuse('unknown property', 'Use a general category, script or binary property.');
    }
    const category = this.generalCategory(rawName);
    if (category !== undefined) return category;
    const folded = rawName.toLowerCase().replace(/[_\s-]/gu, '');
    if (folded.startsWith('java')) return JAVA_CHARACTER[folded] ?? refuse('this java.lang.Character property is not supported', 'Use a Unicode property such as \\p{L}.');
    if (rawName.startsWith('In')) return refuse('Unicode blocks are not supported in JavaScript', 'Use a code point range such as [\\u0370-\\u03FF].');
    if (rawName.startsWith('Is')) {
      const name = rawName.slice(2);
      const byCategory = this.generalCategory(name);
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

  private generalCategory(name: string): CharSet | undefined {
    if (name === 'L&') return prop('LC');
    return GENERAL_CATEGORIES.has(name) ? prop(name) : undefined;
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

function literal(cp: number, flags: JavaFlags): string {
  const variants = caseVariants(cp, flags);
  if (variants.length > 0) return `[${[cp, ...variants].map(codePointItem).join('')}]`;
  const ch = String.fromCodePoint(cp);
  if (JS_SYNTAX.has(ch)) return '\\' + ch;
  if (ch === '-') return '-';
  return codePointItem(cp);
}

function classLiteral(cp: number, flags: JavaFlags): string {
  return [cp, ...caseVariants(cp, flags)].map(codePointItem).join('');
}

function classRange(lo: number, hi: number, flags: JavaFlags): string {
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
