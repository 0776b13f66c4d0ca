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

/** Every `state-qualifier` value XLIFF 1.2 defines (state-qualifierValueList in the 1.2 schema); `x-…` values are allowed too. */
export const STATE_QUALIFIERS_12: readonly string[] = [
  'exact-match',
  'fuzzy-match',
  'id-match',
  'leveraged-glossary',
  'leveraged-inherited',
  'leveraged-mt',
  'leveraged-repository',
  'leveraged-tm',
  'mt-suggestion',
  'rejected-grammar',
  'rejected-inaccurate',
  'rejected-length',
  'rejected-spelling',
  'tm-suggestion',
];

/** 1.2 `state-qualifier` values that say a target is machine output. */
export const MACHINE_QUALIFIERS_12: ReadonlySet<string> = new Set(['leveraged-mt', 'mt-suggestion']);

/** The 1.2 `state-qualifier` of the machine targets we write (with state `needs-review-translation`). */
export const MACHINE_QUALIFIER_12 = 'mt-suggestion';

/** The 2.x `subState` of the machine targets we write (with state `initial`): `l10n:mt-deepl`. */
export function machineSubState(provider: string): string {
  return `l10n:mt-${provider.replace(/[^A-Za-z0-9._-]/gu, '-')}`;
}

/** True when a 2.x subState says the target is our machine output (`l10n:mt-<provider>`, or `l10n:mt`). */
export function isMachineSubState(subState: string | undefined): boolean {
  return subState !== undefined && /^l10n:mt(?:-|$)/u.test(subState);
}

/** True when a state qualifier (1.2) or subState (2.x) as read says the target is machine output. */
export function marksMachine(family: '1.2' | '2x', subState: string | undefined): boolean {
  return family === '1.2' ? subState !== undefined && MACHINE_QUALIFIERS_12.has(subState) : isMachineSubState(subState);
}

/**
 * The `state-qualifier` to write on a 1.2 target: the one read from a 1.2 file when the schema
 * allows it, `mt-suggestion` for our machine marker of a 2.x file; else none.
 */
export function qualifierTo12(subState: string | undefined): string | undefined {
  if (subState === undefined) return undefined;
  if (STATE_QUALIFIERS_12.includes(subState) || /^x-\S+$/u.test(subState)) return subState;
  return isMachineSubState(subState) ? MACHINE_QUALIFIER_12 : undefined;
}
