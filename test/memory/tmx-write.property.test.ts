import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeTmx } from '../../pipeline/memory/tmx-write.js';
import type { Memory } from '../../pipeline/memory/types.js';
import { el, renderDocument } from '../../pipeline/xml/write.js';

/** The memory as a tree rendered by the XML writer: the bytes the TMX file must have. */
function treeTmx(memory: Memory): string {
  const units = memory.entries.map((e) =>
    el('tu', [], [
      el('prop', [['type', 'x-l10n-origin']], [e.origin], true),
      el('prop', [['type', 'x-l10n-state']], [e.state], true),
      el('tuv', [['xml:lang', memory.sourceLanguage]], [el('seg', [], [e.source], true)]),
      el('tuv', [['xml:lang', memory.targetLanguage]], [el('seg', [], [e.target], true)]),
    ]),
  );
  const header = el('header', [
    ['creationtool', 'l10n-pipeline'],
    ['creationtoolversion', '1'],
    ['segtype', 'sentence'],
    ['o-tmf', 'l10n-xliff'],
    ['adminlang', 'en'],
    ['srclang', memory.sourceLanguage],
    ['datatype', 'plaintext'],
  ]);
  return renderDocument(el('tmx', [['version', '1.4']], [header, el('body', [], units)]));
}

/** Text with what needs care in XML: markup characters, CR, tabs, controls, lone surrogates, astral characters. */
const awkward = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', '\u0000', '\u000b', '\ufffe', '\uffff', '\ud800', '\udc00', '😀', ']]>', 'Ä', '„“'),
  ),
  { maxLength: 6 },
).map((parts) => parts.join(''));

describe('TMX writing', () => {
  it('writes the same bytes as the tree serializer for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ source: awkward, target: awkward, origin: awkward, state: awkward }), { maxLength: 8 }),
        fc.constantFrom('de', 'en-GB', 'x"y'),
        (entries, language) => {
          const memory: Memory = { sourceLanguage: 'de', targetLanguage: language, entries };
          expect(writeTmx(memory)).toBe(treeTmx(memory));
        },
      ),
      { numRuns: 500 },
    );
  });
});
