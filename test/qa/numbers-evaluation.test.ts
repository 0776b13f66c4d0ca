/**
 * Precision and recall of `qa/numbers` on labelled translations (`fixtures/qa/numbers/`): a case
 * is a true error found when its verdict is `error` and the check reports something, a false
 * alarm when its verdict is `ok` and the check reports something.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNumbers } from '../../pipeline/qa/numbers.js';

interface Case {
  readonly line: number;
  readonly cls: string;
  readonly language: string;
  readonly verdict: 'ok' | 'error';
  readonly source: string;
  readonly target: string;
}

const FOLDER = path.join(import.meta.dirname, '..', 'fixtures', 'qa', 'numbers');

function loadCases(name: string): Case[] {
  const unescape = (s: string): string => s.replace(/\\u([0-9A-Fa-f]{4})/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return readFileSync(path.join(FOLDER, name), 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .slice(1)
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      const [cls = '', language = '', verdict = '', source = '', target = ''] = text.split('\t');
      if (verdict !== 'ok' && verdict !== 'error') throw new Error(`${name}:${line}: verdict must be ok or error, got "${verdict}"`);
      return { line, cls, language, verdict, source: unescape(source), target: unescape(target) };
    });
}

function findingsOf(c: Case): string[] {
  const segment = { id: 's', source: c.source, spans: [], target: c.target, hasUnit: true, state: 'translated' as const, sourceCodes: [], targetCodes: [], line: 1 };
  return compareNumbers(segment, c.language).map((f) => `${f.reason}${f.expected === undefined ? '' : ` (expected ${f.expected})`}`);
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const ratio = (a: number, b: number): string => (b === 0 ? '–' : `${((a / b) * 100).toFixed(1)}%`);

function evaluate(name: string): { total: Score; byClass: Map<string, Score>; mistakes: string[] } {
  const total: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byClass = new Map<string, Score>();
  const mistakes: string[] = [];
  for (const c of loadCases(name)) {
    const findings = findingsOf(c);
    const flagged = findings.length > 0;
    const key = c.verdict === 'error' ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    const cls = byClass.get(c.cls) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    cls[key] += 1;
    total[key] += 1;
    byClass.set(c.cls, cls);
    if (key === 'fp') mistakes.push(`  false alarm ${name}:${c.line} [${c.language}] ${c.target} — ${findings.join('; ')}`);
    if (key === 'fn') mistakes.push(`  missed ${name}:${c.line} [${c.language}] ${c.source} → ${c.target}`);
  }
  return { total, byClass, mistakes };
}

function table(name: string, result: ReturnType<typeof evaluate>): string {
  const row = (label: string, s: Score): string =>
    `  ${label.padEnd(8)} cases ${String(s.tp + s.fp + s.fn + s.tn).padStart(3)}  precision ${ratio(s.tp, s.tp + s.fp).padStart(6)}  recall ${ratio(s.tp, s.tp + s.fn).padStart(6)}  (found ${s.tp}, false alarms ${s.fp}, missed ${s.fn})`;
  return [`qa/numbers on ${name}:`, ...[...result.byClass].map(([cls, s]) => row(cls, s)), row('all', result.total), ...result.mistakes].join('\n');
}

describe('qa/numbers evaluation', () => {
  it('has cases of every class with both verdicts in both sets', () => {
    for (const name of ['tuning.tsv', 'holdout.tsv', 'holdout-late.tsv']) {
      const cases = loadCases(name);
      for (const cls of ['time', 'date', 'range', 'score', 'version', 'number']) {
        expect(cases.filter((c) => c.cls === cls && c.verdict === 'ok').length, `${name} ${cls} ok`).toBeGreaterThan(0);
        expect(cases.filter((c) => c.cls === cls && c.verdict === 'error').length, `${name} ${cls} error`).toBeGreaterThan(0);
      }
    }
  });

  it('finds at least 95% of the real errors with at most 5% false alarms on every set', () => {
    const tuning = evaluate('tuning.tsv');
    const holdout = evaluate('holdout.tsv');
    const late = evaluate('holdout-late.tsv');
    // Printed on purpose: these are the numbers the README quotes.
    console.log(`${table('tuning.tsv', tuning)}\n${table('holdout.tsv', holdout)}\n${table('holdout-late.tsv', late)}`);
    const precision = (s: Score): number => s.tp / (s.tp + s.fp);
    const recall = (s: Score): number => s.tp / (s.tp + s.fn);
    // Measured: 100% on all three sets (holdout-late.tsv: 81.0% precision on its first run, see
    // its README); the floors leave room for one or two cases, not for a regression of a class.
    for (const result of [tuning, holdout, late]) {
      expect(precision(result.total)).toBeGreaterThanOrEqual(0.95);
      expect(recall(result.total)).toBeGreaterThanOrEqual(0.95);
    }
  });
});
