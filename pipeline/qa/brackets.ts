/**
 * `qa/brackets`: round, square and curly brackets balanced within a block (a parenthesis, like a
 * quotation, may span sentences). An imbalance the source block has too is no finding: German
 * news writes enumerations as "1) … 2) …" and a translation that keeps them is correct.
 */
import type { Check, Finding, QaSegment } from './types.js';

const PAIRS: ReadonlyMap<string, string> = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
const CLOSING: ReadonlyMap<string, string> = new Map([[')', '('], [']', '['], ['}', '{']]);

/** A bracket without its partner, in reading order of the block. */
interface Stray {
  readonly segment: QaSegment;
  readonly char: string;
  readonly kind: 'closing' | 'unclosed';
}

/** The brackets of a block's texts (sources or targets) that have no partner. */
function strays(segments: readonly QaSegment[], textOf: (segment: QaSegment) => string): Stray[] {
  const out: Stray[] = [];
  const stack: { segment: QaSegment; char: string }[] = [];
  for (const segment of segments) {
    for (const char of textOf(segment)) {
      if (PAIRS.has(char)) stack.push({ segment, char });
      else if (CLOSING.has(char)) {
        if (stack[stack.length - 1]?.char === CLOSING.get(char)) stack.pop();
        else out.push({ segment, char, kind: 'closing' });
      }
    }
  }
  return [...out, ...stack.map(({ segment, char }) => ({ segment, char, kind: 'unclosed' as const }))];
}

export const brackets: Check = {
  id: 'qa/brackets',
  severity: 'warning',
  description: 'brackets are balanced across the sentences of a paragraph',
  run: (block) => {
    // What the source leaves unbalanced, the target may too: count it off, bracket by bracket.
    const allowed = new Map<string, number>();
    for (const s of strays(block.segments, (segment) => segment.source)) {
      allowed.set(`${s.kind}${s.char}`, (allowed.get(`${s.kind}${s.char}`) ?? 0) + 1);
    }
    const findings: Finding[] = [];
    for (const stray of strays(block.segments, (segment) => segment.target ?? '')) {
      const key = `${stray.kind}${stray.char}`;
      const left = allowed.get(key) ?? 0;
      if (left > 0) {
        allowed.set(key, left - 1);
        continue;
      }
      const { segment, char } = stray;
      findings.push(
        stray.kind === 'closing'
          ? { segment, reason: `the closing ${char} has no matching opening bracket`, actual: char, expected: CLOSING.get(char) ?? '' }
          : { segment, reason: `the bracket ${char} is not closed in this paragraph`, actual: char, expected: PAIRS.get(char) ?? '' },
      );
    }
    return findings;
  },
};
