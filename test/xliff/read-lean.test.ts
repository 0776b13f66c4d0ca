import { describe, expect, it } from 'vitest';
import { readXliff } from '../../pipeline/xliff/index.js';
import { targetNodes } from '../../pipeline/xliff/render.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const file12 = (body: string): Uint8Array =>
  utf8(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>${body}</body></file></xliff>`);

describe('readXliff keeps what consumers read, and no more', () => {
  it('keeps the inline tree of targets with markup only; sources and plain targets are text, codes and markers', () => {
    const parsed = readXliff(file12(
      '<group id="outer"><group id="inner">'
      + '<trans-unit id="a"><source>Kim in <g id="1">Peking</g></source><target state="translated">Kim in <g id="1">Beijing</g> <x id="2"/></target>'
      + '<alt-trans match-quality="80"><target>Kim <g id="1">there</g></target></alt-trans></trans-unit>'
      + '<trans-unit id="b"><source>Zwei</source><target state="translated">Two</target></trans-unit>'
      + '</group></group><trans-unit id="c"><source>Drei</source></trans-unit>',
    ), 'f.xlf');
    const [a, b, c] = parsed.units;
    expect(a?.source.nodes).toBeUndefined();
    expect(a?.source.codes).toEqual([{ element: 'g', id: '1', start: 7, end: 13, data: '' }]);
    expect(a?.target?.nodes?.map((n) => (n.type === 'text' ? n.text : n.local))).toEqual(['Kim in ', 'g', ' ', 'x']);
    expect(a?.candidates[0]?.target.nodes).toHaveLength(2);
    expect(b?.target).toEqual({ text: 'Two', codes: [], marks: [] });
    // Groups are dropped once read; their ids stay with their units.
    expect(parsed.units.map((u) => u.groups)).toEqual([['outer', 'inner'], ['outer', 'inner'], []]);
    expect(c?.groups).toEqual([]);
    // A writer renders a plain target as its text and a kept tree as markup.
    const plain = targetNodes({ content: b?.target, family: '1.2', text: 'Two' }, '1.2');
    expect(plain).toEqual(['Two']);
    expect(targetNodes({ content: a?.target, family: '1.2', text: '' }, '1.2')).toHaveLength(4);
  });

  it('reads the same units from a file whose markup crosses the parser\'s chunk boundaries', () => {
    const unit = (i: number): string => `<trans-unit id="u${i}"><source>Grüße „${i}“ <ph id="1">&lt;b/&gt;</ph></source><target state="final">Greetings “${i}” <ph id="1">&lt;b/&gt;</ph></target></trans-unit>\r\n`;
    const body = Array.from({ length: 6000 }, (_, i) => unit(i)).join('');
    const parsed = readXliff(file12(body), 'f.xlf');
    expect(parsed.units).toHaveLength(6000);
    expect(parsed.units[4321]?.target?.text).toBe('Greetings “4321” ');
    expect(parsed.units[4321]?.target?.codes).toEqual([{ element: 'ph', id: '1', start: 17, end: 17, data: '<b/>' }]);
    expect(parsed.units[5999]?.line).toBe(6000);
  });
});
