import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotation } from '../../pipeline/report/github.js';
import { formatTerminal } from '../../pipeline/report/terminal.js';

describe('GitHub annotations', () => {
  it('escape %, CR and LF in the message and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
  it('map severities to error, warning and notice and point at file and line', () => {
    const base = { reason: 'r: x, y', ruleId: 'qa/numbers', source: 'qa', file: 'translations/en/a,b.xlf', line: 12, unit: 's1' } as const;
    expect(githubAnnotation({ ...base, severity: 'error' })).toBe('::error file=translations/en/a%2Cb.xlf,line=12,title=qa/numbers (s1)::r: x, y');
    expect(githubAnnotation({ ...base, severity: 'info', column: 3 })).toMatch(/^::notice file=.*,line=12,col=3,/u);
    expect(githubAnnotation({ ...base, severity: 'warning', hint: 'h' })).toMatch(/::r: x, y%0A→ h$/u);
  });
});

describe('terminal report', () => {
  it('groups findings under their unit with source and target, and prints others as lines', () => {
    const out = formatTerminal([
      { reason: 'a', ruleId: 'qa/quotes', source: 'qa', severity: 'warning', file: 'f.xlf', line: 3, unit: 'u1', segment: { source: 'Quelle', target: 'Target' } } as never,
      { reason: 'b', ruleId: 'qa/numbers', source: 'qa', severity: 'error', file: 'f.xlf', line: 3, unit: 'u1' },
      { reason: 'c', ruleId: 'build/outdated-output', source: 'build', severity: 'error', file: 'out.md' },
    ]);
    expect(out).toBe(
      ['out.md: error: c [build/outdated-output]', 'f.xlf', '  f.xlf:3 unit u1', '      source: Quelle', '      target: Target', '    error: b [qa/numbers]', '    warning: a [qa/quotes]', ''].join('\n'),
    );
  });
});
