/**
 * `qa/final-punctuation`: the target ends the way the source does (full stop, question mark,
 * exclamation mark, colon, ellipsis), looking through closing quotes and brackets, so that
 * „…gekommen.“ matches “…state.” and «…cabeza». alike. Titles and headings may drop a full stop
 * (headline style) but should not gain one. A language with inverted marks (its language file's
 * `invertedMarks`: Spanish ¿ ¡) needs the opening mark of a question or exclamation.
 */
import { perSegment, translated, type Check, type Finding } from './types.js';

const CLOSERS = /[\s\u00A0\u202F"”“’‘»«›‹)\]}]/u;
const TERMINALS = '.!?:…;';

/** The sentence-final punctuation of a text: '.', '?', '!', ':', ';', '…' or '' for none. */
export function finalPunctuation(text: string): string {
  let i = text.length - 1;
  let found = '';
  while (i >= 0) {
    const ch = text[i]!;
    if (CLOSERS.test(ch)) {
      i -= 1;
      continue;
    }
    if (TERMINALS.includes(ch)) {
      // "..." counts as an ellipsis; the last terminal before the closers decides.
      if (found === '') found = ch === '.' && text.slice(Math.max(0, i - 2), i + 1) === '...' ? '…' : ch;
      i -= 1;
      continue;
    }
    break;
  }
  return found;
}

export const finalPunctuationCheck: Check = {
  id: 'qa/final-punctuation',
  severity: 'warning',
  description: 'the target ends with the punctuation of the source (headings may drop a full stop)',
  run: perSegment((segment, context, block) => {
    if (!translated(segment)) return [];
    const findings: Finding[] = [];
    const source = finalPunctuation(segment.source);
    const target = finalPunctuation(segment.target);
    const headline = block.kind === 'title' || block.kind === 'heading';
    const name = (p: string): string => (p === '' ? 'no final punctuation' : `"${p}"`);
    if (source !== target && !(headline && source === '.' && target === '')) {
      findings.push({
        segment,
        reason: `the source ends with ${name(source)}, the target with ${name(target)}`,
        expected: source === '' ? '(none)' : source,
        actual: target === '' ? '(none)' : target,
        hint: headline ? 'headings may drop a full stop, but should not change or add one' : 'end the sentence as the source does',
      });
    }
    for (const [close, open] of context.profile.invertedMarks) {
      if (segment.target.includes(close) && !segment.target.includes(open)) {
        const what = close === '?' ? 'question' : close === '!' ? 'exclamation' : `sentence with ${close}`;
        findings.push({ segment, reason: `a ${context.profile.name} ${what} needs its opening ${open}`, expected: open, actual: segment.target });
      }
    }
    return findings;
  }),
};
