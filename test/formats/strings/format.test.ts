/**
 * The software strings format on its own: a German catalog read as a document (one block per key
 * or plural key, one segment per key, ids from the key), each target language's view (its plural
 * forms), and translated catalogs written back with the translated keys only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormatRegistry, FORMATS } from '../../../pipeline/formats/index.js';
import { createStringsFormat } from '../../../pipeline/formats/strings/index.js';
import type { Format } from '../../../pipeline/formats/format.js';
import { pluralGroupId, stringBlockId, stringUnitId } from '../../../pipeline/ids.js';
import { InputError, plainContent, segmentsOf, type Content, type Document } from '../../../pipeline/model.js';
import { resolveStringsOptions } from '../../../pipeline/strings/options.js';

const CATALOG = `{
  "share": "Teilen",
  "card": {
    "comments_one": "{{count}} Kommentar",
    "comments_other": "{{count}} Kommentare",
    "published": "Am {{date}}. Danach <1>mehr</1>."
  },
  "count": 3
}
`;
const PATH = 'source/locales/de/common.json';

let root: string;
let format: Format;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'l10n-strings-format-'));
  format = createStringsFormat({ root, options: resolveStringsOptions({ namespaces: ['common', 'article'], defaultNamespace: 'common' }), outputFolder: 'output' });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (text = CATALOG): Document => format.read({ text, path: PATH, name: 'locales/de/common', language: 'de' }).document;

describe('the strings format', () => {
  it('claims the German catalog of each namespace, reads no extension, and segments nothing itself', () => {
    expect(format.documents).toEqual(['source/locales/de/common.json', 'source/locales/de/article.json']);
    expect(format.extensions).toEqual([]);
    expect(format.segmentation).toBe('none');
    const registry = new FormatRegistry([...FORMATS, format]);
    expect(registry.forPath('source/locales/de/common.json')).toBe(format);
    expect(registry.forPath('source/locales/de/common.aside.json')).toBeUndefined();
    expect(registry.forPath('source/locales/de/other.json')).toBeUndefined();
    expect(format.outputNames('locales/de/article', 'source/locales/de/article.json')).toEqual(['locales/article.json']);
  });

  it('reads one block per key and per plural key, one segment per key, with ids from namespace and key', () => {
    const doc = read();
    expect(doc.blocks.map((b) => [b.id, b.kind, b.resource?.name, b.segments.map((s) => s.resource?.name)])).toEqual([
      [stringBlockId('common', 'share'), 'string', undefined, ['share']],
      [pluralGroupId('common', 'card.comments', 'cardinal'), 'plural', 'card.comments', ['card.comments_one', 'card.comments_other']],
      [stringBlockId('common', 'card.published'), 'string', undefined, ['card.published']],
    ]);
    const segments = segmentsOf(doc);
    expect(segments.map((s) => s.id)).toEqual(['share', 'card.comments_one', 'card.comments_other', 'card.published'].map((k) => stringUnitId('common', k)));
    // Never split into sentences, whatever full stops it has; codes take no room in the text.
    const published = segments[3];
    expect(published?.text).toBe('Am . Danach mehr.');
    expect(published?.codes.map((c) => [c.kind, c.type, c.data, c.at])).toEqual([
      ['standalone', 'interpolation', '{{date}}', 3],
      ['open', 'tag', '<1>', 12],
      ['close', 'tag', '</1>', 16],
    ]);
    // The segment's range is the value inside its quotes; nothing of the JSON lies in a gap.
    expect(CATALOG.slice(published?.start, published?.end)).toBe('Am {{date}}. Danach <1>mehr</1>.');
    expect(doc.blocks.every((b) => b.gaps?.every((g) => g.text === '' && g.codes.length === 0))).toBe(true);
    expect(segments[0]?.resource?.context).toEqual([['namespace', 'common'], ['key path', 'share']]);
  });

  it('gives each target language the plural forms it needs, each a copy of the German form it comes from, spans included', () => {
    const doc = read();
    const other = segmentsOf(doc)[2];
    if (other === undefined) throw new Error('no segment');
    other.spans = [{ kind: 'term', start: 1, end: 11, term: 'Kommentar' }];
    const fr = format.forLanguage?.(doc, 'fr') as Document;
    const group = fr.blocks[1];
    expect(group?.segments.map((s) => [s.resource?.name, s.resource?.plural?.category, s.text])).toEqual([
      ['card.comments_one', 'one', ' Kommentar'],
      ['card.comments_many', 'many', ' Kommentare'],
      ['card.comments_other', 'other', ' Kommentare'],
    ]);
    const many = group?.segments[1];
    expect(many?.id).toBe(stringUnitId('common', 'card.comments_many'));
    expect(many?.spans).toEqual(other.spans);
    expect(many?.resource?.notes).toContain('plural form "many" of "card.comments", used for 1000000…; source: the German "other" form');
    expect(many?.resource?.context).toEqual([['namespace', 'common'], ['key path', 'card › comments_many']]);
    // English has the German forms; the keys that are no plural are the same in every language.
    const en = format.forLanguage?.(doc, 'en') as Document;
    expect(segmentsOf(en).map((s) => s.id)).toEqual(segmentsOf(doc).map((s) => s.id));
  });

  it('keeps a German form German does not use (a "_many") as a segment of its group, for the languages that take it', () => {
    const doc = read('{"c_one": "ein K", "c_many": "eine Million K", "c_other": "K"}');
    expect(doc.blocks.map((b) => b.segments.map((s) => s.resource?.name))).toEqual([['c_one', 'c_other', 'c_many']]);
    const fr = format.forLanguage?.(doc, 'fr') as Document;
    expect(segmentsOf(fr).map((s) => [s.resource?.name, s.text])).toEqual([['c_one', 'ein K'], ['c_many', 'eine Million K'], ['c_other', 'K']]);
  });

  it('writes the translated keys only, in the German layout, each plural key\'s forms where the German ones are', () => {
    const fr = format.forLanguage?.(read(), 'fr') as Document;
    const ids = (name: string): string => stringUnitId('common', name);
    const targets = new Map<string, Content>([
      [ids('card.comments_one'), { text: ' commentaire', codes: segmentsOf(fr)[1]?.codes ?? [] }],
      [ids('card.comments_many'), { text: ' de commentaires', codes: segmentsOf(fr)[2]?.codes ?? [] }],
      [ids('card.comments_other'), { text: ' commentaires', codes: segmentsOf(fr)[3]?.codes ?? [] }],
      [ids('share'), plainContent('Partager')],
    ]);
    const [output, ...more] = format.write(fr, targets, { language: 'fr' });
    expect(more).toEqual([]);
    expect(output?.name).toBe('locales/common.json');
    expect(output?.content).toBe(`{
  "share": "Partager",
  "card": {
    "comments_one": "{{count}} commentaire",
    "comments_many": "{{count}} de commentaires",
    "comments_other": "{{count}} commentaires"
  }
}
`);
    expect(format.write(fr, new Map(), { language: 'fr' })).toEqual([]);
  });

  it('reads the metadata file beside the catalog: notes and length limits', () => {
    mkdirSync(path.join(root, 'source/locales/de'), { recursive: true });
    writeFileSync(path.join(root, 'source/locales/de/common.meta.json'), '{"share": {"maxLength": 12, "note": "Button"}}');
    const share = segmentsOf(read())[0];
    expect(share?.resource?.maxLength).toBe(12);
    expect(share?.resource?.notes).toEqual(['Button', 'at most 12 characters']);
  });

  it('stops the document on a catalog or metadata file that is no JSON, with line and column', () => {
    expect(() => read('{\n  "share": "Teilen",\n}\n')).toThrow(InputError);
    try {
      read('{\n  "share": "Teilen",\n}\n');
    } catch (error) {
      expect((error as InputError).detail).toMatchObject({ ruleId: 'strings/json', line: 3, column: 1 });
    }
    mkdirSync(path.join(root, 'source/locales/de'), { recursive: true });
    writeFileSync(path.join(root, 'source/locales/de/common.meta.json'), '{"share": ');
    expect(() => read()).toThrow(/common\.meta\.json:1:11/u);
  });

  it('reports what a catalog holds besides texts, at its place', () => {
    const { messages } = format.read({ text: CATALOG, path: PATH, name: 'locales/de/common', language: 'de' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['strings/not-text', 8, 12]]);
  });
});
