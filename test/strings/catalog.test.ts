import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { formatCatalog, newLayout, pathForKey, readCatalog, writeCatalog, type CatalogLeaf } from '../../pipeline/strings/catalog.js';

const where = { file: 'source/locales/de/common.json', language: 'de', namespace: 'common' };
const dotted = { keySeparator: '.', defaultStyle: 'nested' } as const;
const read = (text: string, options: { keySeparator: string | false; defaultStyle: 'nested' | 'flat' } = dotted) => readCatalog(text, where, options);

describe('readCatalog', () => {
  it('reads a nested catalog into entries in file order, each with the place of its value', () => {
    const { catalog, messages } = read('{\n  "card": {\n    "readMore": "Weiterlesen",\n    "share": "Teilen"\n  },\n  "title": "Start"\n}\n');
    expect(messages).toEqual([]);
    expect(catalog.entries.map((e) => [e.key, e.path, e.text, e.place.line, e.place.column])).toEqual([
      ['card.readMore', ['card', 'readMore'], 'Weiterlesen', 3, 17],
      ['card.share', ['card', 'share'], 'Teilen', 4, 14],
      ['title', ['title'], 'Start', 6, 12],
    ]);
    expect(catalog.layout).toEqual({ style: 'nested', indent: '  ', eol: '\n', finalNewline: true, bom: false });
  });

  it('reads a flat catalog with its keys as written', () => {
    const { catalog } = read('{\n  "card.readMore": "Weiterlesen",\n  "title": "Start"\n}\n');
    expect(catalog.entries.map((e) => [e.key, e.path])).toEqual([['card.readMore', ['card.readMore']], ['title', ['title']]]);
    expect(catalog.layout.style).toBe('flat');
  });

  it('reads a catalog with both nested objects and flat keys as mixed', () => {
    expect(read('{"a": {"b": "x"}, "c.d": "y"}').catalog.layout.style).toBe('mixed');
  });

  it('joins levels with a custom key separator', () => {
    const { catalog } = read('{"card": {"readMore": "x"}}', { keySeparator: '::', defaultStyle: 'nested' });
    expect(catalog.entries[0]?.key).toBe('card::readMore');
  });

  it('warns that texts inside an object cannot be reached when keys have no separator', () => {
    const { messages } = read('{"card": {"readMore": "x"}}', { keySeparator: false, defaultStyle: 'flat' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['strings/nested-without-separator', 1, 2]]);
  });

  it('reports a duplicated key at its second place and keeps the first', () => {
    const { catalog, messages } = read('{\n  "a": "first",\n  "a": "second"\n}');
    expect(catalog.entries.map((e) => e.text)).toEqual(['first']);
    expect(messages).toMatchObject([{ ruleId: 'strings/duplicate-key', severity: 'error', line: 3, column: 3 }]);
  });

  it('keeps values that are not text, reports them, and writes them back', () => {
    const text = '{\n  "list": [\n    "a",\n    1\n  ],\n  "flag": true,\n  "empty": {},\n  "none": null,\n  "n": 1.5e3\n}\n';
    const { catalog, messages } = read(text);
    expect(catalog.entries.map((e) => [e.key, e.text])).toEqual([['list', undefined], ['flag', undefined], ['empty', undefined], ['none', undefined], ['n', undefined]]);
    expect(messages.map((m) => m.ruleId)).toEqual(Array(5).fill('strings/not-text'));
    expect(writeCatalog(catalog)).toBe(text);
  });

  it('refuses a root that is not an object, with its place', () => {
    expect(() => read('["a"]')).toThrowError(InputError);
    try {
      read('\n  "text"');
    } catch (error) {
      expect((error as InputError).detail).toMatchObject({ ruleId: 'strings/not-catalog', line: 2, column: 3 });
    }
  });
});

describe('writeCatalog', () => {
  it.each([
    ['two spaces', '{\n  "a": "x",\n  "b": {\n    "c": "y"\n  }\n}\n'],
    ['four spaces', '{\n    "a": "x",\n    "b": {\n        "c": "y"\n    }\n}\n'],
    ['tabs', '{\n\t"a": "x",\n\t"b": {\n\t\t"c": "y"\n\t}\n}\n'],
    ['CRLF', '{\r\n  "a": "x",\r\n  "b": {\r\n    "c": "y"\r\n  }\r\n}\r\n'],
    ['no final newline', '{\n  "a": "x"\n}'],
    ['a byte order mark', '\uFEFF{\n  "a": "x"\n}\n'],
    ['one line', '{"a":"x","b":{"c":"y"}}'],
    ['empty', '{}\n'],
    ['escapes and non-ASCII', '{\n  "quote": "Er sagte: \\"Ja\\"\\n",\n  "ß": "Straße 😀 \\\\"\n}\n'],
    ['keys that are numbers', '{\n  "b": "x",\n  "2": "y",\n  "1": "z"\n}\n'],
  ])('writes a catalog with %s back byte for byte', (_, text) => {
    expect(writeCatalog(read(text).catalog)).toBe(text);
  });

  it('writes any catalog it formatted back byte for byte after reading it', () => {
    const segment = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('.'));
    const leaves = fc.uniqueArray(fc.record({ path: fc.array(segment, { minLength: 1, maxLength: 3 }), text: fc.string() }), { selector: (l) => l.path.join('.'), maxLength: 20 });
    fc.assert(
      fc.property(leaves, fc.constantFrom('', '  ', '\t'), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (list, indent, eol) => {
        const layout = { style: 'nested' as const, indent, eol, finalNewline: true, bom: false };
        const { text } = formatCatalog(list, layout);
        const again = read(text).catalog;
        expect(writeCatalog(again)).toBe(text);
        expect(JSON.parse(text)).toBeTypeOf('object');
      }),
      { numRuns: 200 },
    );
  });

  it('reports a leaf that runs through a text or repeats a path, and writes the rest', () => {
    const leaves: CatalogLeaf[] = [{ path: ['card'], text: 'x' }, { path: ['card', 'title'], text: 'y' }, { path: ['card'], text: 'z' }, { path: ['ok'], text: 'w' }];
    const { text, conflicts } = formatCatalog(leaves, newLayout('nested', 2));
    expect(conflicts).toEqual([leaves[1], leaves[2]]);
    expect(text).toBe('{\n  "card": "x",\n  "ok": "w"\n}\n');
  });
});

describe('pathForKey', () => {
  it('splits a new key into levels in a nested catalog and keeps it whole in a flat one', () => {
    expect(pathForKey('card.readMore', 'nested', '.')).toEqual(['card', 'readMore']);
    expect(pathForKey('card.readMore', 'mixed', '.')).toEqual(['card', 'readMore']);
    expect(pathForKey('card.readMore', 'flat', '.')).toEqual(['card.readMore']);
    expect(pathForKey('card.readMore', 'nested', false)).toEqual(['card.readMore']);
  });

  it('keeps a key with an empty level whole, as i18next then finds it flat', () => {
    expect(pathForKey('Mehr lesen.', 'nested', '.')).toEqual(['Mehr lesen.']);
    expect(pathForKey('a..b', 'nested', '.')).toEqual(['a..b']);
  });
});
