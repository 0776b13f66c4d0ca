import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEntries } from '../../pipeline/memory/merge.js';
import { entriesFromTmx } from '../../pipeline/memory/store.js';
import { readTmx } from '../../pipeline/memory/tmx-read.js';
import { writeTmx } from '../../pipeline/memory/tmx-write.js';
import type { Memory } from '../../pipeline/memory/types.js';
import { InputError } from '../../pipeline/model.js';

const fixture = (name: string): Uint8Array => readFileSync(path.resolve('test/fixtures/memory', name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): InputError {
  try {
    readTmx(bytes, 'in.tmx');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readTmx', () => {
  it('reads a Trados-style TMX: upper-case languages, header and unit props, notes, bpt/ept and ph codes', () => {
    const parsed = readTmx(fixture('trados-style.tmx'), 'trados.tmx');
    expect(parsed.sourceLanguage).toBe('DE-DE');
    expect(parsed.tool).toBe('SDL Language Platform');
    expect(parsed.units).toHaveLength(2);
    expect(parsed.units[0]?.variants).toEqual([
      { language: 'DE-DE', text: 'Das Treffen fand in Peking statt.' },
      { language: 'EN-US', text: 'The meeting took place in Beijing.' },
    ]);
    expect(parsed.units[0]?.props.get('x-Domain:SinglePicklist')).toBe('Politik');
    expect(parsed.units[1]?.variants[1]?.text).toBe('Kim a parlé d’un « devoir fraternel ».');
    expect(entriesFromTmx(parsed, 'de', 'en', 'Trados')).toEqual([
      { source: 'Das Treffen fand in Peking statt.', target: 'The meeting took place in Beijing.', origin: 'Trados', state: 'imported' },
    ]);
    expect(entriesFromTmx(parsed, 'de', 'fr', 'Trados')).toHaveLength(1);
  });

  it('reads a memoQ-style TMX: `lang` instead of `xml:lang`, props inside tuv, hi as text, it as code, three languages', () => {
    const parsed = readTmx(fixture('memoq-style.tmx'), 'memoq.tmx');
    expect(parsed.units[0]?.variants.map((v) => [v.language, v.text])).toEqual([
      ['DE', 'Putin trifft Kim in Peking'],
      ['EN', 'Putin meets Kim in Beijing'],
      ['ES', 'Putin se reúne con Kim en Pekín'],
    ]);
    expect(entriesFromTmx(parsed, 'de', 'es', 'MemoQ')[0]?.target).toBe('Putin se reúne con Kim en Pekín');
    expect(entriesFromTmx(parsed, 'de', 'fr', 'MemoQ')).toEqual([]);
  });

  it('matches regions: the exact tag first, a related one (en for en-GB) else, never a sibling region', () => {
    const tu = (...variants: Array<[string, string]>): string =>
      `<tu>${variants.map(([lang, text]) => `<tuv xml:lang="${lang}"><seg>${text}</seg></tuv>`).join('')}</tu>`;
    const parsed = readTmx(
      utf8(`<tmx version="1.4"><header srclang="de-DE"/><body>${tu(['de-DE', 'Farbe'], ['en-US', 'color'], ['en-GB', 'colour'])}${tu(['de', 'Zentrum'], ['en-US', 'center'])}${tu(['de', 'Haus'], ['en', 'house'])}</body></tmx>`),
      'm.tmx',
    );
    const targets = (language: string): string[] => entriesFromTmx(parsed, 'de', language, 'x').map((e) => e.target);
    expect(targets('en-GB')).toEqual(['colour', 'house']);
    expect(targets('EN_us')).toEqual(['color', 'center', 'house']);
    expect(targets('en')).toEqual(['color', 'colour', 'center', 'house']);
  });

  it('reads the units directly in <body> and passes over anything else there, unread', () => {
    const tu = (text: string): string => `<tu><tuv xml:lang="de"><seg>${text}</seg></tuv><tuv xml:lang="en"><seg>${text}</seg></tuv></tu>`;
    const parsed = readTmx(utf8(`<tmx version="1.4"><header srclang="de"><prop type="p">v</prop></header><body><x-wrap>${tu('innen')}</x-wrap>${tu('eins')}<x-note/>${tu('zwei')}</body><x-tail/></tmx>`), 'm.tmx');
    expect(parsed.units.map((u) => u.variants[0]?.text)).toEqual(['eins', 'zwei']);
    expect(parsed.sourceLanguage).toBe('de');
  });

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "file:///etc/passwd">\n<tmx version="1.4"><header srclang="de"/><body/></tmx>', 'tmx/doctype'],
    ['a truncated file', '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hal', 'tmx/not-well-formed'],
    ['another root', '<xliff version="1.2"/>', 'tmx/not-tmx'],
    ['no header', '<tmx version="1.4"><body/></tmx>', 'tmx/no-header'],
    ['an encoding nobody knows', '<?xml version="1.0" encoding="x-unknown-7"?>\n<tmx version="1.4"><header srclang="de"/><body/></tmx>', 'tmx/encoding'],
    ['deep nesting', `<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>${'<hi>'.repeat(100)}x${'</hi>'.repeat(100)}</seg></tuv></tu></body></tmx>`, 'tmx/too-deep'],
  ])('refuses %s with a tmx/ rule, a place and a hint', (_what, xml, ruleId) => {
    const error = refusal(utf8(xml));
    expect(error.detail.ruleId).toBe(ruleId);
    expect(error.detail.file).toBe('in.tmx');
    expect(error.detail.hint).toMatch(/\w/u);
    expect(error.detail.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses invalid UTF-8 (fatal decoding) and a file over the size limit', () => {
    const bytes = utf8('<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Stra#e</seg></tuv></tu></body></tmx>');
    bytes[bytes.indexOf('#'.charCodeAt(0))] = 0xdf;
    expect(refusal(bytes).detail.ruleId).toBe('tmx/invalid-utf8');
    expect(() => readTmx(utf8('<tmx/>'), 'in.tmx', { maxBytes: 3 })).toThrow(InputError);
    expect(() => readTmx(utf8('<tmx/>'), 'in.tmx', { maxDepth: 0 })).toThrow(/expected maxDepth/u);
  });
});

describe('writeTmx', () => {
  const memory: Memory = {
    sourceLanguage: 'de',
    targetLanguage: 'en',
    entries: [{ source: 'Zwei & <drei>', target: 'Two & <three>', origin: 'project', state: 'reviewed' }],
  };

  it('writes TMX 1.4b with the required header attributes, deterministically, and reads back', () => {
    const tmx = writeTmx(memory);
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toMatch(/<header creationtool="[^"]+" creationtoolversion="[^"]+" segtype="sentence" o-tmf="[^"]+" adminlang="en" srclang="de" datatype="plaintext"\/>/u);
    expect(tmx).toContain('<seg>Zwei &amp; &lt;drei&gt;</seg>');
    expect(tmx).not.toMatch(/date=/u);
    expect(writeTmx(memory)).toBe(tmx);
    const back = entriesFromTmx(readTmx(utf8(tmx), 'm.tmx'), 'de', 'en', 'x');
    expect(back).toEqual(memory.entries);
  });

  it('round-trips a regional memory exactly: whitespace, CR, ]]>, duplicate sources with different targets', () => {
    const regional: Memory = {
      sourceLanguage: 'de',
      targetLanguage: 'en-GB',
      entries: [
        { source: ' Zwei  Leerzeichen\tund\nZeilen ', target: ' Two  spaces\tand\r\nlines ', origin: 'project', state: 'final' },
        { source: 'Farbe', target: 'colour', origin: 'project', state: 'reviewed' },
        { source: 'Farbe', target: 'hue', origin: 'Trados', state: 'imported' },
        { source: 'a ]]> b', target: 'a ]]> b', origin: 'project', state: 'translated' },
      ],
    };
    const tmx = writeTmx(regional);
    expect(tmx).toContain('<tuv xml:lang="en-GB">');
    expect(tmx).not.toContain(']]>');
    expect(entriesFromTmx(readTmx(utf8(tmx), 'm.tmx'), 'de', 'en-GB', 'x')).toEqual(regional.entries);
  });

  it('keeps entries unique and sorted, a project entry winning over an imported one', () => {
    const imported = { source: 'A', target: 'a', origin: 'MemoQ', state: 'imported' };
    const own = { source: 'A', target: 'a', origin: 'project', state: 'final' };
    const { memory: merged, added } = addEntries({ ...memory, entries: [] }, [{ source: 'B', target: 'b', origin: 'x', state: 'imported' }, imported, own, imported]);
    expect(added).toBe(2);
    expect(merged.entries).toEqual([own, { source: 'B', target: 'b', origin: 'x', state: 'imported' }]);
  });
});
