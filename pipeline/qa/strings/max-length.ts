/**
 * `strings/max-length`: a software string's translation fits its length limit (from
 * `<ns>.meta.json` or the `strings.maxLength` option), counted as readers count characters:
 * grapheme clusters of the text, variables and tags left out.
 */
import { describeLength } from '../../strings/checks.js';
import { perSegment, translated, type Check } from '../types.js';

export const stringMaxLength: Check = {
  id: 'strings/max-length',
  severity: 'error',
  description: 'software strings: the translation fits the key\'s length limit (characters, codes not counted)',
  run: perSegment((segment, { language }) => {
    const limit = segment.resource?.maxLength;
    if (limit === undefined || !translated(segment)) return [];
    const found = describeLength(segment.resource?.name ?? segment.id, limit, { text: segment.target }, language);
    return found === undefined ? [] : [{ segment, ...found }];
  }),
};
