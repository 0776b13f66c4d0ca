/**
 * The Markdown reader: which parts of a document are units, which markup becomes inline codes,
 * what stays skeleton, and the limits that protect a build from hostile input.
 */
import { describe, expect, it } from 'vitest';
import { markdownFormat } from '../../../pipeline/formats/markdown/index.js';
import { InputError } from '../../../pipeline/model.js';
import { fixture, readSegmented, sentences } from '../../helpers/markup.js';

const FRONT_MATTER = new Map([['frontMatter', ['title', 'description']]]);

describe('the Markdown reader', () => {
  it('makes units of headings, paragraphs, quotes, list items, table cells, alt texts, titles and named front matter fields', () => {
    const { document, messages } = readSegmented(markdownFormat, fixture('markdown', 'artikel.md'), 'artikel.md', FRONT_MATTER);
    expect(messages).toEqual([]);
    const kinds = document.blocks.map((b) => b.kind);
    expect(kinds).toEqual([
      'meta', 'meta', 'title', 'paragraph', 'tooltip', 'paragraph', 'quote', 'list-item', 'list-item', 'list-item', 'alt', 'tooltip',
      'table-cell', 'table-cell', 'table-cell', 'table-cell', 'paragraph', 'alt', 'paragraph',
    ]);
    expect(sentences(document)).toContain('Die Regierung hat am Montag {bold}zum {italic}Gipfel{/italic} geladen{/bold}.');
    expect(sentences(document)).toContain('Ein {link}Bericht der Agentur{/link} nennt 12.500 Teilnehmer.');
  });

  it('keeps code blocks, comments, unnamed front matter fields, link definitions and inline code out of the text', () => {
    const { document } = readSegmented(markdownFormat, fixture('markdown', 'artikel.md'), 'artikel.md', FRONT_MATTER);
    const all = sentences(document).join('\n');
    for (const hidden of ['Hallo Welt', 'Kommentar', 'artikel', 'politik', 'npm start', 'https://example.org']) expect(all).not.toContain(hidden);
    expect(all).toContain('{!code}');
  });

  it('reads no front matter field unless the config names it', () => {
    const { document } = readSegmented(markdownFormat, fixture('markdown', 'artikel.md'), 'artikel.md');
    expect(document.blocks.map((b) => b.kind)).not.toContain('meta');
  });

  it('decodes character references and escapes for the translator, and reads a soft line break as a space', () => {
    const { document } = readSegmented(markdownFormat, fixture('markdown', 'artikel.md'), 'artikel.md');
    const all = sentences(document);
    expect(all).toContain('Preise: 3 € & mehr, {!code} und *keine* Betonung.');
    expect(all).toContain('Ein Zitat mit {bold}fett über{/bold} zwei Zeilen.{!break}');
    expect(all).toContain('Berlin | Mitte');
  });

  it('cuts a pair of codes that a sentence boundary splits into an open half and a close half', () => {
    const { document } = readSegmented(markdownFormat, fixture('markdown', 'artikel.md'), 'artikel.md');
    expect(sentences(document)).toEqual(expect.arrayContaining(['Der Minister sprach {italic}lange.', 'Dann ging{/italic} er.']));
  });

  it('nests codes as the markup nests, and keeps inline HTML and autolinks whole', () => {
    const { document } = readSegmented(markdownFormat, fixture('markdown', 'verschachtelt.md'), 'verschachtelt.md');
    const all = sentences(document);
    expect(all[0]).toBe('Ein {bold}{italic}sehr{/italic} wichtiger{/bold} Satz mit {link}einem {bold}fetten {italic}und{/italic} kursiven{/bold} Link{/link} und {!html}BRD{!html}.');
    expect(all).toContain('Autolink {!link} und E-Mail {!link} im Satz.');
    expect(all).toContain('Setext-Überschrift');
    expect(all.join('\n')).not.toContain('eingerückter Code');
  });

  it('refuses 10,000 nested block quotes with one message at the line, before parsing', () => {
    const text = `${'>'.repeat(10_000)} tief\n`;
    let caught: unknown;
    try {
      markdownFormat.read({ text, path: 'source/tief.md', name: 'tief', language: 'de' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).detail).toMatchObject({ ruleId: 'read/too-complex', file: 'source/tief.md', line: 1, column: 1, fatal: true });
    expect((caught as InputError).detail.reason).toContain('nested 10000 levels deep');
  });

  it('refuses deep nesting written one level per line too', () => {
    const text = Array.from({ length: 200 }, (_, i) => `${'> '.repeat(i + 1)}Zeile ${i}`).join('\n');
    expect(() => markdownFormat.read({ text, path: 'source/treppe.md', name: 'treppe', language: 'de' })).toThrow(/nested 33 levels deep/u);
  });

  it('reads nesting within the limit', () => {
    const text = `${'> '.repeat(20)}Ein tief zitierter Satz.\n`;
    const { document } = readSegmented(markdownFormat, text, 'zitat.md');
    expect(sentences(document)).toEqual(['Ein tief zitierter Satz.']);
  });

  it('warns about front matter that is not valid YAML and keeps it as it is', () => {
    const { document, messages } = readSegmented(markdownFormat, '---\ntitle: [kaputt\n---\nText hier.\n', 'fm.md', FRONT_MATTER);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'read/front-matter', severity: 'warning', line: 2 })]);
    expect(sentences(document)).toEqual(['Text hier.']);
  });
});
