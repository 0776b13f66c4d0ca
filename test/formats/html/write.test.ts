/**
 * The HTML writer: the original markup outside translated text comes back byte for byte, a
 * translation parses with the same elements and attributes, the output names its language, and
 * neither a translator's markup nor a script link gets into a published page.
 */
import { readdirSync } from 'node:fs';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlFormat } from '../../../pipeline/formats/html/index.js';
import { isHtmlDocument } from '../../../pipeline/formats/html/read.js';
import { unsafeHtmlUses } from '../../../pipeline/formats/html/links.js';
import { refuseUnsafeOutput } from '../../../pipeline/formats/markup/links.js';
import { InputError, segmentsOf } from '../../../pipeline/model.js';
import { fixture, readSegmented, writeWith } from '../../helpers/markup.js';

const FIXTURES = readdirSync('test/fixtures/formats/html').sort();
type Node = DefaultTreeAdapterMap['node'];

/** Attributes whose values are text for readers (they change in translation), and the language. */
const TRANSLATED = new Set(['alt', 'title', 'content', 'lang', 'dir']);

/** The elements of an HTML text as a browser parses them, with their attributes, without text. */
function elements(text: string): string[] {
  const root = isHtmlDocument(text) ? parse(text) : parseFragment(text);
  const out: string[] = [];
  const walk = (node: Node, depth: number): void => {
    if ('tagName' in node) {
      const attributes = node.attrs.map((a) => (TRANSLATED.has(a.name) ? a.name : `${a.name}=${a.value}`)).join(' ');
      out.push(`${'  '.repeat(depth)}${node.tagName} ${attributes}`.trimEnd());
    }
    if (node.nodeName === '#comment') out.push(`${'  '.repeat(depth)}<!--${(node as DefaultTreeAdapterMap['commentNode']).data}-->`);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The value of an attribute of the `<html>` element, as parsed. */
function htmlAttribute(text: string, name: string): string | undefined {
  const root = parse(text);
  const html = root.childNodes.find((n) => 'tagName' in n && n.tagName === 'html') as DefaultTreeAdapterMap['element'];
  return html.attrs.find((a) => a.name === name)?.value;
}

describe('the HTML writer', () => {
  it.each(FIXTURES)('gives %s back byte for byte when every target is its source', (name) => {
    const text = fixture('html', name);
    const { document } = readSegmented(htmlFormat, text, name);
    expect(segmentsOf(document).length).toBeGreaterThan(2);
    expect(writeWith(htmlFormat, document, 'identity')).toBe(text);
  });

  it.each(FIXTURES)('writes %s pseudo-translated so that it parses with the same elements and attributes', (name) => {
    const text = fixture('html', name);
    const { document } = readSegmented(htmlFormat, text, name);
    const written = writeWith(htmlFormat, document, 'accent');
    expect(written).not.toBe(text);
    expect(elements(written)).toEqual(elements(text));
  });

  it('keeps script, style, code, pre and translate="no" content byte for byte in a translated page', () => {
    const text = fixture('html', 'artikel.html');
    const written = writeWith(htmlFormat, readSegmented(htmlFormat, text, 'artikel.html').document, 'accent');
    for (const kept of ['<script>var text = "<b>Nicht übersetzen</b>";</script>', '<style>p { color: #333; } /* Kommentar im Stil */</style>', '<code>npm start</code>', '<pre>Vorformatierter   Text bleibt</pre>', '<span translate="no">Marke&trade;</span>', '<div translate="no">Nicht übersetzen <span translate="yes">[']) {
      expect(written).toContain(kept);
    }
  });

  it('sets lang to the target language, and dir for a right-to-left one', () => {
    const text = fixture('html', 'artikel.html');
    const { document } = readSegmented(htmlFormat, text, 'artikel.html');
    const english = writeWith(htmlFormat, document, 'accent', 'en-XA');
    expect(htmlAttribute(english, 'lang')).toBe('en-XA');
    expect(htmlAttribute(english, 'dir')).toBeUndefined();
    const arabic = writeWith(htmlFormat, document, 'accent', 'ar');
    expect(htmlAttribute(arabic, 'lang')).toBe('ar');
    expect(htmlAttribute(arabic, 'dir')).toBe('rtl');
    expect(arabic.split('\n')[1]).toBe('<html dir="rtl" lang="ar">');
  });

  it('adds lang to an <html> tag that has none, after its name', () => {
    const text = '<!doctype html><html><body><p>Ein Satz.</p></body></html>';
    const { document } = readSegmented(htmlFormat, text, 'a.html');
    expect(writeWith(htmlFormat, document, 'accent', 'fr')).toBe('<!doctype html><html lang="fr"><body><p>[Éîñ Šåţž.]</p></body></html>');
  });

  it('writes a translator\'s markup and character references as text, and attributes in their own quotes', () => {
    const text = "<p title='Ein Tipp'>Ein Satz.</p>";
    const { document } = readSegmented(htmlFormat, text, 'a.html');
    const [title, sentence] = segmentsOf(document);
    const written = writeWith(htmlFormat, document, new Map([
      [title!.id, { text: "It's <b>", codes: [] }],
      [sentence!.id, { text: '<a href="javascript:alert(1)">x</a> &amp;', codes: [] }],
    ]));
    expect(written).toBe("<p title='It&#39;s &lt;b&gt;'>&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt; &amp;amp;</p>");
    expect(elements(written)).toEqual(['  p title']);
  });

  it('refuses a written page that links to script where its source does not, and names the file', () => {
    const text = '<p>Ein <a href="https://example.org">Link</a>.</p>';
    const { document } = readSegmented(htmlFormat, text, 'a.html');
    const changed = new Map([[segmentsOf(document)[0]!.id, { text: 'A link.', codes: [] }]]);
    let caught: unknown;
    try {
      refuseUnsafeOutput(document, changed, '<p>A <a href="jAvAscript:alert(1)">link</a>.</p>', unsafeHtmlUses);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).detail).toMatchObject({ ruleId: 'build/unsafe-link', file: 'source/a.html', fatal: true });
    expect(() => refuseUnsafeOutput(document, changed, '<p>A <a onclick="x()">link</a>.</p>', unsafeHtmlUses)).toThrow(/onclick/u);
    expect(() => refuseUnsafeOutput(document, changed, '<p>A <a href="https://example.org">link</a>.</p>', unsafeHtmlUses)).not.toThrow();
  });
});
