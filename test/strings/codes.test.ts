import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignCodeIds, compareCodes, fromRuns, nestingReference, parseCodes, renderCodedText, toRuns } from '../../pipeline/strings/codes.js';
import { STRINGS_DEFAULTS } from '../../pipeline/strings/options.js';

const syntax = { interpolation: STRINGS_DEFAULTS.interpolation, nesting: STRINGS_DEFAULTS.nesting };
const parse = (raw: string) => parseCodes(raw, syntax);
const shape = (raw: string) => parse(raw).codes.map((c) => [c.id, c.kind, c.type, c.data, c.at]);

describe('parseCodes', () => {
  it('turns interpolations into standalone codes at their offset in the text', () => {
    const coded = parse('{{count, number}} Kommentare von {{- author}}');
    expect(coded.text).toBe(' Kommentare von ');
    expect(shape('{{count, number}} Kommentare von {{- author}}')).toEqual([
      ['1', 'standalone', 'interpolation', '{{count, number}}', 0],
      ['2', 'standalone', 'interpolation', '{{- author}}', 16],
    ]);
    expect(coded.codes.map((c) => c.signature)).toEqual(['{{count, number}}', '{{- author}}']);
  });

  it('turns nesting into one code, with parentheses and quotes inside its options balanced', () => {
    const raw = 'Siehe $t(common:more, {"count": 1, "x": "a)b"}) und $t(help)';
    expect(parse(raw).text).toBe('Siehe  und ');
    expect(parse(raw).codes.map((c) => [c.type, c.data])).toEqual([
      ['nesting', '$t(common:more, {"count": 1, "x": "a)b"})'],
      ['nesting', '$t(help)'],
    ]);
  });

  it('pairs numbered and named Trans tags and keeps self-closing tags standalone', () => {
    expect(shape('Von <1>{{author}}</1><br/> am <strong>Montag</strong><3 />')).toEqual([
      ['1', 'open', 'tag', '<1>', 4],
      ['2', 'standalone', 'interpolation', '{{author}}', 4],
      ['1', 'close', 'tag', '</1>', 4],
      ['3', 'standalone', 'tag', '<br/>', 4],
      ['4', 'open', 'tag', '<strong>', 8],
      ['4', 'close', 'tag', '</strong>', 14],
      ['5', 'standalone', 'tag', '<3 />', 14],
    ]);
  });

  it('pairs nested tags innermost first and leaves an unclosed tag standalone', () => {
    expect(parse('<0>a <1>b</1> c</0>').codes.map((c) => `${c.id}${c.kind}`)).toEqual(['1open', '2open', '2close', '1close']);
    expect(parse('<0>a <1>b</0>').codes.map((c) => `${c.data}:${c.kind}`)).toEqual(['<0>:open', '<1>:standalone', '</0>:close']);
  });

  it('keeps text that only looks like markup as text', () => {
    for (const raw of ['a < b > c', '{{}}', '{{ }}', 'x {{ offen', '$t()', '$t(offen', '</1 x>', '<>', '3 <4']) {
      expect(parse(raw)).toEqual({ text: raw, codes: [] });
    }
  });

  it('follows a custom interpolation prefix and suffix', () => {
    const coded = parseCodes('Hallo %{name}!', { ...syntax, interpolation: { ...syntax.interpolation, prefix: '%{', suffix: '}' } });
    expect(coded).toMatchObject({ text: 'Hallo !', codes: [{ data: '%{name}', signature: '%{name}' }] });
  });

  it('gives the value back unchanged when the codes are rendered again', () => {
    const piece = fc.constantFrom('{{name}}', '{{count, number}}', '{{- html}}', '$t(a.b)', '$t(x, {"count": 2})', '<0>', '</0>', '<1/>', '<strong>', '</strong>', '<br />', '<', '>', '{', '}', '$t(', ')', 'Text', ' ', 'ä😀');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.string(), (pieces, extra) => {
      const raw = pieces.join('') + extra;
      const coded = parse(raw);
      expect(renderCodedText(coded)).toBe(raw);
      expect(fromRuns(toRuns(coded))).toEqual(coded);
    }), { numRuns: 500 });
  });
});

describe('renderCodedText', () => {
  it('takes the markup of a code that comes back without data from the source code with its id', () => {
    const source = parse('Von <1>{{author}}</1>');
    const target = { text: 'By ', codes: source.codes.map((c) => ({ ...c, data: '', at: 3 })) };
    expect(renderCodedText(target, source)).toBe('By <1>{{author}}</1>');
  });
});

describe('compareCodes', () => {
  const problems = (source: string, target: string) => compareCodes(parse(source), parse(target)).map((p) => `${p.problem} ${p.signature}`);

  it('accepts a translation that keeps every code, in another order', () => {
    expect(problems('Von <1>{{author}}</1> am {{date}}', 'Le {{date}}, par <1>{{author}}</1>')).toEqual([]);
  });

  it('reports a missing variable, a new variable, and a repeated one', () => {
    expect(problems('{{count}} Kommentare', 'Comments')).toEqual(['missing {{count}}']);
    expect(problems('Kommentare', '{{count}} comments')).toEqual(['added {{count}}']);
    expect(problems('{{name}} schreibt', '{{name}} writes, {{name}}')).toEqual(['repeated {{name}}']);
  });

  it('sees "{{count,number}}" and "{{ count, number }}" as the same code', () => {
    expect(problems('{{count,number}} x', '{{ count, number }} y')).toEqual([]);
  });

  it('reports a changed nested key and a broken or crossed tag pair', () => {
    expect(problems('$t(help)', '$t(hilfe)')).toEqual(['missing $t(help)', 'added $t(hilfe)']);
    expect(problems('<0>a</0> <1>b</1>', '<0>a <1>b</0></1>')).toEqual(['unpaired <1>']);
    expect(problems('<0>a</0>', '<0>a')).toEqual(['missing </0>']);
  });
});

describe('alignCodeIds', () => {
  it('gives target codes the ids of the source codes they match, pairs included', () => {
    const source = parse('<1>a</1> {{x}} <br/>');
    const target = alignCodeIds(source, parse('{{x}} <br/> <1>b</1> {{y}}'));
    const byData = Object.fromEntries(target.codes.map((c) => [c.data, c.id]));
    const sourceIds = Object.fromEntries(source.codes.map((c) => [c.data, c.id]));
    expect(byData).toEqual({ '{{x}}': sourceIds['{{x}}'], '<br/>': sourceIds['<br/>'], '<1>': sourceIds['<1>'], '</1>': sourceIds['<1>'], '{{y}}': 'x1' });
  });
});

describe('nestingReference', () => {
  it('finds the nested key, quoted or not, and whether it passes a count', () => {
    expect(nestingReference('$t(common:nav.home)', syntax.nesting)).toEqual({ key: 'common:nav.home', counted: false });
    expect(nestingReference('$t("items", {"count": 2})', syntax.nesting)).toEqual({ key: 'items', counted: true });
  });
});
