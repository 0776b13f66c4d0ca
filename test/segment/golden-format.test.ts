import { describe, expect, it } from 'vitest';
import { boundariesOf, parseGolden, scoreBoundaries } from '../../pipeline/segment/golden.js';

describe('parseGolden', () => {
  it('reads cases with expected segments, single-segment cases and comments', () => {
    const cases = parseGolden('x.txt', '# comment\nEins. Zwei.\n| Eins.\n| Zwei.\n\nAm 3. Mai.\n');
    expect(cases).toEqual([
      { file: 'x.txt', line: 2, input: 'Eins. Zwei.', expected: ['Eins.', 'Zwei.'] },
      { file: 'x.txt', line: 6, input: 'Am 3. Mai.', expected: ['Am 3. Mai.'] },
    ]);
  });

  it('names file and line of a malformed case', () => {
    expect(() => parseGolden('x.txt', 'Eins.\nZwei.\n')).toThrow('x.txt:2: two input lines in one case');
    expect(() => parseGolden('x.txt', '| Eins.\n')).toThrow('x.txt:1: expected segment without an input line');
  });
});

describe('boundary scores', () => {
  it('locates boundaries in order, repeated text included', () => {
    expect([...boundariesOf('Ja. Ja. Ja.', ['Ja.', 'Ja.', 'Ja.'])]).toEqual([3, 7]);
  });

  it('counts missed and spurious boundaries', () => {
    const cases = parseGolden('x.txt', 'Eins. Zwei. Drei.\n| Eins.\n| Zwei.\n| Drei.\n\nAm 3. Mai.\n');
    // Splits after every full stop: finds both true boundaries and adds one false one.
    const naive = (text: string): string[] => text.split(/(?<=\.)\s+/u);
    const score = scoreBoundaries(cases, naive);
    expect(score).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 0 });
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBe(1);
    // Never splits: misses both.
    expect(scoreBoundaries(cases, (text) => [text])).toMatchObject({ truePositives: 0, falsePositives: 0, falseNegatives: 2, f1: 0 });
  });
});
