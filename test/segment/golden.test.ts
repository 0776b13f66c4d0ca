/**
 * Runs the golden segmentation cases in test/fixtures/segment/*.txt (format: see the README there),
 * one test per case, named after its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { parseGolden } from '../../pipeline/segment/golden.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/segment');

const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort();
const segmenter = createSegmenter({ language: 'de' });

describe('golden German segmentation cases', () => {
  it('has at least 300 cases', () => {
    const total = files.reduce((sum, name) => sum + parseGolden(name, readFileSync(path.join(FIXTURES, name), 'utf8')).length, 0);
    expect(total).toBeGreaterThanOrEqual(300);
  });

  for (const name of files) {
    describe(name, () => {
      for (const golden of parseGolden(name, readFileSync(path.join(FIXTURES, name), 'utf8'))) {
        it(`${golden.file}:${golden.line}`, () => {
          const actual = segmenter.split(golden.input).map((range) => golden.input.slice(range.start, range.end));
          expect(actual).toEqual(golden.expected);
        });
      }
    });
  }
});
