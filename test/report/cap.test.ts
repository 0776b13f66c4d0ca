/**
 * What a message quotes of the user's text is capped in every report: terminal, GitHub annotations
 * and the JSON report. A unit whose source is a whole 8 MB file must not flood a terminal or a CI log.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../pipeline/model.js';
import { formatGithub } from '../../pipeline/report/github.js';
import { buildReport, reportToJson } from '../../pipeline/report/json.js';
import { formatMessage } from '../../pipeline/report/messages.js';
import { formatTerminal } from '../../pipeline/report/terminal.js';

const HUGE = 'Ein sehr langer Satz ohne Ende '.repeat(280_000); // 8.4 M characters
const huge: Message = {
  reason: `unit "${'x'.repeat(5000)}" is not a sentence of the current document; it is ignored`,
  ruleId: 'xliff/unknown-id',
  source: 'xliff-import',
  severity: 'warning',
  file: 'translations/fr/a.xlf',
  line: 3,
  unit: 'y'.repeat(5000),
  actual: HUGE,
  expected: HUGE,
  hint: 'Run extract.',
};

describe('every report caps what a message quotes', () => {
  const qa = { ...huge, segment: { source: HUGE, target: HUGE } };
  it.each([
    ['formatMessage', () => formatMessage(huge)],
    ['terminal', () => formatTerminal([qa])],
    ['GitHub', () => formatGithub([huge])],
    ['JSON report', () => reportToJson(buildReport('fr', 'error', [], [qa]))],
  ])('%s', (_name, format) => {
    const out = format();
    expect(out.length).toBeLessThan(3000);
    expect(out).toContain(`(${HUGE.length} characters)`);
  });
});
