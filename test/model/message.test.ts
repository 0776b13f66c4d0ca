import { describe, expect, it } from 'vitest';
import { sortMessages, type Message } from '../../pipeline/model.js';

const message = (file: string, ruleId = 'qa/numbers', line?: number): Message => ({
  reason: 'r', ruleId, source: 'qa', severity: 'warning', file, ...(line === undefined ? {} : { line }),
});

describe('sortMessages', () => {
  it('orders files by code unit, not by the machine\'s locale, so report.json is the same bytes everywhere', () => {
    // localeCompare puts "a-b" and "ab" together and "Z" after "a"; code units do neither.
    const files = ['output/en/ab.txt', 'output/en/a-b.txt', 'Z.xlf', 'a.xlf'].map((f) => message(f));
    expect(sortMessages(files).map((m) => m.file)).toEqual(['Z.xlf', 'a.xlf', 'output/en/a-b.txt', 'output/en/ab.txt']);
  });

  it('orders by line within a file, then by rule id', () => {
    const sorted = sortMessages([message('f', 'qa/b', 2), message('f', 'qa/a', 2), message('f', 'qa/c', 1)]);
    expect(sorted.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['1 qa/c', '2 qa/a', '2 qa/b']);
  });
});
