/**
 * Precision and recall of term occurrences on a labelled set of German news sentences written
 * for this test (`fixtures/terms/eval/`), compared with exact matching of the base forms only.
 * An occurrence counts as found when start, end and entry all agree with the label.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../pipeline/terms/glossary.js';
import type { Glossary } from '../../pipeline/terms/glossary.js';
import { compileMatcher } from '../../pipeline/terms/matcher.js';
import type { TermMatcher } from '../../pipeline/terms/matcher.js';
import { FIXTURES, parseLabelled, type Labelled } from './helpers.js';

interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly errors: string[];
}

function score(matcher: TermMatcher, set: readonly Labelled[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const { text, gold } of set) {
    const predicted = matcher.match(text).map((m) => `${m.start}:${m.end}:${m.entry.source}`);
    for (const p of predicted) {
      if (gold.includes(p)) tp += 1;
      else { fp += 1; errors.push(`false hit ${p} in: ${text}`); }
    }
    for (const g of gold) {
      if (!predicted.includes(g)) { fn += 1; errors.push(`missed ${g} in: ${text}`); }
    }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), errors };
}

/** The baseline: every entry matched only as written (source and variants), no inflection. */
function exactBaseline(glossary: Glossary): TermMatcher {
  return compileMatcher({ ...glossary, entries: glossary.entries.map((e) => ({ ...e, match: 'exact' as const })) });
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

describe('evaluation on labelled news sentences', () => {
  const { glossary, messages } = loadGlossary([path.join(FIXTURES, 'eval', 'glossary.yaml')]);
  const set = readFileSync(path.join(FIXTURES, 'eval', 'sentences.txt'), 'utf8')
    .split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map(parseLabelled);

  it('has a clean glossary and at least 150 sentences', () => {
    expect(messages).toEqual([]);
    expect(set.length).toBeGreaterThanOrEqual(150);
  });

  it('reaches precision and recall of at least 97%, well above exact matching of base forms', () => {
    const ours = score(compileMatcher(glossary), set);
    const exact = score(exactBaseline(glossary), set);
    const occurrences = ours.tp + ours.fn;
    // The numbers are part of the test's output on purpose: they are what the report quotes.
    console.log([
      `evaluation: ${set.length} sentences, ${occurrences} labelled occurrences, ${glossary.entries.length} entries`,
      `  inflecting matcher: precision ${percent(ours.precision)} recall ${percent(ours.recall)} (tp ${ours.tp}, fp ${ours.fp}, fn ${ours.fn})`,
      `  exact base forms:   precision ${percent(exact.precision)} recall ${percent(exact.recall)} (tp ${exact.tp}, fp ${exact.fp}, fn ${exact.fn})`,
      ...ours.errors.map((e) => `  ${e}`),
    ].join('\n'));
    expect(ours.precision).toBeGreaterThanOrEqual(0.97);
    expect(ours.recall).toBeGreaterThanOrEqual(0.97);
    expect(ours.recall).toBeGreaterThan(exact.recall);
  });
});
