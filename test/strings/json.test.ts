import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { jsonValue, MAX_JSON_DEPTH, parseJson, type JsonObject } from '../../pipeline/strings/json.js';

const errorOf = (text: string): InputError => {
  try {
    parseJson(text, 'x.json');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parseJson', () => {
  it('gives each member its key and value place, in file order', () => {
    const { root } = parseJson('{\n  "a": "x",\n  "b": {\n    "c": "y"\n  }\n}\n', 'x.json');
    const object = root as JsonObject;
    expect(object.members.map((m) => m.key)).toEqual(['a', 'b']);
    expect(object.members[0]?.keyPlace).toEqual({ line: 2, column: 3, offset: 4 });
    expect(object.members[0]?.value.place).toMatchObject({ line: 2, column: 8 });
    const inner = object.members[1]?.value as JsonObject;
    expect(inner.members[0]?.value.place).toMatchObject({ line: 4, column: 10 });
  });

  it('keeps both members of a duplicated key and keys such as "1" and "__proto__" in file order', () => {
    const { root } = parseJson('{"b": "1", "1": "2", "__proto__": "3", "b": "4"}', 'x.json');
    expect((root as JsonObject).members.map((m) => m.key)).toEqual(['b', '1', '__proto__', 'b']);
  });

  it('decodes every escape and counts columns in UTF-16 code units', () => {
    const { root } = parseJson('{"é😀": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9", "z": 1}', 'x.json');
    const members = (root as JsonObject).members;
    expect(members[0]?.value).toMatchObject({ kind: 'string', value: '"\\/\b\f\n\r\té' });
    expect(members[1]?.keyPlace.column).toBe('{"é😀": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9", '.length + 1);
  });

  it('skips a byte order mark and says it was there', () => {
    expect(parseJson('\uFEFF{}', 'x.json').bom).toBe(true);
    expect(parseJson('{}', 'x.json').bom).toBe(false);
  });

  it.each([
    ['{"a": "x",}', 1, 11, /key in double quotes/u, /trailing comma/u],
    ['{"a": "x"\n "b": "y"}', 2, 2, /expected "," or "\}"/u, /comma is missing/u],
    ["{'a': 1}", 1, 2, /key in double quotes/u, undefined],
    ['{"a": "line\nbreak"}', 1, 12, /control character/u, /\\n/u],
    ['{"a": "\\x"}', 1, 8, /not a JSON escape/u, undefined],
    ['{"a": // note\n "x"}', 1, 7, /a comment/u, /meta\.json/u],
    ['{"a": "x"', 1, 10, /expected "," or "\}"/u, undefined],
    ['{"a": "x"} {}', 1, 12, /after the end/u, undefined],
    ['[1, 2,]', 1, 7, /ends with a comma/u, undefined],
    ['{"a": "open', 1, 7, /not closed/u, undefined],
  ])('refuses %j at line %i, column %i', (text, line, column, reason, hint) => {
    const error = errorOf(text);
    expect(error.detail).toMatchObject({ ruleId: 'strings/json', file: 'x.json', line, column, fatal: true });
    expect(error.detail.reason).toMatch(reason);
    if (hint !== undefined) expect(error.detail.hint).toMatch(hint);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels instead of overflowing the stack`, () => {
    const deep = '['.repeat(100_000);
    expect(errorOf(deep).detail.reason).toMatch(/nested more than/u);
  });

  it('reads what JSON.parse reads, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(jsonValue(parseJson(text, 'x.json').root)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', 'x', '0', ' '), (value, position, insert) => {
        const base = JSON.stringify(value);
        const at = position % (base.length + 1);
        const text = base.slice(0, at) + insert + base.slice(at);
        let native: unknown = 'refused';
        try {
          native = JSON.parse(text);
        } catch {
          native = 'refused';
        }
        let ours: unknown = 'refused';
        try {
          ours = jsonValue(parseJson(text, 'x.json').root);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
        expect(ours === 'refused').toBe(native === 'refused');
      }),
      { numRuns: 500 },
    );
  });
});
