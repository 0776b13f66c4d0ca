import { describe, expect, it } from 'vitest';
import { IdSet } from '../../pipeline/xliff/read-context.js';
import { readXliff } from '../../pipeline/xliff/index.js';
import { InputError } from '../../pipeline/model.js';

/** Pairs of different ids with the same 32-bit hash in `IdSet` (found by a birthday search). */
const COLLIDING: ReadonlyArray<readonly [string, string]> = [
  ['u2wzx', 'ud6cd'], ['u2wzy', 'ud6ce'], ['u2wzz', 'ud6cf'], ['u2wzt', 'ud6ch'], ['u2wzu', 'ud6ci'], ['u2wzv', 'ud6cj'],
  ['u2wzw', 'ud6ck'], ['u2wzp', 'ud6cl'], ['u2wzq', 'ud6cm'], ['u2wzr', 'ud6cn'], ['u2wzs', 'ud6co'], ['u2wzl', 'ud6cp'],
  ['u2wzm', 'ud6cq'], ['u2wzn', 'ud6cr'], ['u2wzo', 'ud6cs'], ['u2wzh', 'ud6ct'], ['u2wzi', 'ud6cu'], ['u2wzj', 'ud6cv'],
  ['u2wzk', 'ud6cw'], ['u2wzd', 'ud6cx'], ['u2wze', 'ud6cy'], ['u2wzf', 'ud6cz'], ['u2wtu', 'ud6ea'], ['u2wtv', 'ud6eb'],
  ['u2wtw', 'ud6ec'], ['u2wtp', 'ud6ed'], ['u2wtq', 'ud6ee'], ['u2wtr', 'ud6ef'], ['u2wts', 'ud6eg'], ['u2wtx', 'ud6el'],
  ['u2wty', 'ud6em'], ['u2wtz', 'ud6en'], ['u2wtd', 'ud6ep'], ['u2wte', 'ud6eq'], ['u2wtf', 'ud6er'], ['u2wtg', 'ud6es'],
  ['u2wta', 'ud6eu'], ['u2wtb', 'ud6ev'], ['u2wtc', 'ud6ew'], ['u2wtl', 'ud6ex'],
];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const file12 = (ids: readonly string[]): Uint8Array =>
  utf8(
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>\n'
      + ids.map((id) => `<trans-unit id="${id}"><source>${id}</source></trans-unit>\n`).join('')
      + '</body></file></xliff>',
  );

describe('IdSet (duplicate ids by hash, ids compared only when hashes repeat)', () => {
  it('tells different ids with the same hash apart, before and after it switches to exact ids', () => {
    const items: Array<{ id: string; line: number }> = [];
    const seen = new IdSet(items, 0);
    const add = (id: string): number | undefined => {
      const before = seen.add(id);
      if (before === undefined) items.push({ id, line: items.length + 1 });
      return before;
    };
    // 40 collisions: past 32 the set keeps the ids themselves.
    for (const [a, b] of COLLIDING) {
      expect(add(a)).toBeUndefined();
      expect(add(b)).toBeUndefined();
    }
    expect(items).toHaveLength(80);
    expect(add('ud6cd')).toBe(2);
    expect(add('u2wtl')).toBe(79);
    expect(add('fresh')).toBeUndefined();
    expect(add('fresh')).toBe(81);
  });

  it('reads units whose ids share a hash, and still refuses a real duplicate with the line of the first', () => {
    const parsed = readXliff(file12(['u2wzx', 'ud6cd', 'other']), 'f.xlf');
    expect(parsed.units.map((u) => u.id)).toEqual(['u2wzx', 'ud6cd', 'other']);
    let error: unknown;
    try {
      readXliff(file12(['u2wzx', 'ud6cd', 'other', 'ud6cd']), 'f.xlf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/duplicate trans-unit id "ud6cd" \(first at line 3\)/u);
  });
});
