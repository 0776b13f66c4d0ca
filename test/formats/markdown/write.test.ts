/**
 * The Markdown writer: everything outside translated text comes back byte for byte, a translation
 * changes only text, the translator's markup is written as text, and an unsafe link never gets
 * into a published document.
 */
import { readdirSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { markdownFormat } from '../../../pipeline/formats/markdown/index.js';
import { InputError, segmentsOf, type Content } from '../../../pipeline/model.js';
import { unsafeMarkdownUses } from '../../../pipeline/formats/markdown/links.js';
import { refuseUnsafeOutput } from '../../../pipeline/formats/markup/links.js';
import { fixture, readSegmented, writeWith } from '../../helpers/markup.js';

const FIXTURES = readdirSync('test/fixtures/formats/markdown').sort();
const FRONT_MATTER = new Map([['frontMatter', ['title', 'description']]]);

interface Shape {
  readonly type: string;
  readonly url?: string;
  readonly value?: string;
  readonly children?: Shape[];
}

/**
 * The tree of a Markdown text without its translatable text (text nodes left out: a translation
 * may put text where the source had none): node types, URLs, code and HTML.
 */
function shape(text: string): Shape {
  const strip = (node: Shape): Shape => {
    const kept: Shape = { type: node.type, ...(node.url === undefined ? {} : { url: node.url }), ...(['code', 'inlineCode', 'html'].includes(node.type) ? { value: node.value } : {}) };
    return node.children === undefined ? kept : { ...kept, children: node.children.filter((c) => c.type !== 'text').map(strip) };
  };
  return strip(fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as unknown as Shape);
}

describe('the Markdown writer', () => {
  it.each(FIXTURES)('gives %s back byte for byte when every target is its source', (name) => {
    const text = fixture('markdown', name);
    const { document } = readSegmented(markdownFormat, text, name, FRONT_MATTER);
    expect(segmentsOf(document).length).toBeGreaterThan(2);
    expect(writeWith(markdownFormat, document, 'identity')).toBe(text);
  });

  it.each(FIXTURES)('writes %s pseudo-translated with the same elements, links, code and HTML, and new text', (name) => {
    const text = fixture('markdown', name);
    const { document } = readSegmented(markdownFormat, text, name, FRONT_MATTER);
    const written = writeWith(markdownFormat, document, 'accent');
    expect(written).not.toBe(text);
    expect(shape(written)).toEqual(shape(text));
  });

  it('keeps the bytes around a translated sentence, and an untranslated neighbour as it was', () => {
    const text = 'Erster *Satz*. Zweiter &amp; \\*letzter\\* Satz.\n';
    const { document } = readSegmented(markdownFormat, text, 'a.md');
    const [first] = segmentsOf(document);
    const target: Content = { text: 'First sentence.', codes: [{ ...first!.codes[0]!, at: 6 }, { ...first!.codes[1]!, at: 14 }] };
    expect(writeWith(markdownFormat, document, new Map([[first!.id, target]]))).toBe('First *sentence*. Zweiter &amp; \\*letzter\\* Satz.\n');
  });

  it('writes the markup a translator typed as text, never as Markdown', () => {
    const text = 'Ein Satz.\n';
    const { document } = readSegmented(markdownFormat, text, 'a.md');
    const [only] = segmentsOf(document);
    const written = writeWith(markdownFormat, document, new Map([[only!.id, { text: '# **Bold** [x](javascript:alert(1)) <b>x</b> &amp;', codes: [] }]]));
    expect(written).toBe('\\# \\*\\*Bold\\*\\* \\[x\\](javascript:alert(1)) \\<b>x\\</b> \\&amp;\n');
    expect(shape(written)).toEqual({ type: 'root', children: [{ type: 'paragraph', children: [] }] });
  });

  it('takes the markup of codes from the source: a code the source sentence lacks is dropped, a pair is written only whole and in order', () => {
    const text = 'Ein **fetter** Satz.\n';
    const { document } = readSegmented(markdownFormat, text, 'a.md');
    const [only] = segmentsOf(document);
    const [open, close] = only!.codes;
    const forged = { id: '9', kind: 'standalone' as const, type: 'link', data: '[x](javascript:alert(1))', at: 0 };
    expect(writeWith(markdownFormat, document, new Map([[only!.id, { text: 'A bold sentence.', codes: [forged, { ...open!, at: 2 }, { ...close!, at: 6 }] }]]))).toBe('A **bold** sentence.\n');
    expect(writeWith(markdownFormat, document, new Map([[only!.id, { text: 'A bold sentence.', codes: [{ ...close!, at: 2 }, { ...open!, at: 6 }] }]]))).toBe('A bold sentence.\n');
  });

  it('refuses to publish a document that would link to script where its source does not, and allows what the source has', () => {
    const text = 'Ein [Link](https://example.org) hier.\n';
    const { document } = readSegmented(markdownFormat, text, 'a.md');
    const uses = unsafeMarkdownUses;
    expect(uses('[a](JavaScript:alert(1)) ![b](data:image/png;base64,AA) <a href=" javascript:x">c</a>')).toEqual([
      { where: '<a href>', url: ' javascript:x' },
      { where: 'markdown link', url: 'JavaScript:alert(1)' },
    ]);
    const changed = new Map([[segmentsOf(document)[0]!.id, { text: 'A link here.', codes: [] }]]);
    let caught: unknown;
    try {
      refuseUnsafeOutput(document, changed, 'A [link](javascript:alert(1)) here.\n', uses);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).detail).toMatchObject({ ruleId: 'build/unsafe-link', fatal: true, file: 'source/a.md', actual: 'javascript:alert(1)' });
    const unsafeSource = readSegmented(markdownFormat, 'Ein [Link](javascript:void(0)) hier.\n', 'b.md').document;
    const target = new Map([[segmentsOf(unsafeSource)[0]!.id, { text: 'A link here.', codes: [] }]]);
    expect(() => refuseUnsafeOutput(unsafeSource, target, 'A [link](javascript:void(0)) here.\n', uses)).not.toThrow();
  });
});
