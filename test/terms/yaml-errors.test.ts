/**
 * A mis-indented glossary line is reported at the line to fix, not at its neighbour: the one
 * line that disagrees with the lines around it and with the file's indentation step.
 */
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../pipeline/terms/glossary.js';

const brief = (text: string): string[] =>
  parseGlossary(text, 'g.yaml').messages.filter((m) => m.ruleId === 'glossary/yaml-syntax').map((m) => `${m.line}:${m.column} ${m.reason}`);
const hints = (text: string): string[] => parseGlossary(text, 'g.yaml').messages.filter((m) => m.ruleId === 'glossary/yaml-syntax').map((m) => m.hint ?? '');

describe('indentation mistakes are reported at the line to fix', () => {
  it('the first key of a block indented one space too deep, not the correct key after it', () => {
    const text = 'terms:\n  - source: A\n    kind: place\n    targets:\n       en: X\n      fr: Y\n    note: z\n';
    expect(brief(text)).toEqual([
      '5:8 this line is indented deeper than the keys after it: "en:" starts in column 8, "fr:" (line 6) in column 7',
    ]);
    expect(hints(text)).toEqual(['move "en:" to column 7, over "fr:"']);
    // Also when the block ends the file.
    expect(brief('terms:\n  - source: A\n    kind: place\n    targets:\n       en: X\n      fr: Y\n')[0]).toMatch(/^5:8 /u);
  });

  it('the first key of an entry pushed right after its "-", not the correct keys below it', () => {
    expect(brief('terms:\n  -   source: A\n    kind: place\n    dnt: true\n')).toEqual([
      '2:7 this key is indented deeper than the keys after it: "source:" starts in column 7, "kind:" (line 3) in column 5',
    ]);
    expect(hints('terms:\n  -   source: A\n    kind: place\n    dnt: true\n')).toEqual(['write one space after "-", so that "source:" starts in column 5, over "kind:"']);
  });

  it('an entry\'s "-" one column left of the others, not the keys below it', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    dnt: true\n - source: B\n   kind: place\n   dnt: true\n')).toEqual([
      '5:2 this list item is indented less than the item above it: "- source:" starts in column 2, "- source:" (line 2) in column 3',
    ]);
    expect(brief('terms:\n - source: A\n    kind: place\n    dnt: true\n')).toEqual([
      '2:4 this key is indented less than the keys after it: "source:" starts in column 4, "kind:" (line 3) in column 5',
    ]);
    expect(hints('terms:\n - source: A\n    kind: place\n    dnt: true\n')).toEqual(['move "- source:" to column 3, so that "source:" starts in column 5, over "kind:"']);
  });

  it('the key after a comment or a blank line, not the comment or the blank line', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    # c\n      dnt: true\n    note: n\n')).toEqual([
      '5:7 this line is indented deeper than the key above it: "dnt:" starts in column 7, "kind:" (line 3) in column 5',
    ]);
    expect(brief('terms:\n  - source: A\n    kind: place\n\n   dnt: true\n    note: n\n')).toEqual([
      '5:4 this line is indented less than the key above it: "dnt:" starts in column 4, "- source:" (line 2) in column 5',
    ]);
  });

  it('a key after a list, measured against the key the list belongs to', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    forms:\n      - X\n     dnt: true\n')).toEqual([
      '6:6 this line is indented deeper than the key above it: "dnt:" starts in column 6, "forms:" (line 4) in column 5',
    ]);
  });

  it('an entry\'s "-" right of the others, as a list item, and once for the lines that follow it', () => {
    expect(brief('terms:\n  - source: A\n    kind: place\n    dnt: true\n  # second\n   - source: B\n     kind: place\n     dnt: true\n')).toEqual([
      '6:4 this list item is indented deeper than the item above it: "- source:" starts in column 4, "- source:" (line 2) in column 3',
    ]);
    expect(brief('terms:\n  - source: A\n    kind: place\n   targets:\n      en: X\n    note: y\n')).toEqual([
      '4:4 this line is indented less than the key above it: "targets:" starts in column 4, "- source:" (line 2) in column 5',
    ]);
  });
});
