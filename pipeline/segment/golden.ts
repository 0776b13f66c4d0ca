/**
 * The golden-case format for segmentation (documented in test/fixtures/segment/README.md): an
 * input line followed by its expected segments, each starting with "| ", cases separated by blank
 * lines, "#" comments; "⏎" in an input or a segment stands for a line break. It is read by the
 * golden tests and by the quality benchmark, and anyone can use it to check their own SRX rules
 * against cases of their own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface GoldenCase {
  /** File name, for test names and messages. */
  readonly file: string;
  /** Line of the input in the file (1-based). */
  readonly line: number;
  readonly input: string;
  /** Expected segments; a case without "|" lines expects the trimmed input as one segment. */
  readonly expected: readonly string[];
}

/** Stands for a line break inside a case's input or segment (a case is one line of the file). */
export const LINE_BREAK_MARK = '⏎';

/** Parses one golden file into cases; throws an Error naming file and line on a malformed case. */
export function parseGolden(file: string, text: string): GoldenCase[] {
  const unescape = (line: string): string => line.replaceAll(LINE_BREAK_MARK, '\n');
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
      current.expected.push(unescape(line.replace(/^\| ?/u, '')));
      return;
    }
    if (current !== undefined) throw new Error(`${file}:${index + 1}: two input lines in one case; separate cases by a blank line`);
    current = { line: index + 1, input: unescape(line), expected: [] };
  });
  flush();
  return cases;
}

/**
 * Offsets in `input` where a segment ends and another begins (the end of the last segment is no
 * boundary). Segments are located in order, so repeated text is handled.
 */
export function boundariesOf(input: string, segments: readonly string[]): Set<number> {
  const boundaries = new Set<number>();
  let cursor = 0;
  segments.forEach((segment, index) => {
    const start = input.indexOf(segment, cursor);
    if (start === -1) throw new Error(`segment not found in its input: ${JSON.stringify(segment)}`);
    cursor = start + segment.length;
    if (index < segments.length - 1) boundaries.add(cursor);
  });
  return boundaries;
}

/** Precision, recall and F1 of predicted sentence boundaries against expected ones. */
export interface BoundaryScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Scores a segmenter (a function from text to segments) on golden cases. */
export function scoreBoundaries(cases: readonly GoldenCase[], split: (text: string) => readonly string[]): BoundaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const golden of cases) {
    const expected = boundariesOf(golden.input, golden.expected);
    const predicted = boundariesOf(golden.input, split(golden.input).map((s) => s.trim()).filter((s) => s !== ''));
    for (const offset of predicted) {
      if (expected.has(offset)) tp += 1;
      else fp += 1;
    }
    for (const offset of expected) if (!predicted.has(offset)) fn += 1;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/** The cases of the `*.txt` files directly in `folder` (not its subfolders), files in name order; [] when it is absent. */
export function loadGoldenFolder(folder: string): GoldenCase[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => parseGolden(name, readFileSync(path.join(folder, name), 'utf8')));
}
