/**
 * `qa/same-as-source`: a target identical to its source (after folding white space), the mark
 * of "copy source to target" left untranslated. A segment made only of names, do-not-translate
 * terms, terms whose approved target is the source itself ("Kursk", "China"), numbers and
 * punctuation may stay the same: the credit "Expansion" is such a segment.
 */
import { textLeftToTranslate } from '../model.js';
import { hasWordCharacter } from './text.js';
import { perSegment, type Check, type QaSegment } from './types.js';

const fold = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * True when a segment may legitimately read the same in both languages: nothing but terms that
 * keep their form, URLs, addresses, numbers and punctuation (see `textLeftToTranslate`).
 */
export function mayStaySame(segment: QaSegment, language: string): boolean {
  return !/\p{L}/u.test(textLeftToTranslate({ text: segment.source, spans: segment.spans }, language));
}

/** True when the target equals the source. */
export function isSameAsSource(segment: QaSegment): boolean {
  return segment.target !== undefined && hasWordCharacter(segment.source) && fold(segment.target) === fold(segment.source);
}

export const sameAsSource: Check = {
  id: 'qa/same-as-source',
  severity: 'warning',
  description: 'the target is the source, unchanged (except names-only segments)',
  run: perSegment((segment, context, block) => {
    if (!isSameAsSource(segment) || mayStaySame(segment, context.language)) return [];
    const hint =
      block.kind === 'credit'
        ? 'a credit that names agencies ("dpa/AFP") stays as it is: add them to the glossary with dnt: true, or accept the finding with <note from="l10n-accept">qa/same-as-source: agency names</note>'
        : 'translate the segment';
    return [{ segment, reason: 'the target is identical to the source', actual: segment.target, hint }];
  }),
};
