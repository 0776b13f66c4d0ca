/**
 * `strings/inline-codes`: a software string's translation keeps the variables (`{{count}}`),
 * nested keys (`$t(key)`) and tags (`<1>…</1>`) of its source, as often as the source has them,
 * with every tag pair still a pair, opened before it closes and not crossing another. Unlike
 * sentences (`qa/inline-codes`), codes may move freely: i18next and the Trans component find them
 * by name or number, and word order differs between languages. A variable repeated in the
 * translation is only a warning: i18next fills it in twice.
 */
import { compareCodes, markupSignature } from '../../strings/codes.js';
import { describeCodeProblem } from '../../strings/checks.js';
import { perSegment, translated, type Check } from '../types.js';

export const stringInlineCodes: Check = {
  id: 'strings/inline-codes',
  severity: 'error',
  description: 'software strings: the variables, nested keys and tags of the source are in the translation (they may move), none added, pairs intact',
  run: perSegment((segment, { language }) => {
    if (segment.resource === undefined || !translated(segment)) return [];
    // Codes read back from an XLIFF file carry the source's markup for their id: compare markup.
    return compareCodes({ codes: segment.sourceCodes }, { codes: segment.targetCodes }, markupSignature).map((problem) => {
      const { reason, hint, severity } = describeCodeProblem(problem, segment.resource?.name ?? segment.id, language);
      return { segment, reason, hint, severity, actual: problem.signature };
    });
  }),
};
