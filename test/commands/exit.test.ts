import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../pipeline/commands/command.js';
import type { Message } from '../../pipeline/model.js';

const message = (file: string, ruleId = 'qa/numbers'): Message => ({ reason: 'r', ruleId, source: 'qa', severity: 'warning', file });

describe('exitCodeFor', () => {
  it('gives 2 for a fatal config problem, 3 for another fatal one, 1 for findings, 0 otherwise', () => {
    const fatal = (ruleId: string): Message => ({ ...message('f', ruleId), severity: 'error', fatal: true });
    expect(exitCodeFor([fatal('config/duplicate-document')], 'error')).toBe(2);
    expect(exitCodeFor([fatal('read/io')], 'error')).toBe(3);
    expect(exitCodeFor([message('f')], 'warning')).toBe(1);
    expect(exitCodeFor([message('f')], 'error')).toBe(0);
  });
});
