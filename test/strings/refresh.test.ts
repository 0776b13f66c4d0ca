import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCatalog, readCatalog, type Catalog } from '../../pipeline/strings/catalog.js';
import type { KeyUse } from '../../pipeline/strings/extract.js';
import { resolveStringsOptions, type StringsOptionsInput } from '../../pipeline/strings/options.js';
import { nestedKeysOf, refreshNamespace, type RefreshResult } from '../../pipeline/strings/refresh.js';

const FILE = 'source/locales/de/common.json';
const ASIDE = 'source/locales/de/common.aside.json';
const base = { namespaces: ['common'], defaultNamespace: 'common' } as const;
const catalogOf = (text: string | undefined, file = FILE): Catalog | undefined =>
  text === undefined ? undefined : readCatalog(text, { file, language: 'de', namespace: 'common' }, { keySeparator: '.', defaultStyle: 'nested' }).catalog;

let line = 0;
function use(key: string, more: Partial<KeyUse> = {}): KeyUse {
  line += 1;
  const context = more.context;
  return { namespace: 'common', key, context, stem: context === undefined || context === '' ? key : `${key}_${context}`, count: false, ordinal: false, defaultValue: undefined, pluralDefaults: {}, comment: undefined, file: 'src/app.js', line, column: 3, ...more };
}

function refresh(catalog: string | undefined, aside: string | undefined, uses: KeyUse[], input: StringsOptionsInput = {}): RefreshResult {
  const options = resolveStringsOptions({ ...base, ...input });
  const read = catalogOf(catalog);
  const nested = nestedKeysOf(read === undefined ? [] : [read], options).get('common');
  return refreshNamespace({ namespace: 'common', file: FILE, catalog: read, aside: catalogOf(aside, ASIDE), uses, nested }, options);
}

const rules = (r: RefreshResult): string[] => r.messages.map((m) => `${m.ruleId} ${m.reason}`);

describe('refreshNamespace', () => {
  it('leaves a catalog whose keys are all used byte for byte as it was', () => {
    const text = '{\n  "nav": {\n    "home": "Start"\n  },\n  "share": "Teilen"\n}\n';
    const result = refresh(text, undefined, [use('nav.home'), use('share', { defaultValue: 'Teilen' })]);
    expect(result.catalogText).toBe(text);
    expect(result.asideText).toBeUndefined();
    expect(result.messages).toEqual([]);
  });

  it('moves an unused key to the aside file with its text, and brings it back with that text', () => {
    const first = refresh('{\n  "nav": {\n    "home": "Start",\n    "old": "Archiv (bearbeitet)"\n  }\n}\n', undefined, [use('nav.home')]);
    expect(first.setAside).toEqual(['nav.old']);
    expect(first.catalogText).toBe('{\n  "nav": {\n    "home": "Start"\n  }\n}\n');
    expect(first.asideText).toBe('{\n  "nav": {\n    "old": "Archiv (bearbeitet)"\n  }\n}\n');
    expect(first.messages).toMatchObject([{ ruleId: 'strings/key-set-aside', file: FILE, line: 4, column: 5 }]);

    const back = refresh(first.catalogText, first.asideText, [use('nav.home'), use('nav.old', { defaultValue: 'Archiv' })]);
    expect(back.restored).toEqual(['nav.old']);
    expect(back.catalogText).toBe('{\n  "nav": {\n    "home": "Start",\n    "old": "Archiv (bearbeitet)"\n  }\n}\n');
    expect(back.asideText).toBeUndefined();
    expect(rules(back)).toEqual(['strings/key-restored "nav.old" is used again: restored from the aside file with its text']);
  });

  it('adds a new key with the code\'s default text, into its group, and reports a key without any text at its use', () => {
    const result = refresh('{\n  "nav": {\n    "home": "Start"\n  },\n  "share": "Teilen"\n}\n', undefined, [
      use('nav.home'), use('share'), use('nav.about', { defaultValue: 'Über uns' }), use('nav.contact', { line: 40, column: 7 }),
    ]);
    expect(result.added).toEqual(['nav.about']);
    expect(result.catalogText).toBe('{\n  "nav": {\n    "home": "Start",\n    "about": "Über uns"\n  },\n  "share": "Teilen"\n}\n');
    expect(result.messages.filter((m) => m.ruleId === 'strings/no-source-text')).toMatchObject([
      { severity: 'warning', file: 'src/app.js', line: 40, column: 7, reason: '"common:nav.contact" is used in the code but has no German text' },
    ]);
  });

  it('keeps the German text when the code\'s default differs, and says so', () => {
    const result = refresh('{"share": "Teilen"}', undefined, [use('share', { defaultValue: 'Weitersagen' })]);
    expect(result.catalogText).toBe('{"share":"Teilen"}');
    expect(rules(result)).toEqual(['strings/default-differs the code\'s default text for "share" differs from the German catalog, which is kept: "Weitersagen" / "Teilen"']);
  });

  it('warns when two uses give one key different defaults', () => {
    const result = refresh(undefined, undefined, [use('a', { defaultValue: 'Eins' }), use('a', { defaultValue: 'Zwei' })]);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['strings/conflicting-defaults', 'strings/key-added']);
    expect(result.catalogText).toBe('{\n  "a": "Eins"\n}\n');
  });

  it('adds the German plural forms of a counted key and keeps every form, zero included', () => {
    const counted = use('items', { count: true, pluralDefaults: { one: 'Ein Ding', other: '{{count}} Dinge' } });
    expect(refresh(undefined, undefined, [counted]).catalogText).toBe('{\n  "items_one": "Ein Ding",\n  "items_other": "{{count}} Dinge"\n}\n');
    const kept = refresh('{"items_zero": "Keine", "items_one": "Eins", "items_other": "Viele"}', undefined, [counted]);
    expect(kept.setAside).toEqual([]);
    const ordinal = refresh(undefined, undefined, [use('place', { count: true, ordinal: true, defaultValue: '{{count}}. Platz' })]);
    expect(ordinal.catalogText).toBe('{\n  "place_ordinal_other": "{{count}}. Platz"\n}\n');
  });

  it('brings all forms of a plural key back from the aside file together', () => {
    const aside = '{"items_zero": "Keine", "items_one": "Eins", "items_other": "Viele", "x": "y"}';
    const result = refresh('{}', aside, [use('items', { count: true })]);
    expect(result.restored).toEqual(['items_one', 'items_zero', 'items_other']);
    expect(JSON.parse(result.catalogText)).toEqual({ items_one: 'Eins', items_zero: 'Keine', items_other: 'Viele' });
    expect(result.asideText).toBe('{"x":"y"}');
  });

  it('brings every variant of a key back when the code calls it with a context again', () => {
    const result = refresh('{}', '{"friend_male": "Ein Freund", "friend_female": "Eine Freundin"}', [use('friend', { context: 'male' })]);
    expect(result.restored).toEqual(['friend_male', 'friend_female']);
    expect(result.asideText).toBeUndefined();
  });

  it('keeps every context variant and the base key of a call whose context is computed at run time', () => {
    const text = '{"friend": "Freund", "friend_male": "Ein Freund", "friend_female": "Eine Freundin", "other": "x"}';
    const result = refresh(text, undefined, [use('friend', { context: '' })]);
    expect(result.setAside).toEqual(['other']);
    const none = refresh('{}', undefined, [use('mood', { context: '' })]);
    expect(rules(none)[0]).toMatch(/^strings\/no-source-text "common:mood" is used with a context computed at run time/u);
  });

  it('keeps keys that German values nest, and keys the options keep', () => {
    const text = '{"errors": {"network": "Offline. $t(errors.support)", "support": "Hilfe", "timeout": "Zu langsam"}}';
    expect(refresh(text, undefined, [use('errors.network')]).setAside).toEqual(['errors.timeout']);
    expect(refresh(text, undefined, [use('errors.network')], { keep: ['common:errors.t*'] }).setAside).toEqual([]);
  });

  it('writes a new key whose levels run into a text as a flat key, so that nothing is dropped', () => {
    const result = refresh('{"card": "Karte"}', undefined, [use('card'), use('card.title', { defaultValue: 'Titel' })]);
    expect(result.catalogText).toBe('{"card":"Karte","card.title":"Titel"}');
  });

  it('loses and renames no key over any sequence of code and catalog edits', () => {
    const keys = ['a', 'b', 'b.c', 'b.d', 'e', 'f', 'f.g.h', 'n'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('use' as const), key: fc.constantFrom(...keys), text: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant('unuse' as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant('edit' as const), key: fc.constantFrom(...keys), text: fc.string({ maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const code = new Map<string, string | undefined>();
        const known = new Map<string, string>();
        let catalog: string | undefined;
        let aside: string | undefined;
        const keysOf = (k: string): string[] => (k === 'n' ? ['n_one', 'n_other'] : [k]);
        for (const o of ops) {
          if (o.kind === 'use') code.set(o.key, o.text);
          if (o.kind === 'unuse') code.delete(o.key);
          if (o.kind === 'edit' && catalog !== undefined) {
            // An editor rewords a German text in the catalog.
            const read = catalogOf(catalog) as Catalog;
            const target = keysOf(o.key)[0] as string;
            if (read.entries.some((e) => e.key === target)) {
              catalog = formatCatalog(read.entries.map((e) => (e.key === target ? { ...e, text: o.text } : e)), read.layout).text;
              known.set(target, o.text);
            }
          }
          const uses = [...code].map(([key, text]) => use(key, key === 'n' ? { count: true, defaultValue: text } : { defaultValue: text }));
          for (const [key, text] of code) for (const k of keysOf(key)) if (!known.has(k) && text !== undefined) known.set(k, text);
          const result = refresh(catalog, aside, uses);
          catalog = result.catalogText;
          aside = result.asideText;
          const inCatalog = (catalogOf(catalog) as Catalog).entries.map((e) => [e.key, e.text] as const);
          const inAside = aside === undefined ? [] : (catalogOf(aside, ASIDE) as Catalog).entries.map((e) => [e.key, e.text] as const);
          const everywhere = [...inCatalog, ...inAside];
          // Every key that ever had a text is in exactly one of the two files, with its latest text; no other key exists.
          expect(everywhere.map(([k]) => k).sort()).toEqual([...known.keys()].sort());
          for (const [k, text] of everywhere) expect(text).toBe(known.get(k));
          // The catalog holds exactly the used keys that have a text.
          const used = [...code.keys()].flatMap(keysOf).filter((k) => known.has(k));
          expect(inCatalog.map(([k]) => k).sort()).toEqual(used.sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
