/**
 * `qa/forbidden-term`: a target uses a rendering that the glossary forbids for a term of the
 * source sentence (`forbidden:` per language). Case is ignored, accents are not ("Vladimir Putin"
 * is forbidden in Spanish, "Vladímir Putin" is the approved form), except that an all-capital
 * abbreviation matches only in capitals: the Spanish verb "usa" is not the forbidden "USA".
 */
import { containsExactly } from './target-terms.js';
import { perSegment, translated, type Check, type Finding } from './types.js';

export const forbiddenTerm: Check = {
  id: 'qa/forbidden-term',
  severity: 'error',
  description: 'a rendering the glossary forbids for a term of the source is used',
  run: perSegment((segment, context) => {
    if (!translated(segment)) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const span of segment.spans) {
      if (span.kind !== 'term' || span.term === undefined) continue;
      for (const bad of context.forbidden(span.term)) {
        // Case is folded, so "Kim Jong-un" and "Kim Jong-Un" are one finding, not two.
        if (reported.has(bad.toLowerCase()) || !containsExactly(segment.target, bad, { ignoreCase: true })) continue;
        reported.add(bad.toLowerCase());
        const approved = span.dnt === true ? [span.term] : (span.targets?.[context.language] ?? []);
        findings.push({
          segment,
          reason: `"${bad}" is a forbidden rendering of the glossary term "${span.term}"`,
          actual: bad,
          ...(approved.length > 0 ? { expected: approved.join(' / ') } : {}),
          hint: 'replace it with the approved target from the glossary',
          term: span.term,
        });
      }
    }
    return findings;
  }),
};
