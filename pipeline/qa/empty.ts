/**
 * `qa/empty`: a target that has no letter or digit (only inline codes, punctuation or spaces)
 * for a source that has words.
 */
import { hasWordCharacter } from './text.js';
import { perSegment, type Check } from './types.js';

export const empty: Check = {
  id: 'qa/empty',
  severity: 'error',
  description: 'a target without any word (only codes, punctuation or spaces)',
  run: perSegment((segment) => {
    if (segment.target === undefined || hasWordCharacter(segment.target) || !hasWordCharacter(segment.source)) return [];
    return [{ segment, reason: 'the target has no words', actual: JSON.stringify(segment.target), hint: 'translate the segment' }];
  }),
};
