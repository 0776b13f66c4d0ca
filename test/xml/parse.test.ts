import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { Attributes, detach, parseXml, parseXmlTree, type SafeXmlOptions, type XmlFormat, type XmlStartTag } from '../../pipeline/xml/index.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const FORMAT: XmlFormat = { rulePrefix: 'demo', source: 'demo-import', name: 'DEMO', ruleNames: { 'not-well-formed': 'syntax' }, hints: { doctype: 'Demo hint.' } };
const options = (extra: Partial<SafeXmlOptions> = {}): SafeXmlOptions => ({ file: 'in.xml', format: FORMAT, ...extra });

function refusal(input: Uint8Array | string, extra: Partial<SafeXmlOptions> = {}): InputError {
  try {
    parseXml(input, options(extra), {});
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

function tags(input: Uint8Array | string, extra: Partial<SafeXmlOptions> = {}): XmlStartTag[] {
  const out: XmlStartTag[] = [];
  parseXml(input, options(extra), { open: (tag) => out.push(tag) });
  return out;
}

describe('parseXml', () => {
  it('names an HTML entity that XML does not define, with its place and what to write instead', () => {
    const error = refusal(utf8('<root>\n  <p>8&nbsp;Uhr</p>\n</root>'));
    expect(error.detail).toMatchObject({ ruleId: 'demo/syntax', file: 'in.xml', line: 2 });
    expect(error.detail.reason).toContain('the entity &nbsp;');
    expect(error.detail.hint).toContain('&#160;');
  });

  it('relies on saxes 6 handler field names that saxes itself still uses (pinned: see parse.ts)', () => {
    // parse.ts assigns these fields by name instead of calling on(); a saxes that renamed one would
    // silently drop that handler (a DOCTYPE or encoding check among them), so the pin is checked here.
    const fields = {
      xmldecl: 'xmldeclHandler',
      doctype: 'doctypeHandler',
      opentagstart: 'openTagStartHandler',
      opentag: 'openTagHandler',
      closetag: 'closeTagHandler',
      text: 'textHandler',
      cdata: 'cdataHandler',
      error: 'errorHandler',
    } as const;
    for (const [event, field] of Object.entries(fields)) {
      const parser = new SaxesParser();
      const handler = (): void => undefined;
      parser.on(event as 'text', handler);
      expect((parser as unknown as Record<string, unknown>)[field]).toBe(handler);
    }
    const internals = new SaxesParser() as unknown as { attribList: unknown; processAttribs: unknown };
    expect(Array.isArray(internals.attribList)).toBe(true);
    expect(typeof internals.processAttribs).toBe('function');
  });

  it('reports start tags with the line and column of their <, namespaces resolved, xmlns left out', () => {
    const found = tags('<a xmlns="urn:a" xmlns:b="urn:b">\n  <b:c b:x="1" y="2"/></a>');
    expect(found.map((t) => [t.local, t.uri, t.line, t.column])).toEqual([['a', 'urn:a', 1, 1], ['c', 'urn:b', 2, 3]]);
    expect(found[1]?.attributes.map((a) => [a.local, a.uri, a.value])).toEqual([['x', 'urn:b', '1'], ['y', '', '2']]);
  });

  it('keeps names as written without namespaces (the SRX and TBX readers)', () => {
    const found = tags('<x:a xml:lang="de"/>', { namespaces: false });
    expect(found[0]).toMatchObject({ name: 'x:a', local: 'a', uri: '' });
    expect(found[0]?.attributes).toEqual([{ name: 'xml:lang', local: 'xml:lang', uri: '', value: 'de' }]);
  });

  it('names rules and hints by the format', () => {
    const error = refusal('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "boom">]>\n<a>&x;</a>');
    expect(error.detail).toMatchObject({ ruleId: 'demo/doctype', source: 'demo-import', line: 2, column: 1, hint: 'Demo hint.', file: 'in.xml' });
    expect(refusal('<a><b></a>').detail.ruleId).toBe('demo/syntax');
  });

  it('accepts a DOCTYPE naming only an external DTD when asked, never reading it', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif/>';
    expect(refusal(xml).detail.ruleId).toBe('demo/doctype');
    expect(parseXml(xml, options({ doctype: 'external-only' }), {}).doctype).toBe('martif SYSTEM "TBXcoreStructV02.dtd"');
    expect(parseXml('<!DOCTYPE a PUBLIC "-//x" "a.dtd"><a/>', options({ doctype: 'external-only' }), {}).doctype).toBe('a PUBLIC "-//x" "a.dtd"');
    const subset = refusal('<!DOCTYPE martif SYSTEM "x.dtd" [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<martif>&e;</martif>', { doctype: 'external-only' });
    expect(subset.detail).toMatchObject({ ruleId: 'demo/doctype', line: 1, column: 1 });
    expect(subset.detail.reason).toMatch(/internal subset/u);
  });

  it('refuses nesting deeper than maxDepth, input larger than maxBytes, and empty input', () => {
    expect(refusal('<a><b><c/></b></a>', { maxDepth: 2 }).detail).toMatchObject({ ruleId: 'demo/too-deep', line: 1, column: 7 });
    expect(parseXml('<a><b/></a>', options({ maxDepth: 2 }), {})).toMatchObject({ encoding: 'utf-8' });
    expect(refusal(utf8('<a/>'), { maxBytes: 3 }).detail).toMatchObject({ ruleId: 'demo/too-large', actual: '4' });
    expect(refusal(' \n\t').detail.ruleId).toBe('demo/empty');
    expect(refusal(utf8('\uFEFF')).detail.ruleId).toBe('demo/empty');
    expect(refusal('hello').detail.ruleId).toBe('demo/syntax');
  });

  it('refuses invalid UTF-8 with its byte offset, broken UTF-16, and an encoding nobody knows, naming it', () => {
    const bytes = utf8('<a>\nStra#e</a>');
    bytes[bytes.indexOf('#'.charCodeAt(0))] = 0xdf;
    expect(refusal(bytes).detail).toMatchObject({ ruleId: 'demo/invalid-utf8', line: 2, actual: '0xDF at byte 8' });
    expect(refusal(Uint8Array.of(0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00)).detail.ruleId).toBe('demo/invalid-encoding');
    for (const input of [utf8('<?xml version="1.0" encoding="x-klingon-9"?><a/>'), '<?xml version="1.0" encoding="x-klingon-9"?><a/>']) {
      const error = refusal(input);
      expect(error.detail).toMatchObject({ ruleId: 'demo/encoding', actual: 'x-klingon-9', line: 1 });
      expect(error.detail.reason).toContain('"x-klingon-9"');
    }
    expect(parseXml('<?xml version="1.0" encoding="utf-16"?><a/>', options(), {}).declaredEncoding).toBe('utf-16');
  });

  it('decodes the legacy encodings an XML declaration names (windows-1252, ISO-8859-1, ISO-8859-15, Shift_JIS), in text and attributes', () => {
    const cases: Array<[string, number[], string]> = [
      ['windows-1252', [0x84, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x93, 0x20, 0x80], '„Straße“ €'],
      ['ISO-8859-1', [0x4b, 0xf6, 0x6c, 0x6e], 'Köln'],
      ['iso-8859-15', [0xa4, 0x20, 0xbd], '€ œ'],
      ['Shift_JIS', [0x93, 0xfa, 0x96, 0x7b], '日本'],
    ];
    for (const [label, raw, expected] of cases) {
      const bytes = Uint8Array.from([...utf8(`<?xml version="1.0" encoding="${label}"?>\n<a x="`), ...raw, ...utf8('">'), ...raw, ...utf8('</a>')]);
      let text = '';
      const found: XmlStartTag[] = [];
      const prolog = parseXml(bytes, options(), { open: (t) => found.push(t), text: (t) => (text += t) });
      expect(text).toBe(expected);
      expect(found[0]?.attributes[0]?.value).toBe(expected);
      expect(prolog.declaredEncoding).toBe(label);
      expect(prolog.encoding).toBe(new TextDecoder(label).encoding);
    }
  });

  it('refuses bytes that are not valid in the declared legacy encoding, with their line', () => {
    const bytes = Uint8Array.from([...utf8('<?xml version="1.0" encoding="Shift_JIS"?>\n<a>\n'), 0x81, 0x20, ...utf8('</a>')]);
    expect(refusal(bytes).detail).toMatchObject({ ruleId: 'demo/invalid-encoding', line: 3 });
  });

  it('refuses a file whose byte order mark contradicts its declared encoding', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="windows-1252"?><a>ä</a>')]);
    expect(refusal(bytes).detail).toMatchObject({ ruleId: 'demo/encoding', actual: 'windows-1252' });
  });

  it('checks its options up front', () => {
    expect(() => parseXml('<a/>', options({ maxDepth: 0 }), {})).toThrow(/expected maxDepth to be an integer from 1 to 10000, got 0/u);
    expect(() => parseXml('<a/>', { file: 'f', format: { ...FORMAT, rulePrefix: 'Bad Prefix' } }, {})).toThrow(/expected format.rulePrefix/u);
    expect(() => parseXml('<a/>', options({ doctype: 'allow' as never }), {})).toThrow(/expected doctype/u);
  });

  it('streams a large file in chunks without moving a position or splitting a character', () => {
    // Several chunks of 256 KiB: multi-byte characters, CRLF and surrogate pairs across every boundary.
    const line = 'ä„🎉\r\n'.repeat(20_000);
    const body = `<a>${line}${'<b/>'}${line}${line}<c x="ü"/></a>`;
    const bytes = utf8(body);
    let text = '';
    const found: XmlStartTag[] = [];
    parseXml(bytes, options(), { open: (t) => found.push(t), text: (t) => (text += t) });
    expect(text).toBe(line.replace(/\r\n/gu, '\n').repeat(3));
    expect(found.map((t) => [t.local, t.line, t.column])).toEqual([['a', 1, 1], ['b', 20_001, 1], ['c', 60_001, 1]]);
    const found16: XmlStartTag[] = [];
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    expect(parseXml(utf16, options(), { open: (t) => found16.push(t) }).encoding).toBe('utf-16le');
    expect(found16.map((t) => [t.local, t.line])).toEqual([['a', 1], ['b', 20_001], ['c', 60_001]]);
  });
});

describe('parseXmlTree', () => {
  it('builds a tree whose hooks can drop what they consumed', () => {
    const closed: string[] = [];
    const { root } = parseXmlTree('<r><u id="1">a<x/>b</u><u id="2"/><v/></r>', options(), {
      close: (node) => {
        closed.push(node.local);
        return node.local === 'u';
      },
    });
    expect(closed).toEqual(['x', 'u', 'u', 'v']);
    expect(root.children.map((c) => (c.type === 'element' ? c.local : c.text))).toEqual(['v']);
  });
});

describe('Attributes', () => {
  it('is a read-only map in document order', () => {
    const attrs = new Attributes(['id', '1', 'state', 'final']);
    expect(attrs.get('state')).toBe('final');
    expect(attrs.has('x')).toBe(false);
    expect(attrs.size).toBe(2);
    expect([...attrs]).toEqual([['id', '1'], ['state', 'final']]);
    expect(new Map(attrs.concat(new Attributes(['{u}x', 'y'])))).toEqual(new Map([['id', '1'], ['state', 'final'], ['{u}x', 'y']]));
    expect(Attributes.EMPTY.concat(attrs)).toBe(attrs);
  });
});

describe('detach', () => {
  it('copies a string without changing it', () => {
    const long = 'Kim sprach von „brüderlicher Pflicht“ 🎉'.repeat(3);
    expect(detach(long.slice(5, 60))).toBe(long.slice(5, 60));
    expect(detach('kurz')).toBe('kurz');
  });
});
