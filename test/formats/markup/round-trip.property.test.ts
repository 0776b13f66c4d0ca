/**
 * Property: for Markdown and HTML documents built from the pieces articles are made of (nested
 * emphasis, links around part of a sentence, escapes, character references, code, comments,
 * lists, quotes, tables, line endings), targets equal to the sources give back the source byte
 * for byte, and pseudo-translated targets give a document that parses with the same elements,
 * links and attributes.
 */
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlFormat } from '../../../pipeline/formats/html/index.js';
import { markdownFormat } from '../../../pipeline/formats/markdown/index.js';
import { readSegmented, writeWith } from '../../helpers/markup.js';

const WORDS = ['Die', 'Regierung', 'lädt', 'heute', 'zum', 'Gipfel', 'in', 'Berlin', 'ein', 'Dr.', 'Müller', '3,5', 'Prozent', '„Wir', 'kommen“'];
const ENDS = ['.', '!', '?', '', '…'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

/** Inline Markdown: text with emphasis, strong, links, code, escapes and references, nested a little. */
const mdInline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.tuple(words, fc.constantFrom(' &amp; ', ' \\* ', ' &euro; ', '  \n', '\n', ' `x = 1` ', ' <b>fett</b> ', ' &#169; ')).map(([w, x]) => w + x + 'und'),
    // Emphasis with a word inside each edge: delimiter runs that touch (`***a* b**`) are outside
    // what accent mode keeps (its brackets change how such runs pair); identity keeps them too.
    fc.tuple(words, tie('inline'), words).map(([a, x, b]) => `*${a} ${x} ${b}*`),
    fc.tuple(words, tie('inline'), words).map(([a, x, b]) => `**${a} ${x} ${b}**`),
    fc.tuple(tie('inline'), fc.constantFrom('https://example.org/a_b', '/intern', 'x.html "Titel hier"')).map(([x, url]) => `[${x}](${url})`),
    words.map((w) => `![${w}](bild.png)`),
    fc.tuple(tie('inline'), fc.constantFrom(...ENDS), tie('inline')).map(([a, end, b]) => `${a}${end} ${b}`),
  ),
})).inline;

const mdBlock = fc.oneof(
  fc.tuple(mdInline, fc.constantFrom(...ENDS)).map(([x, e]) => x + e),
  mdInline.map((x) => `## ${x.replace(/\n/gu, ' ')}`),
  mdInline.map((x) => `> ${x.replace(/\n/gu, '\n> ')}`),
  fc.array(mdInline.map((x) => x.replace(/\n/gu, ' ')), { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.tuple(words, words).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  fc.constant('```\nCode bleibt\n```'),
  fc.constant('<!-- Kommentar -->'),
);
const markdownArb = fc.tuple(fc.array(mdBlock, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([blocks, eol, final]) => (blocks.join('\n\n') + (final ? '\n' : '')).replace(/\n/gu, eol));

/** Inline HTML: text with inline elements, references, comments and attributes with text. */
const htmlInline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.tuple(words, fc.constantFrom(' &amp; ', ' &nbsp;', ' &euro; ', '<br>', '\n  ', ' <!-- k --> ', ' <code>a<b</code> ', ' <span translate="no">Marke</span> ')).map(([w, x]) => w + x + 'und'),
    tie('inline').map((x) => `<em>${x}</em>`),
    tie('inline').map((x) => `<strong class="s">${x}</strong>`),
    fc.tuple(tie('inline'), fc.constantFrom('href="https://example.org"', "href='/intern' title='Mehr lesen'")).map(([x, a]) => `<a ${a}>${x}</a>`),
    words.map((w) => `<img src="b.png" alt="${w}">`),
    fc.tuple(tie('inline'), fc.constantFrom(...ENDS), tie('inline')).map(([a, end, b]) => `${a}${end} ${b}`),
  ),
})).inline;

const htmlBlock = fc.oneof(
  htmlInline.map((x) => `<p>${x}</p>`),
  htmlInline.map((x) => `<h2>${x}</h2>`),
  htmlInline.map((x) => `<blockquote><p>${x}</p></blockquote>`),
  fc.array(htmlInline, { minLength: 1, maxLength: 3 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('\n')}</ul>`),
  fc.tuple(words, htmlInline).map(([a, b]) => `<table><tr><th>${a}</th></tr><tr><td>${b}</td></tr></table>`),
  fc.constant('<pre>  Code   bleibt</pre>'),
  htmlInline.map((x) => `<div translate="no">${x}</div>`),
);
const htmlArb = fc.tuple(fc.array(htmlBlock, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([blocks, eol]) => blocks.join('\n').replace(/\n/gu, eol));

interface MdShape { type: string; url?: string; value?: string; children?: MdShape[] }

/** Markdown tree without text nodes: types, URLs, code and HTML. */
function markdownShape(text: string): MdShape {
  const strip = (node: MdShape): MdShape => ({
    type: node.type,
    ...(node.url === undefined ? {} : { url: node.url }),
    ...(['code', 'inlineCode', 'html'].includes(node.type) ? { value: node.value } : {}),
    ...(node.children === undefined ? {} : { children: node.children.filter((c) => c.type !== 'text').map(strip) }),
  });
  return strip(fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as unknown as MdShape);
}

/** HTML elements with attributes (text attributes by name only). */
function htmlShape(text: string): string[] {
  const out: string[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']): void => {
    if ('tagName' in node) out.push(`${node.tagName} ${node.attrs.map((a) => (['alt', 'title'].includes(a.name) ? a.name : `${a.name}=${a.value}`)).join(' ')}`);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(text));
  return out;
}

describe('Markdown and HTML round trips', () => {
  it('Markdown: identity targets give the source back byte for byte; pseudo-translated ones keep the structure', () => {
    fc.assert(
      fc.property(markdownArb, (text) => {
        const { document } = readSegmented(markdownFormat, text, 'p.md');
        expect(writeWith(markdownFormat, document, 'identity')).toBe(text);
        expect(markdownShape(writeWith(markdownFormat, document, 'accent'))).toEqual(markdownShape(text));
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it('HTML: identity targets give the source back byte for byte; pseudo-translated ones keep elements and attributes', () => {
    fc.assert(
      fc.property(htmlArb, (text) => {
        const { document } = readSegmented(htmlFormat, text, 'p.html');
        expect(writeWith(htmlFormat, document, 'identity')).toBe(text);
        expect(htmlShape(writeWith(htmlFormat, document, 'accent'))).toEqual(htmlShape(text));
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});
