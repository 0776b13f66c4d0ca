/**
 * Segmentation per class of error (test/fixtures/segment/classes/): cases written and annotated
 * before the rules were fixed, each class split into a tuning part and a held-out part that was
 * never looked at while tuning. Floors on boundary F1 per class and part keep what the fixes reached;
 * the numbers themselves are printed by `npm run bench`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { loadGoldenFolder, scoreBoundaries } from '../../pipeline/segment/golden.js';

const CLASSES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/segment/classes');

/**
 * F1 floors per class file, [tuning, held out], as reached after the fixes (see README "Sentence
 * segmentation"); before them F1 was between 0% and 33% per class.
 */
const FLOORS: Readonly<Record<string, readonly [number, number]>> = {
  '1-unpunctuated.txt': [1, 1],
  '2-colon.txt': [1, 1],
  '3-emoticons.txt': [1, 1],
  '4-abbreviation-end.txt': [1, 1],
  '5-titles.txt': [1, 1],
  '6-lists.txt': [1, 1],
  '7-ellipsis.txt': [1, 1],
};

const segmenter = createSegmenter({ language: 'de' });
const split = (text: string): string[] => segmenter.split(text).map((r) => text.slice(r.start, r.end));

describe('segmentation per class of error', () => {
  const parts = ['tuning', 'heldout'] as const;
  parts.forEach((part, partIndex) => {
    const cases = loadGoldenFolder(path.join(CLASSES, part));
    it(`${part}: every class has cases`, () => {
      expect(new Set(cases.map((c) => c.file))).toEqual(new Set(Object.keys(FLOORS)));
    });
    for (const [file, floors] of Object.entries(FLOORS)) {
      it(`${part}/${file} keeps boundary F1 at or above ${floors[partIndex]}`, () => {
        const score = scoreBoundaries(cases.filter((c) => c.file === file), split);
        expect(score.f1).toBeGreaterThanOrEqual(floors[partIndex] ?? 1);
      });
    }
  });
});
