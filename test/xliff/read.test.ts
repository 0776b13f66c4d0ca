import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { entriesOf, exportXliff, matchTranslations, readXliff } from '../../pipeline/xliff/index.js';
import { fixtureDocument } from '../helpers/document.js';
import { codeSignature } from '../../pipeline/xliff/inline.js';

const FIXTURES = path.resolve('test/fixtures/xliff');
const fixture = (name: string): Uint8Array => readFileSync(path.join(FIXTURES, name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Reads and returns the InputError a file raises (fails the test when none). */
function refusal(bytes: Uint8Array, options = {}): InputError {
  try {
    readXliff(bytes, 'translations/en/treffen.xlf', options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const minimal12 = (body: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"${extra}><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>${body}</body></file></xliff>\n`;

describe('readXliff: what CAT tools write (1.2)', () => {
  it('reads a Trados-style file: BOM, CRLF, tabs, sdl namespace, seg-source and mrk-wrapped targets', () => {
    const parsed = readXliff(fixture('trados-style-12.xlf'), 'trados.xlf');
    expect(parsed.version).toBe('1.2');
    expect(parsed.sourceLanguage).toBe('de-DE');
    expect(parsed.targetLanguage).toBe('en-US');
    expect(parsed.units.map((u) => u.id)).toEqual(['s8fd3fc851991', 'sb405474f94a2', 's51bad67ede2b']);
    const [title, first, second] = parsed.units;
    expect(title?.target?.text).toBe('Putin meets Kim in Beijing');
    expect(title?.state).toBe('translated');
    expect(title?.segments.map((s) => [s.id, s.source.text, s.target?.text])).toEqual([['1', 'Putin trifft Kim in Peking', 'Putin meets Kim in Beijing']]);
    expect(title?.extensions).toEqual(['{http://sdl.com/FileTypes/SdlXliff/1.0}seg-defs']);
    expect(title?.attributes.get('{http://sdl.com/FileTypes/SdlXliff/1.0}locked')).toBe('false');
    expect(first?.target?.text).toBe('The meeting took place in Beijing.');
    expect(first?.state).toBe('reviewed');
    expect(first?.rawState).toBe('signed-off');
    expect(first?.target?.marks.map((m) => m.type)).toEqual(['x-sdl-comment', 'seg']);
    expect(first?.notes.map((n) => [n.from, n.text])).toEqual([['reviewer', 'Checked against the agency wire.']]);
    expect(second?.needsReview).toBe(true);
    expect(second?.state).toBe('translated');
    // The source text is the text between the tags, with no CR from the CRLF file.
    expect(first?.source.text).toBe('Das Treffen fand in Peking statt.');
    expect(first?.source.marks).toEqual([{ type: 'term', id: undefined, start: 20, end: 26 }]);
  });

  it('reads a memoQ-style file: prefixed namespace, foreign attributes, approved, comments, PI, CDATA, x- state', () => {
    const parsed = readXliff(fixture('memoq-style-12.xlf'), 'memoq.xlf');
    const [title, first, second] = parsed.units;
    expect(title?.target?.text).toBe('Putin meets Kim in Beijing');
    expect(title?.approved).toBe(true);
    expect(title?.state).toBe('reviewed');
    expect(title?.attributes.get('{MQXliff}status')).toBe('ManuallyConfirmed');
    expect(title?.type).toBe('x-title');
    expect(first?.rawState).toBe('x-mq-partial');
    expect(first?.needsReview).toBe(true);
    expect(parsed.messages.map((m) => m.ruleId)).toEqual(['xliff/unknown-state']);
    expect(second?.target?.text).toBe('');
    expect(second?.state).toBe('initial');
  });

  it('keeps every segment of a unit the tool split in two', () => {
    const unit = readXliff(fixture('multiseg-12.xlf'), 'm.xlf').units[0];
    expect(unit?.segments.map((s) => [s.id, s.source.text, s.target?.text])).toEqual([
      ['0', 'Kim sprach von ', 'Kim spoke of '],
      ['1', '„brüderlicher Pflicht“.', 'a “brotherly duty”.'],
    ]);
    expect(unit?.target?.text).toBe('Kim spoke of a “brotherly duty”.');
  });

  it('keeps text inside g and mrk, records codes, and never counts ph/bpt/ept/it content as text', () => {
    const target = readXliff(fixture('inline-12.xlf'), 'i.xlf').units[0]?.target;
    expect(target?.text).toBe('Putin meets Kim in Beijing!');
    expect(codeSignature(target!)).toEqual(['g#1', 'x#2', 'bx#3', 'ex#4', 'ph#5', 'bpt#6', 'ept#7', 'it#8']);
    expect(target?.codes.find((c) => c.element === 'ph')?.data).toBe('<br/>');
    expect(target?.codes.find((c) => c.element === 'g')).toMatchObject({ start: 0, end: 5 });
    expect(target?.marks).toEqual([{ type: 'term', id: undefined, start: 26, end: 27 }]);
  });

  it('reads UTF-16 with a BOM', () => {
    const parsed = readXliff(fixture('utf16-bom-12.xlf'), 'u.xlf');
    expect(parsed.units[0]?.target?.text).toBe('Kim spoke of a “brotherly duty”.');
    expect(parsed.units[0]?.state).toBe('final');
  });

  it('reads every 1.2 state value', () => {
    const states = ['new', 'needs-translation', 'needs-adaptation', 'needs-l10n', 'needs-review-adaptation', 'needs-review-l10n', 'needs-review-translation', 'translated', 'signed-off', 'final'];
    const body = states.map((s, i) => `<trans-unit id="u${i}"><source>a</source><target state="${s}">b</target></trans-unit>`).join('');
    const parsed = readXliff(utf8(minimal12(body)), 'f.xlf');
    expect(parsed.messages).toEqual([]);
    expect(parsed.units.map((u) => `${u.state}${u.needsReview ? '+review' : ''}`)).toEqual([
      'initial', 'initial', 'translated+review', 'translated+review', 'translated+review', 'translated+review', 'translated+review', 'translated', 'reviewed', 'final',
    ]);
  });

  it('reads several <file> elements and keeps their languages and originals', () => {
    const file = (o: string, l: string): string => `<file original="${o}" source-language="de" target-language="${l}" datatype="plaintext"><body><trans-unit id="a"><source>x</source></trans-unit></body></file>`;
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${file('one.txt', 'en')}${file('two.txt', 'fr')}</xliff>`;
    const parsed = readXliff(utf8(xml), 'f.xlf');
    expect(parsed.files.map((f) => [f.original, f.targetLanguage])).toEqual([['one.txt', 'en'], ['two.txt', 'fr']]);
    expect(parsed.units.map((u) => [u.id, u.fileIndex])).toEqual([['a', 0], ['a', 1]]);
  });

  it('handles ids like __proto__ and constructor as data', () => {
    const parsed = readXliff(fixture('proto-ids-12.xlf'), 'p.xlf');
    expect(parsed.units.map((u) => u.id)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(parsed.units[0]?.groups).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads alt-trans candidates with their match quality', () => {
    const body = '<trans-unit id="a"><source>x</source><alt-trans match-quality="87%" origin="tm"><source>y</source><target>z</target></alt-trans></trans-unit>';
    const unit = readXliff(utf8(minimal12(body)), 'f.xlf').units[0];
    expect(unit?.candidates).toMatchObject([{ source: 'y', quality: 87, origin: 'tm' }]);
    expect(unit?.candidates[0]?.target.text).toBe('z');
  });

  it('accepts a namespace-less 1.2 file with a warning', () => {
    const parsed = readXliff(utf8('<xliff version="1.2"><file original="a" source-language="de" datatype="plaintext"><body><trans-unit id="a"><source>x</source></trans-unit></body></file></xliff>'), 'f.xlf');
    expect(parsed.units).toHaveLength(1);
    expect(parsed.messages.map((m) => m.ruleId)).toEqual(['xliff/no-namespace']);
  });
});

describe('readXliff: XLIFF 2.x', () => {
  it('reads a 2.1 file with a prefixed core namespace, inline codes, every state and subState', () => {
    const parsed = readXliff(fixture('tool-21.xlf'), 'tool.xlf');
    expect(parsed.version).toBe('2.1');
    expect([parsed.sourceLanguage, parsed.targetLanguage]).toEqual(['de', 'en']);
    const [title, para] = parsed.units;
    const seg = title?.segments[0];
    expect(seg?.state).toBe('final');
    expect(seg?.target?.text).toBe('Putin meets Kim in Beijing\u0007');
    expect(codeSignature(seg!.target!)).toEqual(['pc#1', 'ph#2']);
    expect(seg?.target?.marks).toEqual([{ type: 'term', id: 'm1', start: 19, end: 26 }]);
    expect(title?.notes).toMatchObject([{ from: 'translator', annotates: 'target', text: 'Headline style: sentence case.' }]);
    expect(title?.attributes.get('{urn:example:tool}flag')).toBe('1');
    expect(para?.segments.map((s) => [s.id, s.state, s.needsReview])).toEqual([
      ['sb405474f94a2', 'reviewed', false],
      ['s51bad67ede2b', 'translated', true],
    ]);
    expect(codeSignature(para!.segments[0]!.target!)).toEqual(['sc#3', 'ec#3']);
    expect(para?.ignorables).toHaveLength(1);
    expect(para?.source.text).toBe('Das Treffen fand in Peking statt. Kim sprach von „brüderlicher Pflicht“.');
    expect(para?.state).toBe('translated');
  });

  it('reads 2.0 and 2.2 files', () => {
    for (const [v, ns] of [['2.0', 'urn:oasis:names:tc:xliff:document:2.0'], ['2.2', 'urn:oasis:names:tc:xliff:document:2.2']]) {
      const xml = `<xliff xmlns="${ns}" version="${v}" srcLang="de" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>`;
      expect(readXliff(utf8(xml), 'f.xlf').units[0]?.segments[0]?.target?.text).toBe('b');
    }
  });

  it('refuses duplicate unit ids and duplicate segment ids in a unit', () => {
    const seg = '<segment id="s"><source>a</source></segment>';
    const twoUnits = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de"><file id="f"><unit id="u">${seg}</unit><unit id="u">${seg}</unit></file></xliff>`;
    expect(refusal(utf8(twoUnits)).detail.ruleId).toBe('xliff/duplicate-id');
    const twoSegs = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de"><file id="f"><unit id="u">${seg}${seg}</unit></file></xliff>`;
    expect(refusal(utf8(twoSegs)).detail.ruleId).toBe('xliff/duplicate-id');
  });
});

describe('readXliff: what it refuses', () => {
  it.each([
    ['hostile-doctype-xxe.xlf', 'xliff/doctype', 2],
    ['hostile-billion-laughs.xlf', 'xliff/doctype', 2],
    ['hostile-truncated.xlf', 'xliff/not-well-formed', undefined],
    ['hostile-version-3.xlf', 'xliff/unsupported-version', 2],
    ['hostile-version-mismatch.xlf', 'xliff/version-mismatch', 2],
    ['hostile-duplicate-ids.xlf', 'xliff/duplicate-id', 6],
  ])('refuses %s with %s, a place and a hint', (name, ruleId, line) => {
    const error = refusal(fixture(name));
    expect(error.detail.ruleId).toBe(ruleId);
    expect(error.detail.file).toBe('translations/en/treffen.xlf');
    expect(error.detail.hint).toMatch(/\w/u);
    expect(error.detail.fatal).toBe(true);
    if (line !== undefined) expect(error.detail.line).toBe(line);
    else expect(error.detail.line).toBeGreaterThan(1);
    expect(error.message).toContain('translations/en/treffen.xlf:');
  });

  it('reports invalid UTF-8 with its byte offset', () => {
    const bytes = utf8(minimal12('<trans-unit id="a"><source>Stra#e</source></trans-unit>'));
    const at = bytes.indexOf('#'.charCodeAt(0));
    bytes[at] = 0xdf;
    const error = refusal(bytes);
    expect(error.detail.ruleId).toBe('xliff/invalid-utf8');
    expect(error.detail.reason).toContain(`byte offset ${at}`);
    expect(error.detail.line).toBe(2);
  });

  it('reads a file in the Latin-1 its declaration names, and refuses an encoding it does not know by its name', () => {
    const parsed = readXliff(fixture('hostile-latin1.xlf'), 'translations/en/treffen.xlf');
    expect(parsed.units.map((u) => u.source.text)).toContain('Straße');
    const xml = minimal12('<trans-unit id="a"><source>x</source></trans-unit>').replace('UTF-8', 'x-mac-unknown');
    const error = refusal(utf8(xml));
    expect(error.detail).toMatchObject({ ruleId: 'xliff/encoding', actual: 'x-mac-unknown' });
    expect(error.detail.reason).toContain('"x-mac-unknown"');
  });

  it('says where a Windows-1252 file that declares no encoding breaks UTF-8, and how to declare it', () => {
    const bytes = utf8(minimal12('<trans-unit id="a"><source>Stra#e</source></trans-unit>').replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>'));
    bytes[bytes.indexOf('#'.charCodeAt(0))] = 0xdf;
    const error = refusal(bytes);
    expect(error.detail.ruleId).toBe('xliff/invalid-utf8');
    expect(error.detail.hint).toContain('encoding="windows-1252"');
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '<g id="1">'.repeat(300) + 'x' + '</g>'.repeat(300);
    const error = refusal(utf8(minimal12(`<trans-unit id="a"><source>${deep}</source></trans-unit>`)));
    expect(error.detail.ruleId).toBe('xliff/too-deep');
    expect(readXliff(utf8(minimal12(`<trans-unit id="a"><source>${deep}</source></trans-unit>`)), 'f', { maxDepth: 400 }).units[0]?.source.text).toBe('x');
  });

  it('refuses a file above the size limit', () => {
    const error = refusal(utf8(minimal12('')), { maxBytes: 50 });
    expect(error.detail.ruleId).toBe('xliff/too-large');
  });

  it('checks its options', () => {
    expect(() => readXliff(utf8(''), 'f', { maxDepth: 0 })).toThrow(/expected maxDepth to be an integer from 1 to 10000, got 0/u);
  });

  it.each([
    ['not XML at all', 'hello', 'xliff/not-well-formed'],
    ['an empty file', '', 'xliff/empty'],
    ['another root element', '<html/>', 'xliff/not-xliff'],
    ['no version', '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"/>', 'xliff/no-version'],
    ['no file element', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>', 'xliff/no-file'],
    ['an undefined entity', minimal12('<trans-unit id="a"><source>&nbsp;</source></trans-unit>'), 'xliff/not-well-formed'],
    ['a unit without source', minimal12('<trans-unit id="a"><target>x</target></trans-unit>'), 'xliff/no-source'],
    ['a unit without id', minimal12('<trans-unit><source>x</source></trans-unit>'), 'xliff/no-id'],
    ['an unbound prefix', minimal12('<trans-unit id="a"><source><q:x/></source></trans-unit>'), 'xliff/not-well-formed'],
  ])('refuses %s', (_what, xml, ruleId) => {
    expect(refusal(utf8(xml)).detail.ruleId).toBe(ruleId);
  });
});

describe('readXliff on mutated files (property)', () => {
  const base = fixture('trados-style-12.xlf');
  const tokens = ['<', '>', '&', '"', '</target>', '<target>', '<!DOCTYPE x>', '&amp;', '&#0;', ']]>', '<![CDATA[', '\u0000', '\uFFFF', 'é', '<mrk mtype="seg">', 'xmlns:a="b"'];
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('cut' as const), at: fc.nat(base.length) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(base.length), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(base.length), text: fc.constantFrom(...tokens) }),
    fc.record({ op: fc.constant('byte' as const), at: fc.nat(base.length - 1), value: fc.integer({ min: 0, max: 255 }) }),
  );

  it('either reads the file or throws an InputError; never anything else', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let bytes = Uint8Array.from(base);
        for (const m of mutations) {
          const at = Math.min(m.at, bytes.length);
          if (m.op === 'cut') bytes = bytes.slice(0, at);
          else if (m.op === 'delete') bytes = Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + m.length)]);
          else if (m.op === 'insert') bytes = Uint8Array.from([...bytes.slice(0, at), ...new TextEncoder().encode(m.text), ...bytes.slice(at)]);
          else if (at < bytes.length) bytes[at] = m.value;
        }
        try {
          const parsed = readXliff(bytes, 'mutated.xlf');
          // What it reads is usable downstream.
          matchTranslations(fixtureDocument(), parsed, { sourceLanguage: 'de', targetLanguage: 'en' });
          exportXliff(fixtureDocument(), parsed, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' });
          exportXliff(fixtureDocument(), parsed, undefined, { version: '2.1', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const detail = (e as InputError).detail;
          expect(detail.ruleId).toMatch(/^xliff\//u);
          expect(detail.hint).toMatch(/\w/u);
          expect(detail.file).toBe('mutated.xlf');
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('readXliff: 2.x order on targets', () => {
  const unit = (order1: string, order2: string, ignorableOrder = ''): string =>
    `<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f1" original="source/treffen.txt">` +
    '<unit id="u1"><segment id="s1" state="translated"><source>Erster Satz.</source>' +
    `<target${order1}>Second sentence first.</target></segment>` +
    `<ignorable><source> </source><target${ignorableOrder}> </target></ignorable>` +
    '<segment id="s2" state="final"><source>Zweiter Satz.</source>' +
    `<target${order2}>The first sentence comes second.</target></segment></unit></file></xliff>`;

  it('joins the unit\'s target in the order its targets give, and gives each sentence the translation placed at its position', () => {
    const parsed = readXliff(utf8(unit(' order="3"', ' order="1"')), 'f.xlf');
    expect(parsed.units[0]?.target?.text).toBe('The first sentence comes second. Second sentence first.');
    expect(entriesOf(parsed).map((e) => [e.id, e.target?.text, e.state])).toEqual([
      ['s1', 'The first sentence comes second.', 'final'],
      ['s2', 'Second sentence first.', 'translated'],
    ]);
    expect(parsed.messages.map((m) => [m.ruleId, m.severity, m.unit])).toEqual([['xliff/target-order', 'info', 'u1']]);
  });

  it('keeps the source order when there is no order, and reads an order that is no permutation in source order, with a warning', () => {
    const plain = readXliff(utf8(unit('', '')), 'f.xlf');
    expect(plain.units[0]?.target?.text).toBe('Second sentence first. The first sentence comes second.');
    expect(plain.messages).toEqual([]);
    const broken = readXliff(utf8(unit(' order="3"', ' order="3"')), 'f.xlf');
    expect(broken.units[0]?.target?.text).toBe('Second sentence first. The first sentence comes second.');
    expect(entriesOf(broken).map((e) => e.target?.text)).toEqual(['Second sentence first.', 'The first sentence comes second.']);
    expect(broken.messages.map((m) => [m.ruleId, m.severity])).toEqual([['xliff/target-order', 'warning']]);
  });
});

describe('readXliff: onUnit', () => {
  const file = (units: string): Uint8Array =>
    utf8(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>${units}</body></file></xliff>`);

  it('hands every unit over in document order and keeps none', () => {
    const seen: string[] = [];
    const parsed = readXliff(file('<trans-unit id="a"><source>A</source></trans-unit><group id="g"><trans-unit id="b"><source>B</source></trans-unit></group>'), 'f.xlf', {
      onUnit: (unit) => seen.push(`${unit.id}:${unit.source.text}:${unit.groups.join('/')}`),
    });
    expect(seen).toEqual(['a:A:', 'b:B:g']);
    expect(parsed.units).toEqual([]);
    expect(parsed.files).toHaveLength(1);
  });

  it('still refuses a duplicate id, with the line of the first', () => {
    let error: unknown;
    try {
      readXliff(file('<trans-unit id="a"><source>A</source></trans-unit>\n<trans-unit id="a"><source>B</source></trans-unit>'), 'f.xlf', { onUnit: () => undefined });
    } catch (caught) {
      error = caught;
    }
    expect((error as InputError).detail).toMatchObject({ ruleId: 'xliff/duplicate-id', line: 2, reason: 'duplicate trans-unit id "a" (first at line 1)' });
  });
});
