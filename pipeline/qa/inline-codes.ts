/**
 * `qa/inline-codes`: the target keeps the inline codes of the source (placeholders, paired
 * formatting codes), compared by kind and id in the model (see `pipeline/model/codes.ts`): none
 * missing, none added, and in the same order. A pair whose close comes before its open in the
 * target, or whose half is missing, breaks the markup it stands for; a reorder may too, so it is
 * reported (a reviewer accepts a deliberate one with an l10n-accept note).
 */
import type { InlineCode } from '../model.js';
import { perSegment, type Check, type Finding } from './types.js';

/** How a code is compared: its kind and id (the element a tool chose does not matter). */
const key = (c: InlineCode): string => `${c.kind}#${c.id}`;

/** How a code is shown: its type and id, and which half of a pair it is (`bold#1:open`). */
const shown = (c: InlineCode): string => `${c.type}#${c.id}${c.kind === 'standalone' ? '' : `:${c.kind}`}`;

/** Items of `a` not in `b` (by key), as a multiset difference. */
function minus(a: readonly InlineCode[], b: readonly InlineCode[]): InlineCode[] {
  const rest = b.map(key);
  return a.filter((x) => {
    const i = rest.indexOf(key(x));
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Pairs whose close comes before its open. */
function inverted(codes: readonly InlineCode[]): InlineCode[] {
  const opened = new Set<string>();
  const out: InlineCode[] = [];
  const opens = new Set(codes.filter((c) => c.kind === 'open').map((c) => c.id));
  for (const c of codes) {
    if (c.kind === 'open') opened.add(c.id);
    else if (c.kind === 'close' && opens.has(c.id) && !opened.has(c.id)) out.push(c);
  }
  return out;
}

export const inlineCodes: Check = {
  id: 'qa/inline-codes',
  severity: 'error',
  description: 'inline codes of the source are in the target, none added, none broken, in the same order',
  run: perSegment((segment) => {
    // Software strings are `strings/inline-codes`' business: their codes may move.
    if (segment.target === undefined || segment.resource !== undefined) return [];
    const source = segment.sourceCodes;
    const target = segment.targetCodes;
    const list = (codes: readonly InlineCode[]): string => codes.map(shown).join(' ');
    const findings: Finding[] = [];
    const missing = minus(source, target);
    const extra = minus(target, source);
    if (missing.length > 0) findings.push({ segment, reason: `inline code(s) missing from the target: ${missing.map(shown).join(', ')}`, expected: list(source), actual: list(target) || '(none)', hint: 'copy the missing codes into the target' });
    if (extra.length > 0) findings.push({ segment, reason: `inline code(s) in the target that the source does not have: ${extra.map(shown).join(', ')}`, expected: list(source) || '(none)', actual: list(target), hint: 'remove the extra codes' });
    if (missing.length > 0 || extra.length > 0) return findings;
    const broken = inverted(target).filter((c) => !inverted(source).some((s) => s.id === c.id));
    if (broken.length > 0) {
      findings.push({ segment, reason: `a paired code closes before it opens in the target: ${broken.map(shown).join(', ')}`, expected: list(source), actual: list(target), hint: 'put the opening code before the closing one' });
    } else if (source.map(key).join(' ') !== target.map(key).join(' ')) {
      findings.push({ segment, reason: 'inline codes are in another order than in the source', expected: list(source), actual: list(target), hint: 'restore the order, or accept the finding if the word order requires it' });
    }
    return findings;
  }),
};
