/**
 * The checks, in the order they run and report. A new check is a new module added here. The
 * `strings/*` checks (in `strings/`) look at software strings only (segments that are named
 * resources); the others at every segment.
 */
import { brackets } from './brackets.js';
import { dnt } from './dnt.js';
import { doubledWord } from './doubled-word.js';
import { empty } from './empty.js';
import { finalPunctuationCheck } from './final-punctuation.js';
import { forbiddenTerm } from './forbidden-term.js';
import { inlineCodes } from './inline-codes.js';
import { lengthRatio } from './length-ratio.js';
import { numbers } from './numbers.js';
import { quotes } from './quotes.js';
import { sameAsSource } from './same-as-source.js';
import { stringInlineCodes } from './strings/inline-codes.js';
import { stringMaxLength } from './strings/max-length.js';
import { stringPluralMissing } from './strings/plural-missing.js';
import { terminology } from './terminology.js';
import type { Check } from './types.js';
import { untranslated } from './untranslated.js';
import { whitespace } from './whitespace.js';

export const CHECKS: readonly Check[] = [
  untranslated,
  empty,
  sameAsSource,
  terminology,
  forbiddenTerm,
  dnt,
  numbers,
  inlineCodes,
  stringInlineCodes,
  stringPluralMissing,
  stringMaxLength,
  quotes,
  brackets,
  finalPunctuationCheck,
  doubledWord,
  whitespace,
  lengthRatio,
];

/** Rule id of the acceptance notes themselves (unreadable, or accepting nothing). */
export const ACCEPTANCE_RULE = 'qa/acceptance';

/** Every rule id the `checks:` section of the config may name. */
export const RULE_IDS: readonly string[] = [...CHECKS.map((c) => c.id), ACCEPTANCE_RULE];
