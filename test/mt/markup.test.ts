import { describe, expect, it } from 'vitest';
import { checkSourceCodes, compareCodes, parseMarkup, toMarkup } from '../../pipeline/mt/markup.js';
import type { MtText } from '../../pipeline/mt/types.js';
import { seg } from './helpers.js';

const roundTrip = (content: MtText): MtText => {
  const reading = parseMarkup(toMarkup(content));
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  return reading.value;
};

describe('codes as tags', () => {
  it('writes a nesting pair as <g> and a standalone code as <x/>', () => {
    expect(toMarkup(seg('a', 'Der <1>Kreml</1> sagte<2/>.'))).toBe('Der <g id="1">Kreml</g> sagte<x id="2"/>.');
  });

  it('writes overlapping pairs and lone codes as <bx/> and <ex/>, which XML can hold', () => {
    expect(toMarkup(seg('a', '<1>a <2>b</1> c</2>'))).toBe('<bx id="1"/>a <g id="2">b<ex id="1"/> c</g>');
    expect(toMarkup(seg('a', 'Ende</7> und <8>Anfang'))).toBe('Ende<ex id="7"/> und <bx id="8"/>Anfang');
  });

  it('escapes text so that "<", ">" and "&" stay text', () => {
    const content = seg('a', 'A & B <1>sind</1> < als C > D');
    expect(toMarkup(content)).toBe('A &amp; B <g id="1">sind</g> &lt; als C &gt; D');
    expect(roundTrip(content)).toEqual({ text: content.text, codes: content.codes });
  });

  it('gives back text and codes in place for every shape of code', () => {
    for (const marked of ['<1>Kreml</1>', 'a <1>b <2>c</2> d</1> e<3/>', '<1>a <2>b</1> c</2>', 'x</4> y <5>z', '<6/><7/>Text']) {
      const content = seg('a', marked);
      expect(roundTrip(content)).toEqual({ text: content.text, codes: content.codes });
    }
  });

  it('reads an empty element as an HTML serialiser writes it, and entities an engine adds', () => {
    const reading = parseMarkup('Da<x id="2"></x> &quot;war&quot;&nbsp;es &#228;hnlich&#x21;');
    expect(reading).toEqual({ ok: true, value: { text: 'Da "war"\u00A0es ähnlich!', codes: [{ id: '2', kind: 'standalone', at: 2 }] } });
  });

  it('refuses markup the source does not have and tags that do not close', () => {
    expect(parseMarkup('The <b>Kremlin</b> said')).toMatchObject({ ok: false });
    expect(parseMarkup('The <g id="1">Kremlin said')).toEqual({ ok: false, problems: ['the code 1 is opened and never closed'] });
    expect(parseMarkup('The Kremlin</g> said')).toEqual({ ok: false, problems: ['the answer closes a code it never opened'] });
    expect(parseMarkup('The <x/> said')).toMatchObject({ ok: false });
  });

  it('takes a "<" that starts no tag as text', () => {
    expect(parseMarkup('a < b')).toEqual({ ok: true, value: { text: 'a < b', codes: [] } });
  });
});

describe('comparing codes', () => {
  const source = seg('a', 'Der <1>Kreml</1> sagte<2/>.').codes;
  const read = (markup: string) => {
    const r = parseMarkup(markup);
    if (!r.ok) throw new Error('unreadable');
    return r.value.codes;
  };

  it('accepts the same codes, also when word order moves them', () => {
    expect(compareCodes(source, read('The <g id="1">Kremlin</g> said<x id="2"/>.'))).toEqual([]);
    expect(compareCodes(source, read('<x id="2"/>Said the <g id="1">Kremlin</g>.'))).toEqual([]);
  });

  it('reports a missing, an added and a repeated code', () => {
    expect(compareCodes(source, read('The Kremlin said<x id="2"/>.'))).toEqual(['inline code(s) missing from the answer: open 1, close 1']);
    expect(compareCodes(source, read('The <g id="1">Kremlin</g> said<x id="2"/><x id="9"/>.'))).toEqual(['inline code(s) in the answer that the source does not have (or has once): standalone 9']);
    expect(compareCodes(source, read('The <g id="1">Kremlin</g> said<x id="2"/><x id="2"/>.'))).toHaveLength(1);
  });

  it('reports a closing code before its opening one', () => {
    expect(compareCodes(seg('a', '<1>a</1>').codes, read('<ex id="1"/>a<bx id="1"/>'))).toEqual(['the closing code 1 comes before its opening code']);
  });

  it('finds a caller\'s own mistakes in a segment\'s codes', () => {
    expect(checkSourceCodes({ text: 'abc', codes: [{ id: '1', kind: 'standalone', at: 4 }] })).toEqual(['code 1 is at 4, outside the text (0–3)']);
    expect(checkSourceCodes({ text: 'abc', codes: [{ id: '1', kind: 'standalone', at: 1 }, { id: '1', kind: 'standalone', at: 2 }] })).toEqual(['the standalone 1 code occurs twice']);
    expect(checkSourceCodes(seg('a', 'Der <1>Kreml</1>'))).toEqual([]);
  });
});
