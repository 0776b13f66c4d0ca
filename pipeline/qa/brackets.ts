/**
 * `qa/brackets`: round, square and curly brackets balanced within a block (a parenthesis, like a
 * quotation, may span sentences).
 */
import type { Check, Finding, QaSegment } from './types.js';

const PAIRS: ReadonlyMap<string, string> = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
const CLOSING: ReadonlyMap<string, string> = new Map([[')', '('], [']', '['], ['}', '{']]);

export const brackets: Check = {
  id: 'qa/brackets',
  severity: 'warning',
  description: 'brackets are balanced across the sentences of a paragraph',
  run: (block) => {
    const findings: Finding[] = [];
    const stack: { segment: QaSegment; char: string }[] = [];
    for (const segment of block.segments) {
      for (const ch of segment.target ?? '') {
        if (PAIRS.has(ch)) stack.push({ segment, char: ch });
        else if (CLOSING.has(ch)) {
          if (stack[stack.length - 1]?.char === CLOSING.get(ch)) stack.pop();
          else findings.push({ segment, reason: `the closing ${ch} has no matching opening bracket`, actual: ch, expected: CLOSING.get(ch) ?? '' });
        }
      }
    }
    for (const open of stack) {
      findings.push({ segment: open.segment, reason: `the bracket ${open.char} is not closed in this paragraph`, actual: open.char, expected: PAIRS.get(open.char) ?? '' });
    }
    return findings;
  },
};
