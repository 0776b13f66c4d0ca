import { describe, expect, it } from 'vitest';
import { matchQuality, similarity } from '../pipeline/similarity.js';

describe('similarity', () => {
  it('is 1 for the same words and falls with each changed word', () => {
    expect(similarity('Das Treffen dauerte.', 'das treffen dauerte')).toBe(1);
    expect(similarity('Das Treffen dauerte zwei Stunden.', 'Das Treffen dauerte drei Stunden.')).toBe(0.8);
    expect(similarity('Eins zwei.', 'Drei vier.')).toBe(0);
  });

  it('gives 100 only for equal texts', () => {
    expect(matchQuality('a.', 'a.')).toBe(100);
    expect(matchQuality('a.', 'a!')).toBe(99);
  });
});
