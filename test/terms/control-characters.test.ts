import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../pipeline/terms/glossary.js';

describe('glossary texts with control characters', () => {
  it('refuses a control character written with a YAML escape, at its value', () => {
    const { messages } = parseGlossary('terms:\n  - source: Kreml\n    kind: place\n    targets: {en: "Krem\\0lin"}\n    note: "Sitz \\x85 der Regierung"\n', 'g.yaml');
    expect(messages.filter((m) => m.severity === 'error').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual ?? ''}`)).toEqual([
      '4:19 glossary/control-character U+0000',
      '5:11 glossary/control-character U+0085',
    ]);
  });
});
