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
 *    `(?<=before)(?=after)`, stopping at the first rule that applies; consecutive rules with the
 *    same break value are tested as one alternation (see `RuleRun`). No-break rules (the long
 *    abbreviation lists) are never scanned.
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

/**
 * Rules tested together at a candidate position: consecutive rules with the same `break` value.
 * Under SRX's first-match semantics only the value of the first rule that applies matters, so a
 * run of rules that all say "break" (or all "no break") can be asked at once with one alternation:
 * a candidate then costs a handful of regex tests instead of one per rule (the abbreviation lists
 * alone are dozens of rules in many SRX files).
 */
interface RuleRun {
  readonly break: boolean;
  /** Sticky test (`y`) that applies when any rule of the run applies at `lastIndex`. */
  readonly test: RegExp;
}

/** Joins consecutive joinable rules with the same break value; a rule that is not joinable runs alone. */
function ruleRuns(rules: readonly SrxRule[]): RuleRun[] {
  const runs: RuleRun[] = [];
  let group: SrxRule[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const first = group[0] as SrxRule;
    const test = group.length === 1 ? new RegExp(first.test.source, first.test.flags) : new RegExp(group.map((r) => `(?:${r.test.source})`).join('|'), 'yu');
    runs.push({ break: first.break, test });
    group = [];
  };
  for (const rule of rules) {
    const previous = group[group.length - 1];
    if (previous !== undefined && (previous.break !== rule.break || !previous.joinable || !rule.joinable)) flush();
    group.push(rule);
  }
  flush();
  return runs;
}

/** True for the characters `String.prototype.trim` removes (Unicode White_Space and the BOM). */
function isTrimmed(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

class SrxSegmenter implements Segmenter {
  /** The break rules' scanners, each its own copy (a RegExp carries `lastIndex` state). */
  private readonly scans: readonly RegExp[];
  /** The break rules' exact tests, same order as `scans`: inner positions of a scan match. */
  private readonly scanTests: readonly RegExp[];
  private readonly runs: readonly RuleRun[];
  /** Candidate positions of the current text; reused between calls (grown when needed). */
  private candidates = new Int32Array(64);

  constructor(rules: readonly SrxRule[]) {
    const breakRules = rules.filter((rule) => rule.break);
    this.scans = breakRules.map((rule) => new RegExp(rule.scan.source, rule.scan.flags));
    this.scanTests = breakRules.map((rule) => new RegExp(rule.test.source, rule.test.flags));
    this.runs = ruleRuns(rules);
  }

  split(text: string): SegmentRange[] {
    const count = this.collectCandidates(text);
    const candidates = this.candidates.subarray(0, count).sort();
    const ranges: SegmentRange[] = [];
    let from = 0;
    let previous = -1;
    for (let i = 0; i <= count; i += 1) {
      const to = i < count ? (candidates[i] as number) : text.length;
      if (to === previous || (i < count && !this.breaksAt(text, to))) continue;
      previous = to;
      let start = from;
      let end = to;
      while (start < end && isTrimmed(text.charCodeAt(start))) start += 1;
      while (end > start && isTrimmed(text.charCodeAt(end - 1))) end -= 1;
      if (end > start) ranges.push({ start, end });
      from = to;
    }
    return ranges;
  }

  /** The decision at a position: the value of the first run with a rule that applies (none: no break). */
  private breaksAt(text: string, position: number): boolean {
    for (const run of this.runs) {
      run.test.lastIndex = position;
      if (run.test.test(text)) return run.break;
    }
    return false;
  }

  /**
   * Writes every position strictly inside the text where some break rule applies (and possibly a
   * few more) into `candidates`, unsorted, possibly repeated; returns how many. The decision is
   * taken later by `breaksAt`, so a candidate too many costs a test, never a wrong break.
   */
  private collectCandidates(text: string): number {
    let count = 0;
    let candidates = this.candidates;
    const { scans, scanTests } = this;
    for (let r = 0; r < scans.length; r += 1) {
      const scan = scans[r] as RegExp;
      scan.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = scan.exec(text)) !== null) {
        const start = match.index;
        const end = start + match[0].length;
        // Room for the end and every inner position of this match.
        if (count + (end - start) + 1 > candidates.length) {
          const grown = new Int32Array(Math.max(candidates.length * 2, count + (end - start) + 1));
          grown.set(candidates);
          this.candidates = candidates = grown;
        }
        if (end > 0 && end < text.length) candidates[count++] = end;
        if (end - start > 1) {
          // Shorter matches from the same start: the engine only reported its preferred (longest) one.
          const test = scanTests[r] as RegExp;
          for (let inner = start + 1; inner < end; inner += 1) {
            if (isLowSurrogate(text.charCodeAt(inner))) continue;
            test.lastIndex = inner;
            if (test.test(text)) candidates[count++] = inner;
          }
        }
        // Resume one code point after the match start so overlapping matches are seen too.
        const code = text.charCodeAt(start);
        scan.lastIndex = start + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      }
    }
    return count;
  }
}

/** True for the second half of a surrogate pair: no position between the halves is a break. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
