import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entriesFromTmx } from '../../pipeline/memory/store.js';
import { readOwnTmx } from '../../pipeline/memory/tmx-own.js';
import { readTmx } from '../../pipeline/memory/tmx-read.js';
import { writeTmx } from '../../pipeline/memory/tmx-write.js';
import type { Memory } from '../../pipeline/memory/types.js';

/** Text with what needs care in XML: markup characters, CR, tabs, controls, lone surrogates, astral characters. */
const awkward = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('&', '&amp;', '<', '>', '"', '\r', '\r\n', '\n', '\t', '\u0000', '\ufffe', '\ud800', '😀', ']]>', 'Ä', '„“', '\u2028', ' '),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const memory = fc
  .tuple(fc.array(fc.record({ source: awkward, target: awkward, origin: awkward, state: awkward }), { maxLength: 8 }), fc.constantFrom('en', 'en-GB', 'fr'))
  .map(([entries, language]): Memory => ({ sourceLanguage: 'de', targetLanguage: language, entries }));
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const fullReader = (bytes: Uint8Array, m: Memory) => entriesFromTmx(readTmx(bytes, 'm.tmx'), m.sourceLanguage, m.targetLanguage, 'project');

describe('reading back our own memory files', () => {
  it('gives the entries the XML reader gives, for any text the writer wrote', () => {
    fc.assert(
      fc.property(memory, (m) => {
        const bytes = bytesOf(writeTmx(m));
        const own = readOwnTmx(bytes, m.sourceLanguage, m.targetLanguage);
        expect(own).toBeDefined();
        expect(own).toEqual(fullReader(bytes, m));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves any other layout to the XML reader: edited by hand, CRLF, a BOM, another pair, another tool', () => {
    fc.assert(
      fc.property(
        memory.filter((m) => m.entries.length > 0),
        fc.constantFrom<(text: string) => string>(
          (t) => t.replace(/\n/gu, '\r\n'),
          (t) => `\uFEFF${t}`,
          (t) => t.replace('<tu>', '<tu tuid="1">'),
          (t) => t.replace('    <tu>', '    <!-- edited -->\n    <tu>'),
          (t) => t.replace('l10n-pipeline', 'Trados'),
          (t) => t.replace('</tmx>\n', '</tmx>'),
          (t) => t.replace('<seg>', '<seg><ph>x</ph>'),
          (t) => t.replace(/&amp;|&lt;|&gt;/u, '&#38;'),
          (t) => t.replace('</seg>', 'a\rb</seg>'),
        ),
        (m, edit) => {
          const text = edit(writeTmx(m));
          if (text === writeTmx(m)) return;
          expect(readOwnTmx(bytesOf(text), m.sourceLanguage, m.targetLanguage)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
    const m: Memory = { sourceLanguage: 'de', targetLanguage: 'en', entries: [{ source: 'Ja.', target: 'Yes.', origin: 'project', state: 'final' }] };
    expect(readOwnTmx(bytesOf(writeTmx(m)), 'de', 'en-GB')).toBeUndefined();
    expect(readOwnTmx(bytesOf(writeTmx(m)), 'de', 'en')).toEqual(m.entries);
    expect(readOwnTmx(bytesOf(writeTmx({ ...m, entries: [] })), 'de', 'en')).toEqual([]);
  });
});
