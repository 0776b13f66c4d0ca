import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../pipeline/xliff/index.js';
import { el, escapeAttr, escapeText, renderDocument, replaceUnwritable } from '../../pipeline/xml/write.js';

describe('escaping', () => {
  it('escapes markup characters in text, and CR so parsers do not turn it into LF', () => {
    expect(escapeText('a & b < c > d ]]> e\r\nf "g"')).toBe('a &amp; b &lt; c &gt; d ]]&gt; e&#13;\nf "g"');
  });

  it('escapes quotes and whitespace in attributes, which attribute normalization would change', () => {
    expect(escapeAttr('a "b" <c> & d\te\nf\rg')).toBe('a &quot;b&quot; &lt;c&gt; &amp; d&#9;e&#10;f&#13;g');
  });

  it('refuses characters XML 1.0 cannot carry, and replaces them on request', () => {
    expect(() => escapeText('a\u0001b')).toThrow(/U\+0001 at index 1/u);
    expect(() => escapeText('a\uD800b')).toThrow(/U\+D800/u);
    expect(replaceUnwritable('a\u0001b\uD800c\u{1F389}')).toBe('a\uFFFDb\uFFFDc\u{1F389}');
  });
});

describe('renderDocument', () => {
  it('indents structure, keeps mixed content on one line, ends with a newline', () => {
    const doc = el('root', [['a', '1'], ['b', undefined]], [el('unit', [], [el('source', [], ['x ', el('mrk', [['t', 'y']], ['z'], true), ' '], true)])]);
    expect(renderDocument(doc)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<root a="1">\n  <unit>\n    <source>x <mrk t="y">z</mrk> </source>\n  </unit>\n</root>\n');
  });

  it('writes unwritable characters as <cp/> inside the named elements and as U+FFFD elsewhere', () => {
    const doc = el('r', [['n', 'a\u0002']], [el('source', [], ['a\u0007b'], true), el('note', [], ['c\u0007'], true)]);
    expect(renderDocument(doc, { codePointParents: new Set(['source']) })).toContain('<r n="a\uFFFD">\n  <source>a<cp hex="0007"/>b</source>\n  <note>c\uFFFD</note>');
  });

  it('round-trips any string through a parser unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, attr) => {
        const xml = renderDocument(
          el('xliff', [['version', '1.2'], ['xmlns', 'urn:oasis:names:tc:xliff:document:1.2']], [
            el('file', [['original', attr], ['source-language', 'de'], ['datatype', 'plaintext']], [
              el('body', [], [el('trans-unit', [['id', 'a']], [el('source', [], [text], true)])]),
            ]),
          ]),
        );
        const parsed = readXliff(new TextEncoder().encode(xml), 'p.xlf');
        expect(parsed.units[0]?.source.text).toBe(replaceUnwritable(text));
        expect(parsed.files[0]?.original).toBe(replaceUnwritable(attr));
      }),
      { numRuns: 300 },
    );
  });
});
