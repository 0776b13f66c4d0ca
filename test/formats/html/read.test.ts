/**
 * The HTML reader: block elements are units, inline elements codes, text attributes units of their
 * own; translate="no" and code, scripts and styles are never text; malformed markup is reported
 * with line and column and read as a browser reads it.
 */
import { describe, expect, it } from 'vitest';
import { htmlFormat } from '../../../pipeline/formats/html/index.js';
import { InputError } from '../../../pipeline/model.js';
import { fixture, readSegmented, sentences } from '../../helpers/markup.js';

describe('the HTML reader', () => {
  it('makes units of the title, headings, paragraphs, captions, quotes, list items and table cells, with inline elements as codes', () => {
    const { document, messages } = readSegmented(htmlFormat, fixture('html', 'artikel.html'), 'artikel.html');
    expect(messages).toEqual([]);
    expect(document.blocks.map((b) => b.kind)).toEqual([
      'title', 'meta', 'meta', 'heading', 'paragraph', 'tooltip', 'paragraph', 'alt', 'caption', 'quote',
      'list-item', 'list-item', 'list-item', 'caption', 'table-cell', 'table-cell', 'table-cell', 'paragraph',
    ]);
    expect(sentences(document)).toEqual(expect.arrayContaining([
      'Die Regierung hat am Montag {bold}zum {italic}Gipfel{/italic} geladen{/bold}.',
      'Ein {link}Bericht der Agentur{/link} nennt 12.500 Teilnehmer.',
      'Der Minister sprach {italic}lange.',
      'Dann ging{/italic} er.',
    ]));
  });

  it('makes units of alt and title attributes and of the meta description, decoded', () => {
    const { document } = readSegmented(htmlFormat, fixture('html', 'artikel.html'), 'artikel.html');
    const byKind = (kind: string): string[] => document.blocks.filter((b) => b.kind === kind).flatMap((b) => b.segments.map((s) => s.text));
    expect(byKind('alt')).toEqual(['Ein Bild vom Gipfel']);
    expect(byKind('tooltip')).toEqual(['Mehr lesen']);
    expect(byKind('meta')).toEqual(['Die Regierung lädt zum "Gipfel".', 'Gipfel in Berlin']);
    expect(byKind('title')).toEqual(['Gipfel in Berlin – Nachrichten']);
  });

  it('never reads translate="no", script, style, code or pre as text, and reads translate="yes" inside translate="no"', () => {
    const { document } = readSegmented(htmlFormat, fixture('html', 'artikel.html'), 'artikel.html');
    const all = sentences(document).join('\n');
    for (const hidden of ['Nicht übersetzen', 'Marke', 'npm start', 'Vorformatierter', 'color', 'Kommentar']) expect(all).not.toContain(hidden);
    expect(sentences(document)).toContain('Preise: 3\u00A0€ & mehr,{!break} mit {!code} und {!span}.');
    expect(sentences(document)).toContain('aber das hier schon');
  });

  it('reads a fragment, with a paragraph whose end tag is left out', () => {
    const { document, messages } = readSegmented(htmlFormat, fixture('html', 'fragment.html'), 'fragment.html');
    expect(messages).toEqual([]);
    expect(sentences(document)).toEqual([
      'Ein Fragment aus dem CMS mit {bold}fettem{/bold} Text & einem {link}Link{/link}.',
      'Zweiter Absatz ohne Ende',
      'Zwischenüberschrift',
      'Text direkt im div.',
      'Noch ein Satz.',
    ]);
  });

  it('reports unclosed elements and stray end tags with line and column, and leaves text the parser rearranged untranslated', () => {
    const { document, messages } = readSegmented(htmlFormat, fixture('html', 'kaputt.html'), 'kaputt.html');
    const found = messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`).sort();
    expect(found).toEqual([
      'read/html-stray-end-tag 3:1',
      'read/html-unclosed 1:1',
      'read/html-unclosed 1:32',
      'read/html-unclosed 2:8',
      'read/html-unclosed 4:1',
      'read/unmapped-text 1:9',
    ]);
    expect(messages.every((m) => m.severity === 'warning' && m.file === 'source/kaputt.html' && m.hint !== undefined)).toBe(true);
    expect(sentences(document)).toEqual(['Ein {!span}offenes Element.', 'Nach dem Fehler geht es weiter.', 'Nie geschlossen.']);
  });

  it.each([
    ['10,000 unclosed div elements', '<div>'.repeat(10_000) + 'Text'],
    ['10,000 nested span elements', '<p>' + '<span>'.repeat(10_000) + 'Text' + '</span>'.repeat(10_000) + '</p>'],
    ['10,000 nested blockquote elements', '<blockquote>'.repeat(10_000) + 'Text'],
  ])('refuses %s with one message at the place, no crash', (_name, text) => {
    let caught: unknown;
    try {
      htmlFormat.read({ text, path: 'source/tief.html', name: 'tief', language: 'de' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).detail).toMatchObject({ ruleId: 'read/too-complex', file: 'source/tief.html', line: 1, fatal: true });
  });
});
