import { describe, expect, it } from 'vitest';
import { maxLengthFor, metaNoteFor, readCatalogMeta } from '../../pipeline/strings/meta.js';

const FILE = 'source/locales/de/common.meta.json';

describe('readCatalogMeta', () => {
  it('reads notes and limits per key', () => {
    const { meta, messages } = readCatalogMeta('{"share": {"maxLength": 12, "note": "Button"}, "nav.home": {"note": "Menu"}}', FILE);
    expect(messages).toEqual([]);
    expect(meta.keys.get('share')).toMatchObject({ maxLength: 12, note: 'Button' });
    expect(meta.keys.get('nav.home')).toMatchObject({ note: 'Menu' });
  });

  it('reports a wrong field at its place and leaves it out', () => {
    const { meta, messages } = readCatalogMeta('{\n  "share": {"maxLength": 0, "notes": "x"},\n  "a": "b"\n}', FILE);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.reason])).toEqual([
      ['strings/meta', 2, 26, '"share".maxLength: expected an integer of at least 1, got 0'],
      ['strings/meta', 2, 29, '"share": unknown field "notes"; expected one of maxLength, note'],
      ['strings/meta', 3, 8, '"a": expected an object with "maxLength" and/or "note", got a string'],
    ]);
    expect(meta.keys.get('share')?.maxLength).toBeUndefined();
  });
});

describe('maxLengthFor and metaNoteFor', () => {
  const { meta } = readCatalogMeta('{"comments": {"maxLength": 30, "note": "Counter"}, "comments_one": {"maxLength": 20}}', FILE);
  const one = { key: 'comments_one', stem: 'comments', base: 'comments' };
  const many = { key: 'comments_many', stem: 'comments', base: 'comments' };

  it('takes the most specific setting: the key, then the plural stem, then the base key', () => {
    expect(maxLengthFor('common', one, meta, { maxLength: {} })).toBe(20);
    expect(maxLengthFor('common', many, meta, { maxLength: {} })).toBe(30);
    expect(metaNoteFor(many, meta)).toBe('Counter');
  });

  it('falls back to the options, exact before prefix, longest prefix first', () => {
    const options = { maxLength: { 'common:nav.*': 20, 'common:nav.top.*': 10, 'common:nav.home': 15 } };
    expect(maxLengthFor('common', { key: 'nav.home', stem: 'nav.home', base: 'nav.home' }, undefined, options)).toBe(15);
    expect(maxLengthFor('common', { key: 'nav.top.a', stem: 'nav.top.a', base: 'nav.top.a' }, undefined, options)).toBe(10);
    expect(maxLengthFor('common', { key: 'nav.b', stem: 'nav.b', base: 'nav.b' }, undefined, options)).toBe(20);
    expect(maxLengthFor('article', { key: 'nav.b', stem: 'nav.b', base: 'nav.b' }, undefined, options)).toBeUndefined();
  });
});
