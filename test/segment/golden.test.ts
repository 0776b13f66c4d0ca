/**
 * Runs the golden segmentation cases in test/fixtures/segment/*.txt (format: see the README there),
 * one test per case, named after its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../pipeline/segment/engine.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/segment');

interface GoldenCase {
  readonly file: string;
  readonly line: number;
  readonly input: string;
  readonly expected: readonly string[];
}

/** Parses one golden file into cases. */
export function parseGolden(file: string, text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  let current: { line: number; input: string; expected: string[] } | undefined;
  const flush = (): void => {
    if (current !== undefined) {
      cases.push({ file, line: current.line, input: current.input, expected: current.expected.length > 0 ? current.expected : [current.input.trim()] });
    }
    current = undefined;
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '') return flush();
    if (line.startsWith('#')) return;
    if (line.startsWith('|')) {
      if (current === undefined) throw new Error(`${file}:${index + 1}: expected segment without an input line`);
      current.expected.push(line.replace(/^\| ?/u, ''));
      return;
    }
    if (current !== undefined) throw new Error(`${file}:${index + 1}: two input lines in one case; separate cases by a blank line`);
    current = { line: index + 1, input: line, expected: [] };
  });
  flush();
  return cases;
}

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
