import { describe, expect, it } from 'vitest';
import { contextKey, pluralKey, shapeKeys } from '../../pipeline/strings/keys.js';

const syntax = { pluralSeparator: '_', contextSeparator: '_', contextValues: ['male', 'female'] };

describe('shapeKeys', () => {
  it('reads a key with its other forms as a plural, and a lone form as a key of its own', () => {
    const shapes = shapeKeys(['comments_one', 'comments_other', 'status_other', 'gender_one'], syntax);
    expect(shapes.get('comments_one')).toMatchObject({ base: 'comments', stem: 'comments', plural: { category: 'one', type: 'cardinal' } });
    expect(shapes.get('status_other')).toMatchObject({ base: 'status_other', plural: undefined });
    expect(shapes.get('gender_one')?.plural).toBeUndefined();
  });

  it('reads a lone form as plural when the code calls the key with a count', () => {
    expect(shapeKeys(['status_other'], syntax, { countedStems: new Set(['status']) }).get('status_other')?.plural).toEqual({ category: 'other', type: 'cardinal' });
  });

  it('always reads an ordinal suffix as an ordinal form', () => {
    expect(shapeKeys(['place_ordinal_other'], syntax).get('place_ordinal_other')).toMatchObject({ stem: 'place', base: 'place', plural: { category: 'other', type: 'ordinal' } });
  });

  it('reads context variants, also with plural forms, and literal contexts from the code', () => {
    const shapes = shapeKeys(['friend_male', 'friendCount_female_one', 'friendCount_female_other', 'button_close'], syntax, { contextValues: ['close'] });
    expect(shapes.get('friend_male')).toMatchObject({ base: 'friend', context: 'male', plural: undefined });
    expect(shapes.get('friendCount_female_one')).toMatchObject({ base: 'friendCount', context: 'female', stem: 'friendCount_female', plural: { category: 'one' } });
    expect(shapes.get('button_close')).toMatchObject({ base: 'button', context: 'close' });
    expect(shapeKeys(['button_close'], syntax).get('button_close')?.context).toBeUndefined();
  });

  it('follows custom separators', () => {
    const shapes = shapeKeys(['items|one', 'items|other', 'friend#male'], { pluralSeparator: '|', contextSeparator: '#', contextValues: ['male'] });
    expect(shapes.get('items|one')?.plural?.category).toBe('one');
    expect(shapes.get('friend#male')?.context).toBe('male');
    expect(pluralKey('items', { category: 'many', type: 'ordinal' }, '|')).toBe('items|ordinal|many');
    expect(contextKey('friend', 'male', '#')).toBe('friend#male');
  });
});
