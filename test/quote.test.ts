import { describe, expect, it } from 'vitest';
import type { Message } from '../pipeline/model.js';
import { capMessage, capQuote, QUOTE_LIMIT } from '../pipeline/quote.js';

const HUGE = 'Ein sehr langer Satz ohne Ende '.repeat(280_000); // 8.4 M characters
const huge: Message = {
  reason: `unit "${'x'.repeat(5000)}" is not a sentence of the current document; it is ignored`,
  ruleId: 'xliff/unknown-id',
  source: 'xliff-import',
  severity: 'warning',
  unit: 'y'.repeat(5000),
  actual: HUGE,
  expected: HUGE,
  hint: 'Run extract.',
};

describe('capQuote', () => {
  it('keeps text up to the limit as it is', () => {
    expect(capQuote('a'.repeat(QUOTE_LIMIT))).toBe('a'.repeat(QUOTE_LIMIT));
  });

  it('cuts longer text with an ellipsis and its full length', () => {
    const capped = capQuote(HUGE);
    expect(capped.startsWith(HUGE.slice(0, QUOTE_LIMIT))).toBe(true);
    expect(capped.endsWith(`… (${HUGE.length} characters)`)).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const capped = capQuote(`${'a'.repeat(QUOTE_LIMIT - 1)}😀${'b'.repeat(10)}`);
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('capMessage', () => {
  it('caps actual, expected, the unit and what the reason quotes, and leaves short prose alone', () => {
    const capped = capMessage(huge);
    expect(capped.actual?.length).toBeLessThan(QUOTE_LIMIT + 40);
    expect(capped.expected?.length).toBeLessThan(QUOTE_LIMIT + 40);
    expect(capped.unit?.length).toBeLessThan(QUOTE_LIMIT + 40);
    expect(capped.reason.length).toBeLessThan(QUOTE_LIMIT + 120);
    expect(capped.reason).toMatch(/^unit "x+… \(5000 characters\)" is not a sentence of the current document; it is ignored$/u);
    expect(capped.hint).toBe('Run extract.');
    const short: Message = { reason: 'r "q"', ruleId: 'a/b', source: 's', severity: 'info', actual: 'a' };
    expect(capMessage(short)).toEqual(short);
  });
});

