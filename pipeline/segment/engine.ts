/**
 * Sentence segmentation driven by SRX rules.
 *
 * SRX semantics: a position in the text is a break when the first rule (in document order) whose
 * `beforebreak` matches text ending there and whose `afterbreak` matches text starting there is a
 * break rule. Testing every rule at every position would cost positions × rules; instead:
 *
 * 1. each *break* rule scans the text once with `(?:before)(?=after)`; the end of each match is a
 *    candidate (after a match the scan resumes one character after its start, so overlapping
 *    candidates are found too). The regex engine reports one match per start, the one it prefers
 *    (the longest for greedy rules); so every position strictly inside a match is also tested with
 *    the rule's exact test, and becomes a candidate when a shorter `before` ending there is followed
 *    by `after` (`a+` before `a` in "aaab" breaks after the first and the second "a", as in Java);
 * 2. at each candidate only, the rules are tested in document order with an exact sticky test
 *    `(?<=before)(?=after)`, stopping at the first rule that applies (at the latest the rule that
 *    produced the candidate). No-break rules (the long abbreviation lists) are never scanned.
 *
 * Remaining limitation of step 1: a match *longer* than the preferred one (possible only with lazy
 * quantifiers or an alternation that lists a shorter option first, e.g. `(?:a|ab)`) is not tried.
 * Back references inside `beforebreak` are refused at load time (see `srx-compile.ts`): the exact
 * test runs `before` inside a lookbehind, where JavaScript would let them match the empty string.
 *
 * The pieces between breaks are trimmed of whitespace; whitespace between sentences belongs to no
 * segment (the document skeleton keeps it).
 */
import path from 'node:path';
import { InputError } from '../model.js';
import { bundledFile, packageRoot } from '../paths.js';
import { compileRule, type SrxRule } from './srx-compile.js';
import { loadSrx, rulesForLanguage } from './srx.js';

/** Options of `createSegmenter`. */
export interface SegmenterOptions {
  /** BCP 47 language of the text, e.g. 'de'. Chooses the language rules through the SRX maps. */
  readonly language: string;
  /** SRX file to use instead of the bundled rules (absolute path). Default: the bundled `de.srx`. */
  readonly srxPath?: string;
  /**
   * Extra abbreviations (without the final full stop, e.g. 'Abg') that never end a sentence. They
   * are tried before every rule of the file. Case-sensitive, matched as whole words. Default: none.
   */
  readonly abbreviations?: readonly string[];
}

/** A sentence's range: UTF-16 offsets into the text, end exclusive. */
export interface SegmentRange {
  readonly start: number;
  readonly end: number;
}

/** Splits text into sentences. */
export interface Segmenter {
  /** Ranges of the sentences of `text`, in order, non-overlapping, without surrounding whitespace. */
  split(text: string): SegmentRange[];
}

/** Where the bundled rules live, relative to the package root. */
export const BUNDLED_SRX = 'pipeline/segment/rules/de.srx';

/** Loose BCP 47 shape: a 2–8 letter primary subtag and optional subtags. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u;

/**
 * Creates a segmenter for one language. Options are checked first (`TypeError`, "expected X, got
 * Y"); an unreadable or invalid SRX file, or one with no rules for the language, is an `InputError`.
 */
export function createSegmenter(options: SegmenterOptions): Segmenter {
  validateOptions(options);
  const srxFile = options.srxPath ?? bundledFile(BUNDLED_SRX);
  const displayName = displayPath(srxFile);
  const srx = loadSrx(srxFile, displayName);
  const rules = rulesForLanguage(srx, options.language);
  if (rules.length === 0) {
    throw new InputError({
      reason: `No language rules in the SRX file apply to language "${options.language}".`,
      ruleId: 'segment/srx-no-rules',
      source: 'segment',
      severity: 'error',
      fatal: true,
      file: displayName,
      hint: 'Add a <languagemap> whose languagepattern matches the language, or choose another SRX file.',
    });
  }
  const abbreviations = options.abbreviations ?? [];
  const all = abbreviations.length > 0 ? [abbreviationRule(abbreviations), ...rules] : rules;
  return new SrxSegmenter(all);
}

function displayPath(file: string): string {
  const relative = path.relative(packageRoot(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}" (string)`;
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}

function validateOptions(options: SegmenterOptions): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`Expected segmenter options to be an object, got ${describe(options)}.`);
  }
  const { language, srxPath, abbreviations } = options;
  if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) {
    throw new TypeError(`Expected \`language\` to be a BCP 47 language tag such as "de" or "de-CH", got ${describe(language)}.`);
  }
  if (srxPath !== undefined && (typeof srxPath !== 'string' || !path.isAbsolute(srxPath))) {
    throw new TypeError(`Expected \`srxPath\` to be an absolute path to an SRX file, got ${describe(srxPath)}.`);
  }
  if (abbreviations !== undefined) {
    if (!Array.isArray(abbreviations)) {
      throw new TypeError(`Expected \`abbreviations\` to be an array of strings, got ${describe(abbreviations)}.`);
    }
    abbreviations.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || item === '' || /\s/u.test(item) || item.endsWith('.')) {
        throw new TypeError(
          `Expected \`abbreviations[${index}]\` to be a non-empty word without spaces and without the final full stop (e.g. "Abg"), got ${describe(item)}.`,
        );
      }
    });
  }
}

/** One no-break rule for all extra abbreviations: a single alternation, tested only at candidates. */
function abbreviationRule(abbreviations: readonly string[]): SrxRule {
  const quoted = [...new Set(abbreviations)]
    .sort((a, b) => b.length - a.length)
    .map((a) => `\\Q${a.replace(/\\E/gu, '\\E\\\\E\\Q')}\\E`)
    .join('|');
  return compileRule({
    break: false,
    before: `(?<![\\p{L}\\p{N}])(?:${quoted})\\.`,
    after: '',
    languageRule: 'options.abbreviations',
    index: 1,
    file: 'segmenter options',
    line: 1,
    column: 1,
  });
}

/** Whitespace that trimming removes (the same set as `String.prototype.trim`). */
const WHITESPACE = /\s/u;

class SrxSegmenter implements Segmenter {
  /** The break rules with their own copies of `scan` and `test` (both carry `lastIndex` state). */
  private readonly breakRules: { readonly index: number; readonly scan: RegExp; readonly test: RegExp }[];

  constructor(private readonly rules: readonly SrxRule[]) {
    this.breakRules = rules.flatMap((rule, index) =>
      rule.break ? [{ index, scan: new RegExp(rule.scan.source, rule.scan.flags), test: new RegExp(rule.test.source, rule.test.flags) }] : [],
    );
  }

  split(text: string): SegmentRange[] {
    const breaks = this.breaks(text);
    const ranges: SegmentRange[] = [];
    let from = 0;
    for (const to of [...breaks, text.length]) {
      let start = from;
      let end = to;
      while (start < end && WHITESPACE.test(text.charAt(start))) start += 1;
      while (end > start && WHITESPACE.test(text.charAt(end - 1))) end -= 1;
      if (end > start) ranges.push({ start, end });
      from = to;
    }
    return ranges;
  }

  /** Break positions, ascending, strictly inside the text. */
  private breaks(text: string): number[] {
    const candidates = this.candidates(text);
    const breaks: number[] = [];
    for (const [position, producer] of candidates) {
      for (let i = 0; i <= producer; i += 1) {
        const rule = this.rules[i];
        if (rule === undefined) break;
        if (i < producer) {
          rule.test.lastIndex = position;
          if (!rule.test.test(text)) continue;
        }
        if (rule.break) breaks.push(position);
        break;
      }
    }
    return breaks;
  }

  /** Candidate positions from the break rules' scans, each with the first break rule that gave it. */
  private candidates(text: string): Map<number, number> {
    const found = new Map<number, number>();
    for (const { index, scan, test } of this.breakRules) {
      scan.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = scan.exec(text)) !== null) {
        const end = match.index + match[0].length;
        // Break rules are scanned in document order, so the first to claim a position is the earliest.
        if (end > 0 && end < text.length && !found.has(end)) found.set(end, index);
        // Shorter matches from the same start: the engine only reported its preferred (longest) one.
        for (let inner = match.index + 1; inner < end; inner += 1) {
          if (found.has(inner) || isLowSurrogate(text.charCodeAt(inner))) continue;
          test.lastIndex = inner;
          if (test.test(text)) found.set(inner, index);
        }
        // Resume one code point after the match start so overlapping matches are seen too.
        const code = text.charCodeAt(match.index);
        scan.lastIndex = match.index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      }
    }
    return new Map([...found].sort((a, b) => a[0] - b[0]));
  }
}

/** True for the second half of a surrogate pair: no position between the halves is a break. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
