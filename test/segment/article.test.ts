/**
 * The bundled article, line by line, with the three glued headings split at their known offsets
 * (the reader that does this is tested elsewhere).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFile } from '../../pipeline/paths.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';

const GLUED_HEADINGS = ['gegen Neonazismus|Kim betonte', 'ausführlich|Zum 80.', 'gegen die USA.|Der Kreml achtete'];

function articleLines(): string[] {
  let text = readFileSync(bundledFile('source/putin-kim-treffen-peking.txt'), 'utf8');
  for (const glue of GLUED_HEADINGS) {
    const joined = glue.replace('|', '');
    expect(text).toContain(joined);
    text = text.replace(joined, glue.replace('|', '\n'));
  }
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('the bundled article', () => {
  const segmenter = createSegmenter({ language: 'de' });
  const lines = articleLines();
  const segments = lines.map((line) => segmenter.split(line).map((r) => line.slice(r.start, r.end)));

  it('gives 29 segments in total', () => {
    expect(segments.flat()).toHaveLength(29);
  });

  it('keeps the title in one segment', () => {
    expect(segments[0]).toEqual(['Putin trifft sich mit Kim Jong-un, doch der Kreml bestreitet eine Verschwörung gegen Trump']);
  });

  it.each([
    ['brüderliche Pflicht betrachten.', 'Wir werden alles'],
    ['Kursk teilgenommen.', 'Sie haben tapfer'],
    ['Neonazismus danken.', 'Ich bitte Sie'],
    ['nicht mehr getroffen.', 'Es war der erste'],
    ['Vereinigten Staaten intrigieren.', 'Ich meine'],
  ])('splits the two-sentence paragraph between "…%s" and "%s…"', (end, start) => {
    const paragraph = segments.find((s) => s.some((x) => x.endsWith(end)));
    expect(paragraph).toHaveLength(2);
    expect(paragraph?.[0]?.endsWith(end)).toBe(true);
    expect(paragraph?.[1]?.startsWith(start)).toBe(true);
  });

  it('keeps every other line in one segment, "Zum 80. Jahrestag" and the quotation after a colon included', () => {
    const twoSentenceLines = segments.filter((s) => s.length === 2);
    expect(twoSentenceLines).toHaveLength(5);
    expect(segments.filter((s) => s.length !== 1 && s.length !== 2)).toEqual([]);
    expect(segments.flat()).toContain('Der Diplomat fügte hinzu: „Außerdem ist es keinem der drei Staatschefs in den Sinn gekommen.“');
    expect(segments.flat().some((s) => s.startsWith('Zum 80. Jahrestag des Weltkriegs') && s.endsWith('hätten.'))).toBe(true);
  });

  it('keeps the last line "Expansion" as one segment', () => {
    expect(segments[segments.length - 1]).toEqual(['Expansion']);
  });

  it('keeps the recovered headings whole', () => {
    const flat = segments.flat();
    expect(flat).toContain('Russisch-nordkoreanisches Bündnis gegen Neonazismus');
    expect(flat).toContain('Putin und Kim unterhalten sich ausführlich');
    expect(flat).toContain('Der Kreml bestreitet eine Verschwörung gegen die USA.');
  });
});
