/**
 * `qa/untranslated`: the file says a unit is translated (state translated, reviewed or final)
 * but it has no target text. That is a defect of the file (a CAT tool or an edit lost the text),
 * unlike a unit that was never translated (state initial), which the publishing policy reports
 * as `build/untranslated` and `l10n status` counts as work to do.
 */
import { perSegment, type Check } from './types.js';

export const untranslated: Check = {
  id: 'qa/untranslated',
  severity: 'error',
  description: 'a unit marked translated (or better) has no target text',
  run: perSegment((segment) => {
    if (!segment.hasUnit || segment.state === 'initial') return [];
    if (segment.target !== undefined) return [];
    return [
      {
        segment,
        reason: `the unit is marked "${segment.state}" but has no target`,
        actual: '(no target)',
        hint: 'translate the segment again, or set its state back to needs-translation',
      },
    ];
  }),
};
