import { describe, expect, it } from 'vitest';
import { TARGET_STATES } from '../../pipeline/model.js';
import { stateFrom12, stateFrom2x, stateTo12, stateTo2x, STATES_12 } from '../../pipeline/xliff/states.js';

describe('states', () => {
  it('maps every TargetState to a 1.2 state that maps back to it', () => {
    for (const state of TARGET_STATES) {
      for (const needsReview of [false, true]) {
        const raw = stateTo12(state, needsReview);
        expect(STATES_12).toContain(raw);
        const back = stateFrom12(raw, true, undefined);
        if (needsReview && state !== 'initial') expect(back).toMatchObject({ state: 'translated', needsReview: true });
        else expect(back).toMatchObject({ state, needsReview: false });
      }
    }
  });

  it('maps every TargetState to 2.x and back, with needsReview as subState', () => {
    for (const state of TARGET_STATES) {
      for (const needsReview of [false, true]) {
        const out = stateTo2x(state, needsReview);
        expect(stateFrom2x(out.state, out.subState)).toEqual({ state, needsReview, known: true });
      }
    }
  });

  it('reads a missing 1.2 state by whether there is a target, and approved="yes" as reviewed', () => {
    expect(stateFrom12(undefined, true, undefined).state).toBe('translated');
    expect(stateFrom12(undefined, false, undefined).state).toBe('initial');
    expect(stateFrom12('translated', true, true).state).toBe('reviewed');
    expect(stateFrom12('needs-review-translation', true, true)).toMatchObject({ state: 'translated', needsReview: true });
    expect(stateFrom12('final', true, true).state).toBe('final');
  });

  it('reads unknown values as translated and needing review, and says they are unknown', () => {
    expect(stateFrom12('x-mq-partial', true, undefined)).toEqual({ state: 'translated', needsReview: true, known: false });
    expect(stateFrom12('Translated', false, undefined)).toEqual({ state: 'initial', needsReview: false, known: false });
    expect(stateFrom2x('approved', undefined)).toEqual({ state: 'translated', needsReview: true, known: false });
  });
});
