/**
 * Translation states: our `TargetState` + `needsReview` and their XLIFF 1.2 and 2.x spellings.
 */
import type { TargetState } from '../model.js';

/** Every `state` value XLIFF 1.2 defines (stateValueList in the 1.2 schema). */
export const STATES_12: readonly string[] = [
  'final',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-adaptation',
  'needs-review-l10n',
  'needs-review-translation',
  'needs-translation',
  'new',
  'signed-off',
  'translated',
];

/** Every `state` value XLIFF 2.x defines. */
export const STATES_2X: readonly TargetState[] = ['initial', 'translated', 'reviewed', 'final'];

/** The `subState` we write on 2.x segments that need review (2.x has no state for it). */
export const NEEDS_REVIEW_SUBSTATE = 'l10n:needs-review';

/** The `subState` a reviewer's send-back writes on a 2.x segment (state `initial`, the target kept). */
export const NEEDS_TRANSLATION_SUBSTATE = 'l10n:needs-translation';

/** What a state means to us. `known` is false for values neither standard defines. */
export interface StateMeaning {
  readonly state: TargetState;
  readonly needsReview: boolean;
  readonly known: boolean;
}

/**
 * Reads a 1.2 target state. A missing state means "translated" when the target has text (many
 * tools never write one) and "initial" otherwise. `approved="yes"` lifts a translated unit to
 * reviewed, since that is what approval says in 1.2.
 */
export function stateFrom12(raw: string | undefined, hasTarget: boolean, approved: boolean | undefined): StateMeaning {
  const base = meaning12(raw, hasTarget);
  if (approved === true && !base.needsReview && (base.state === 'translated' || base.state === 'initial') && hasTarget) {
    return { ...base, state: 'reviewed' };
  }
  return base;
}

function meaning12(raw: string | undefined, hasTarget: boolean): StateMeaning {
  switch (raw) {
    case undefined:
      return { state: hasTarget ? 'translated' : 'initial', needsReview: false, known: true };
    case 'new':
    case 'needs-translation':
      return { state: 'initial', needsReview: false, known: true };
    case 'needs-adaptation':
    case 'needs-l10n':
    case 'needs-review-adaptation':
    case 'needs-review-l10n':
    case 'needs-review-translation':
      return { state: 'translated', needsReview: true, known: true };
    case 'translated':
      return { state: 'translated', needsReview: false, known: true };
    case 'signed-off':
      return { state: 'reviewed', needsReview: false, known: true };
    case 'final':
      return { state: 'final', needsReview: false, known: true };
    default:
      // x-… values and misspellings: keep the work, ask for a look.
      return { state: hasTarget ? 'translated' : 'initial', needsReview: hasTarget, known: false };
  }
}

/** Reads a 2.x segment state (default `initial`) and subState. */
export function stateFrom2x(raw: string | undefined, subState: string | undefined): StateMeaning {
  const needsReview = subState !== undefined && /needs-review/iu.test(subState);
  if (raw === undefined) return { state: 'initial', needsReview, known: true };
  if ((STATES_2X as readonly string[]).includes(raw)) return { state: raw as TargetState, needsReview, known: true };
  return { state: 'translated', needsReview: true, known: false };
}

/** The 1.2 state to write for a target. */
export function stateTo12(state: TargetState, needsReview: boolean): string {
  if (needsReview && state !== 'initial') return 'needs-review-translation';
  switch (state) {
    case 'initial':
      return 'needs-translation';
    case 'translated':
      return 'translated';
    case 'reviewed':
      return 'signed-off';
    case 'final':
      return 'final';
  }
}

/** The 2.x state and subState to write. */
export function stateTo2x(state: TargetState, needsReview: boolean): { state: TargetState; subState: string | undefined } {
  return { state, subState: needsReview ? NEEDS_REVIEW_SUBSTATE : undefined };
}
