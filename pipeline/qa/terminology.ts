/**
 * `qa/terminology`: when a glossary term occurs in the source, the target uses one of its
 * approved renderings, in any inflected form of the target language (see target-terms.ts).
 * Do-not-translate terms are left to `qa/dnt`.
 */
import type { Span } from '../model.js';
import { containsTerm } from './target-terms.js';
import { perSegment, translated, type Check, type Finding } from './types.js';

/** The approved targets of a term span for a language; empty for dnt terms and terms without one. */
export function approvedTargets(span: Span, language: string): readonly string[] {
  if (span.kind !== 'term' || span.dnt === true) return [];
  return span.targets?.[language] ?? span.targets?.[language.split('-')[0] ?? language] ?? [];
}

export const terminology: Check = {
  id: 'qa/terminology',
  severity: 'warning',
  description: 'a glossary term of the source is rendered with one of its approved targets (any inflected form)',
  run: perSegment((segment, context) => {
    if (!translated(segment)) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const span of segment.spans) {
      const targets = approvedTargets(span, context.language);
      const key = span.term ?? segment.source.slice(span.start, span.end);
      if (targets.length === 0 || seen.has(key)) continue;
      seen.add(key);
      if (targets.some((t) => containsTerm(segment.target, t, context.language))) continue;
      findings.push({
        segment,
        reason: `the glossary term "${segment.source.slice(span.start, span.end)}" is not rendered with an approved target`,
        actual: segment.target,
        expected: targets.join(' / '),
        hint: 'use an approved target (glossary/), or accept the finding with an l10n-accept note saying why',
        ...(span.term === undefined ? {} : { term: span.term }),
      });
    }
    return findings;
  }),
};
