/**
 * Compiling SRX rules and language maps: their Java regexes are translated to JavaScript
 * (`java-regex.ts`) and built into the RegExps the engine runs. This happens at load time, so a
 * rule that cannot run is reported with its file, line and column before any text is segmented.
 */
import { InputError } from '../model.js';
import { RegexTranslationError, translateJavaRegex, type TranslatedRegex } from './java-regex.js';

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
  /** `(?<=before)(?=after)` (or the two the other way round), flags `yu`: tests exactly whether the rule applies at `lastIndex`. */
  readonly test: RegExp;
  /**
   * True when the exact test may be joined with other rules' tests into one alternation: neither
   * part refers back to a group and no group is named (numbers and names would clash).
   */
  readonly joinable: boolean;
  /** Name of the language rule holding it. */
  readonly languageRule: string;
  /** 1-based position of the rule inside its language rule. */
  readonly index: number;
  /** Where the `<rule>` element starts (1-based line and column). */
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

const SOURCE = 'segment';

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
  if (before.backReferences) {
    // The exact test runs <beforebreak> inside a lookbehind, which JavaScript matches right to left:
    // a back reference there is tried before its group has captured anything and matches the empty
    // string, so the rule would apply where Java says it does not. Refuse rather than mis-segment.
    fail(
      `<beforebreak> "${rule.before}"`,
      'a back reference inside <beforebreak> cannot run in a JavaScript lookbehind',
      'Spell the repeated text out, or move the back reference into <afterbreak> (which may refer to groups of <beforebreak>).',
    );
  }
  const after = translate('afterbreak', rule.after, before.groups);
  let scan: RegExp;
  let test: RegExp;
  try {
    scan = new RegExp(`(?:${before.source})(?=${after.source})`, 'gu');
    // The look-ahead is tried first when it can be: it is usually the cheaper test (a few characters
    // from the position), while a look-behind such as `\n[^\n]*` walks back over a whole line. It can
    // go first unless it refers back to groups of <beforebreak>, which must have matched before it.
    test = after.backReferences
      ? new RegExp(`(?<=${before.source})(?=${after.source})`, 'yu')
      : new RegExp(`(?=${after.source})(?<=${before.source})`, 'yu');
  } catch (error) {
    return fail('regex', `does not compile in JavaScript: ${(error as Error).message}`, 'Simplify the regex or rename clashing named groups.');
  }
  const joinable = !before.backReferences && !after.backReferences && !/\(\?<[A-Za-z]/u.test(before.source + after.source);
  return { break: rule.break, before: rule.before, after: rule.after, scan, test, joinable, languageRule: rule.languageRule, index: rule.index, line: rule.line, column: rule.column };
}

/** What `compileLanguageMap` needs to know about a `<languagemap>`. */
export interface MapSource {
  /** The `languagepattern` attribute (Java regex). */
  readonly pattern: string;
  readonly ruleName: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Builds a language map whose matcher accepts a whole language code, ignoring case. Throws
 * `InputError` (`segment/srx-unsupported-regex`) when the pattern cannot be translated.
 */
export function compileLanguageMap(map: MapSource): SrxLanguageMap {
  let source: string;
  try {
    source = translateJavaRegex(map.pattern).source;
  } catch (error) {
    if (!(error instanceof RegexTranslationError)) throw error;
    throw new InputError({
      reason: `Language pattern "${map.pattern}": ${error.message}`,
      ruleId: 'segment/srx-unsupported-regex',
      source: SOURCE,
      severity: 'error',
      fatal: true,
      file: map.file,
      line: map.line,
      column: map.column,
      hint: error.hint,
    });
  }
  return { pattern: map.pattern, matcher: new RegExp(`^(?:${source})$`, 'iu'), ruleName: map.ruleName, line: map.line, column: map.column };
}
