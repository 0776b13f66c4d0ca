/**
 * `qa/inline-codes`: the target keeps the inline codes of the source (placeholders, paired
 * formatting codes), compared by element family and id as the XLIFF adapter reports them
 * (`codeSignature`): none missing, none added, and in the same order (a reordered pair can break
 * the markup it stands for; a reviewer accepts a deliberate reorder with an l10n-accept note).
 */
import { perSegment, type Check, type Finding } from './types.js';

const signature = (codes: readonly { element: string; id: string | undefined }[]): string[] => codes.map((c) => `${c.element}#${c.id ?? ''}`);

/** Items of `a` not in `b`, as a multiset difference. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}

export const inlineCodes: Check = {
  id: 'qa/inline-codes',
  severity: 'error',
  description: 'inline codes of the source are in the target, none added, in the same order',
  run: perSegment((segment) => {
    if (segment.target === undefined) return [];
    const source = signature(segment.sourceCodes);
    const target = signature(segment.targetCodes);
    const findings: Finding[] = [];
    const missing = minus(source, target);
    const extra = minus(target, source);
    if (missing.length > 0) findings.push({ segment, reason: `inline code(s) missing from the target: ${missing.join(', ')}`, expected: source.join(' '), actual: target.join(' ') || '(none)', hint: 'copy the missing codes into the target' });
    if (extra.length > 0) findings.push({ segment, reason: `inline code(s) in the target that the source does not have: ${extra.join(', ')}`, expected: source.join(' ') || '(none)', actual: target.join(' '), hint: 'remove the extra codes' });
    if (missing.length === 0 && extra.length === 0 && source.join(' ') !== target.join(' ')) {
      findings.push({ segment, reason: 'inline codes are in another order than in the source', expected: source.join(' '), actual: target.join(' '), hint: 'restore the order, or accept the finding if the word order requires it' });
    }
    return findings;
  }),
};
