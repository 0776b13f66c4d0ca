/**
 * `qa/quotes`: quotation marks of the target language, balanced across the segments of a block.
 *
 * Conventions (outer, then inner) come from the language files (`quotes` in
 * `pipeline/languages/<code>.yaml`); a language without them is not checked:
 * - German: „…“, inner ‚…‘.
 * - English: “…”, inner ‘…’ (’ is also the apostrophe: between letters, or after an s with no
 *   inner quotation open, it is taken as one).
 * - French: « … » with a no-break space inside the guillemets (U+00A0 or the narrow U+202F);
 *   inner “…”.
 * - Spanish: «…» without spaces, inner “…”, innermost ‘…’.
 *
 * A quotation may open in one segment and close in a later one of the same block (the article's
 * second paragraph opens a quote in its first sentence and closes it in the second), so balance
 * is judged per block; the finding points at the segment where the unclosed quote opens or where
 * a stray closing mark stands. Straight quotes (") and marks of other languages are reported.
 */
import { languageProfile, type LanguageProfile } from '../languages/index.js';
import type { Check, Finding, QaBlock, QaSegment } from './types.js';

interface QuoteStyle {
  /** Pairs, outermost first: [open, close]. */
  readonly pairs: readonly (readonly [string, string])[];
  /** Spaces required inside guillemets (French), or forbidden (others). */
  readonly spaced: boolean;
}

/** Every quotation mark we recognise, of any language. */
const ALL_MARKS = new Set(['"', '„', '“', '”', '‚', '‘', '’', '«', '»', '‹', '›']);
const NO_BREAK = new Set(['\u00A0', '\u202F']);
const LETTER = /[\p{L}\p{N}]/u;
/** Marks that open a quotation in some language (what may follow an elided article: d’«, l’“). */
const OPENING = new Set(['«', '“', '„', '‚', '‹', '"']);
/**
 * Pairs of other languages' marks, opener → closer, so that a whole foreign pair (German „…“ left
 * in a French target) is one finding about foreign marks, not also an unbalanced quotation of the
 * target language (German “ is the English and French opening mark).
 */
const FOREIGN_PAIRS: ReadonlyMap<string, string> = new Map([
  ['„', '“'], ['‚', '‘'], ['"', '"'], ['»', '«'], ['›', '‹'], ['«', '»'], ['‹', '›'], ['“', '”'], ['‘', '’'],
]);

/** True when ’ (or ‘) at `i` is an apostrophe rather than a quotation mark. */
function isApostrophe(text: string, i: number, innerOpen: boolean): boolean {
  const ch = text[i];
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (ch === '’' && LETTER.test(before) && LETTER.test(after)) return true; // d’État, army’s
  if (ch === '’' && LETTER.test(before) && OPENING.has(after)) return true; // French elision before a quote: d’« irresponsable »
  if (ch === '’' && /s/iu.test(before) && !innerOpen) return true; // soldiers’ (plural possessive)
  if (ch === '‘' && /\d/u.test(after)) return true; // ‘90s
  return false;
}

/** One quotation mark in a segment. */
interface Mark {
  readonly segment: QaSegment;
  readonly char: string;
  readonly index: number;
}

/** Checks the marks of one block against the style of a language (a code, or its profile). */
export function checkQuotes(block: QaBlock, language: string | LanguageProfile): Finding[] {
  const quotes = (typeof language === 'string' ? languageProfile(language) : language).quotes;
  if (quotes === undefined || quotes.pairs.length === 0) return [];
  const style: QuoteStyle = { pairs: quotes.pairs, spaced: quotes.spaceInside };
  const findings: Finding[] = [];
  const openers = new Map(style.pairs.map(([o, c]) => [o, c] as const));
  const closers = new Map(style.pairs.map(([o, c]) => [c, o] as const));
  const stack: Mark[] = [];
  const innerOpen = (): boolean => stack.some((m) => m.char === style.pairs[1]?.[0] || m.char === style.pairs[2]?.[0]);
  const wrong = new Map<QaSegment, Set<string>>();
  const addWrong = (segment: QaSegment, ch: string): void => {
    const set = wrong.get(segment) ?? new Set<string>();
    set.add(ch);
    wrong.set(segment, set);
  };
  // Closers expected for foreign opening marks seen so far (innermost last).
  const foreign: string[] = [];
  for (const segment of block.segments) {
    const text = segment.target;
    if (text === undefined || text.trim() === '') continue;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (!ALL_MARKS.has(ch)) continue;
      if ((ch === '’' || ch === '‘') && isApostrophe(text, i, innerOpen())) continue;
      if (foreign.length > 0 && foreign[foreign.length - 1] === ch) {
        foreign.pop(); // closes a foreign pair: reported with its opener
        addWrong(segment, ch);
        continue;
      }
      const mark: Mark = { segment, char: ch, index: i };
      const top = stack[stack.length - 1];
      // In styles where a mark both opens and closes (en ’ closes ‘; de “ closes „), closing wins.
      if (closers.has(ch) && top !== undefined && closers.get(ch) === top.char) {
        stack.pop();
        checkSpacing(mark, 'close', style, findings);
        continue;
      }
      if (openers.has(ch)) {
        const outer = style.pairs[0]?.[0];
        if (top === undefined && ch !== outer) {
          findings.push({ segment, reason: `an outer quotation opens with ${ch}; this language uses ${style.pairs[0]?.join('…') ?? ''} outside and ${ch} only inside`, actual: excerptAt(text, i), expected: outer ?? ch, hint: 'use the outer quotation marks of the target language' });
        }
        if (top !== undefined && top.char === ch && !style.spaced) {
          findings.push({ segment, reason: `a quotation inside a quotation should use the inner marks ${style.pairs[1]?.join('…') ?? ''}`, actual: ch, expected: style.pairs[1]?.[0] ?? ch });
        }
        stack.push(mark);
        checkSpacing(mark, 'open', style, findings);
        continue;
      }
      if (closers.has(ch)) {
        findings.push({ segment, reason: `the closing mark ${ch} closes no open quotation in this paragraph`, actual: excerptAt(text, i), hint: 'add the opening mark, or remove this one' });
        continue;
      }
      addWrong(segment, ch);
      const closer = FOREIGN_PAIRS.get(ch);
      if (closer !== undefined) foreign.push(closer);
    }
  }
  for (const [segment, chars] of wrong) {
    findings.push({
      segment,
      reason: `quotation marks of another language or straight quotes: ${[...chars].join(' ')}`,
      actual: [...chars].join(' '),
      expected: style.pairs.map(([o, c]) => `${o}…${c}`).join(', inside: '),
      hint: 'use the quotation marks of the target language',
    });
  }
  for (const open of stack) {
    findings.push({
      segment: open.segment,
      reason: `the quotation opened with ${open.char} is not closed in this paragraph`,
      actual: excerptAt(open.segment.target ?? '', open.index),
      expected: openers.get(open.char) ?? '',
      hint: 'close the quotation (it may close in a later sentence of the same paragraph)',
    });
  }
  return findings;
}

/** French needs a no-break space inside « »; the other styles want none. */
function checkSpacing(mark: Mark, role: 'open' | 'close', style: QuoteStyle, findings: Finding[]): void {
  if (mark.char !== '«' && mark.char !== '»') return;
  const text = mark.segment.target ?? '';
  const neighbour = role === 'open' ? text[mark.index + 1] : text[mark.index - 1];
  if (neighbour === undefined) return;
  if (style.spaced && !NO_BREAK.has(neighbour)) {
    findings.push({
      segment: mark.segment,
      reason: `${mark.char} needs a no-break space (U+00A0 or U+202F) ${role === 'open' ? 'after' : 'before'} it`,
      actual: excerptAt(text, mark.index),
      hint: neighbour === ' ' ? 'replace the ordinary space with a no-break space' : 'insert a no-break space',
    });
  }
  if (!style.spaced && /\s/u.test(neighbour)) {
    findings.push({
      segment: mark.segment,
      reason: `no space ${role === 'open' ? 'after' : 'before'} ${mark.char} in this language`,
      actual: excerptAt(text, mark.index),
      hint: 'remove the space',
    });
  }
}

function excerptAt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 13);
}

export const quotes: Check = {
  id: 'qa/quotes',
  severity: 'warning',
  description: 'quotation marks of the target language, balanced across the sentences of a paragraph',
  run: (block, context) => checkQuotes(block, context.profile),
};
