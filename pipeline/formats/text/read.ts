/**
 * The plain-text reader: recovers the structure of a scraped article.
 *
 * Scraped text loses its markup: the title is the first line, every other non-empty line is a
 * paragraph, sub-headings end up glued to the paragraph after them ("…gegen NeonazismusKim
 * betonte …", "…gegen die USA.Der Kreml …"), and the source attribution is a short last line.
 * The reader finds these places and records each repair as a message. It never changes a
 * character: blocks are ranges over the text as it was read.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { pointAt, type Block, type BlockKind, type Document, type Message } from '../../model.js';
import { bundledFile } from '../../paths.js';

/** Limits of the structure recovery; the bundled values are in `rules/scraped-text.yaml`. */
export interface TextReaderRules {
  readonly heading: {
    /** Fewest words of a glued heading. */
    readonly minWords: number;
    /** Most words of a glued heading. */
    readonly maxWords: number;
    /** Fewest words of the paragraph after a glued heading. */
    readonly minFollowingWords: number;
    /** Lower-case letters that must stand before the capital of a glue such as "NeonazismusKim". */
    readonly minLowercaseBeforeCapital: number;
    /** Words with an inner capital that are names, not a glue ("PowerPoint"). */
    readonly camelCaseWords: readonly string[];
    /** Abbreviations whose full stop is no sentence end ("Dr.Müller"). */
    readonly abbreviations: readonly string[];
  };
  readonly credit: {
    /** Most words of a last line that is read as a credit. */
    readonly maxWords: number;
  };
}

export interface TextReadOptions {
  /** Document name (file name without extension). */
  readonly name: string;
  /** Source path relative to the project root, for messages. */
  readonly path: string;
  /** Source language, BCP 47. */
  readonly language: string;
  /** Recovery rules. Default: the bundled `pipeline/formats/text/rules/scraped-text.yaml`. */
  readonly rules?: TextReaderRules;
}

let bundledRules: TextReaderRules | undefined;

/** The bundled reader rules (loaded once). */
export function defaultTextReaderRules(): TextReaderRules {
  bundledRules ??= parseYaml(readFileSync(bundledFile('pipeline/formats/text/rules/scraped-text.yaml'), 'utf8')) as TextReaderRules;
  return bundledRules;
}

/** Reads a plain-text article into a Document (blocks only; segments come later). */
export function readText(text: string, options: TextReadOptions): { doc: Document; messages: Message[] } {
  const rules = options.rules ?? defaultTextReaderRules();
  const messages: Message[] = [];
  const lines = nonEmptyLines(text);
  const blocks: Block[] = [];
  const block = (kind: BlockKind, start: number, end: number, glued = false): Block => ({
    id: '',
    kind,
    start,
    end,
    glued,
    segments: [],
  });
  const note = (ruleId: string, offset: number, reason: string, actual?: string): void => {
    const point = pointAt(text, offset);
    messages.push({
      reason,
      ruleId,
      source: 'read',
      severity: 'info',
      file: options.path,
      line: point.line,
      column: point.column,
      ...(actual === undefined ? {} : { actual }),
    });
  };

  if (lines.length === 0) {
    // An empty scrape is almost always a failed download: say so instead of publishing nothing.
    messages.push({
      reason: 'the document has no text; it gives empty translation files and empty outputs',
      ruleId: 'read/empty',
      source: 'read',
      severity: 'warning',
      file: options.path,
      line: 1,
      column: 1,
      hint: 'check that the source was saved completely, or remove the file from the source folder',
    });
  }

  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end);
    if (index === 0) {
      blocks.push(block('title', line.start, line.end));
      return;
    }
    if (index === lines.length - 1 && isCredit(content, rules)) {
      blocks.push(block('credit', line.start, line.end));
      note('read/credit', line.start, `the last line "${content}" is read as the credit (source attribution), not as a paragraph`);
      return;
    }
    const glue = findGluedHeading(content, rules);
    if (glue === undefined) {
      blocks.push(block('paragraph', line.start, line.end));
      return;
    }
    const at = line.start + glue;
    blocks.push(block('heading', line.start, at));
    blocks.push(block('paragraph', at, line.end, true));
    note(
      'read/glued-heading',
      at,
      `a sub-heading was glued to the paragraph after it; read "${content.slice(0, glue)}" as a heading`,
      `${content.slice(Math.max(0, glue - 12), glue)}|${content.slice(glue, glue + 12)}`,
    );
  });

  return {
    doc: { name: options.name, path: options.path, language: options.language, text, blocks },
    messages,
  };
}

interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Ranges of the lines that hold text, trimmed of surrounding white space (and of `\r`). */
function nonEmptyLines(text: string): LineRange[] {
  const ranges: LineRange[] = [];
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) ranges.push({ start, end });
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return ranges;
}

const wordCount = (text: string): number => text.split(/\s+/u).filter((w) => w.length > 0).length;
const isUpper = (ch: string | undefined): boolean => ch !== undefined && /\p{Lu}/u.test(ch);
const isLower = (ch: string | undefined): boolean => ch !== undefined && /\p{Ll}/u.test(ch);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);
/** Quotation marks that open a German quotation: „…“, »…«, and the straight and French forms scrapers leave. */
const OPENING_QUOTES = ['„', '»', '«', '"'];

/** A short last line without a sentence's final punctuation is an attribution ("Expansion", "dpa/AFP"). */
function isCredit(line: string, rules: TextReaderRules): boolean {
  return wordCount(line) <= rules.credit.maxWords && !/[.!?:;,“”"»«]$/u.test(line);
}

/** The word (between white space) around an offset. */
function wordAround(line: string, offset: number): string {
  let start = offset;
  let end = offset;
  while (start > 0 && !/\s/u.test(line[start - 1] ?? '')) start -= 1;
  while (end < line.length && !/\s/u.test(line[end] ?? '')) end += 1;
  return line.slice(start, end).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Where the paragraph starts when a heading is glued to the front of the line, or undefined.
 *
 * Three kinds of glue are recognised at the first place they occur in the line:
 * - a lower-case word running into a capitalised one ("NeonazismusKim"), with enough lower-case
 *   letters before the capital that names like "iPhone", "eBay" or "McDonald" stay whole;
 * - a full stop, question or exclamation mark directly followed by a capitalised word ("USA.Der"),
 *   unless the word before it is a listed abbreviation;
 * - a letter directly followed by an opening quotation mark and a capital ("Wohnungsmarkt„Wir").
 * The text before the glue must then look like a heading: a few words, no sentence punctuation
 * inside, no quotation marks, no comma (headings are short), and enough text must follow it.
 */
export function findGluedHeading(line: string, rules: TextReaderRules): number | undefined {
  const h = rules.heading;
  for (let i = 1; i < line.length - 1; i += 1) {
    const before = line[i - 1];
    const here = line[i];
    const after = line[i + 1];
    // An opening quotation mark straight after a letter ("…Wohnungsmarkt„Wir …") never happens in
    // German typography: a paragraph that starts with a quotation had its heading glued to it.
    if (OPENING_QUOTES.includes(here ?? '') && isLetter(before) && isUpper(after)) return acceptHeading(line, i, 'quote', rules);
    if (!isUpper(here) || !isLower(after)) continue;
    if (isLower(before)) {
      let run = 0;
      while (isLower(line[i - 1 - run])) run += 1;
      if (run < h.minLowercaseBeforeCapital) continue;
      if (h.camelCaseWords.includes(wordAround(line, i))) continue;
      return acceptHeading(line, i, 'camel', rules);
    }
    if ((before === '.' || before === '!' || before === '?') && isLetter(line[i - 2])) {
      const previousWord = /(\p{L}+)[.!?]$/u.exec(line.slice(0, i))?.[1] ?? '';
      if (previousWord.length < 2 || h.abbreviations.includes(previousWord)) continue;
      return acceptHeading(line, i, 'stop', rules);
    }
  }
  return undefined;
}

function acceptHeading(line: string, at: number, kind: 'camel' | 'stop' | 'quote', rules: TextReaderRules): number | undefined {
  const heading = line.slice(0, at);
  const body = kind === 'stop' ? heading.slice(0, -1) : heading;
  const words = wordCount(heading);
  if (words < rules.heading.minWords || words > rules.heading.maxWords) return undefined;
  if (/[.!?;:,„“”"»«]/u.test(body)) return undefined;
  if (wordCount(line.slice(at)) < rules.heading.minFollowingWords) return undefined;
  return at;
}
