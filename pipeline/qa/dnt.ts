/**
 * `qa/dnt`: a do-not-translate term of the source (names, agencies, the credit) appears in the
 * target exactly as in the glossary: same letters, case and accents. A possessive ending the
 * language file lists (`possessive`: English "Trump's") is allowed, since it leaves the name
 * itself intact.
 */
import { containsExactly } from './target-terms.js';
import { perSegment, translated, type Check, type Finding } from './types.js';

export const dnt: Check = {
  id: 'qa/dnt',
  severity: 'error',
  description: 'a do-not-translate term of the source is kept as written',
  run: perSegment((segment, context) => {
    if (!translated(segment)) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const span of segment.spans) {
      if (span.kind !== 'term' || span.dnt !== true || span.term === undefined || seen.has(span.term)) continue;
      seen.add(span.term);
      if (containsExactly(segment.target, span.term, { endings: context.profile.possessive })) continue;
      findings.push({
        segment,
        reason: `the do-not-translate term "${span.term}" is missing or changed`,
        expected: span.term,
        actual: segment.target,
        hint: 'keep the name exactly as in the source',
      });
    }
    return findings;
  }),
};
