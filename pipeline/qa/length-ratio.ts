/**
 * `qa/length-ratio`: a target much shorter or longer than its source usually means a dropped or
 * duplicated clause. Measured in characters against the usual expansion from German, which each
 * language file gives (`lengthRatio`: English runs about 10–20 % shorter, French and Spanish
 * about as long or a little longer; 1 for a language without a file). Short
 * segments (under 40 characters: headings, the credit) vary too much to judge and are skipped.
 *
 * Tuning: the bounds are 0.55 and 1.6 times the expected ratio, wide enough that none of the 84
 * shipped sentences of 40 characters or more (0.75–1.20 of the expected) is flagged, narrow enough to catch a
 * translation missing a third of its sentence.
 */
import { perSegment, translated, type Check } from './types.js';

const LOWER = 0.55;
const UPPER = 1.6;
const MIN_SOURCE_LENGTH = 40;

export const lengthRatio: Check = {
  id: 'qa/length-ratio',
  severity: 'warning',
  description: 'the target is much shorter or longer than the source',
  run: perSegment((segment, context) => {
    if (!translated(segment) || segment.source.length < MIN_SOURCE_LENGTH) return [];
    const expected = context.profile.lengthRatio;
    const ratio = segment.target.length / segment.source.length / expected;
    if (ratio >= LOWER && ratio <= UPPER) return [];
    return [
      {
        segment,
        reason: `the target is ${ratio < LOWER ? 'much shorter' : 'much longer'} than the source (${Math.round(ratio * 100)} % of the usual length)`,
        actual: `${segment.target.length} characters`,
        expected: `about ${Math.round(segment.source.length * expected)} characters`,
        hint: 'check for a missing or repeated clause',
      },
    ];
  }),
};
