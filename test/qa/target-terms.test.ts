import { describe, expect, it } from 'vitest';
import { containsExactly, containsTerm } from '../../pipeline/qa/target-terms.js';

describe('target-term patterns compiled once', () => {
  it('answers each text on its own when one term is checked against many translations', () => {
    const texts = ['Beijing said', 'nothing here', 'in Beijing', 'Beijingers', 'Beijing’s view'];
    const answers = texts.map((t) => containsTerm(t, 'Beijing', 'en'));
    expect(answers).toEqual([true, false, true, false, true]);
    // The same questions again, in another order, get the same answers.
    expect([...texts].reverse().map((t) => containsTerm(t, 'Beijing', 'en'))).toEqual([...answers].reverse());
  });

  it('keeps a pattern per language and per option', () => {
    expect(containsTerm('las tropas norcoreanas', 'norcoreano', 'es')).toBe(true);
    expect(containsTerm('las tropas norcoreanas', 'norcoreano', 'en')).toBe(false);
    expect(containsExactly('kim jong-un', 'Kim Jong-un', { ignoreCase: true })).toBe(true);
    expect(containsExactly('kim jong-un', 'Kim Jong-un')).toBe(false);
    expect(containsExactly('Trump’s plan', 'Trump', { endings: ['’s'] })).toBe(true);
    expect(containsExactly('Trumps plan', 'Trump')).toBe(false);
  });
});
