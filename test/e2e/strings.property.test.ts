/**
 * Property: whatever editors do to a German catalog (keys added, removed, reworded, removed and
 * brought back, plural keys with them), no key is lost or renamed on the way through extract and
 * build. After every edit, each language's XLIFF file has exactly the catalog's keys (plural keys
 * with the language's forms), every key that was ever translated still carries its translation
 * (kept, restored from the aside file, or marked for review when reworded), and the built catalog
 * has every key with its translator's text.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, extract, openProject } from '../../pipeline/index.js';
import { fillXliff, unitsOf, withoutTermMarks } from '../helpers/fill-xliff.js';

const LANGUAGES = ['en', 'fr'] as const;
/** Keys that never collide (no key is the group of another); `items` is a plural key. */
const PLAIN_KEYS = ['title', 'nav.home', 'nav.back'] as const;
const PLURAL = 'items';
const WORDS = ['Start', 'Seite', 'Artikel', 'lesen', 'mehr', 'neu', 'Zeitung', 'heute'];

/** The forms a language needs for a cardinal plural key (German has one, other). */
const FORMS: Readonly<Record<string, readonly string[]>> = { de: ['one', 'other'], en: ['one', 'other'], fr: ['one', 'many', 'other'] };

type Edit =
  | { readonly kind: 'set'; readonly key: string; readonly words: readonly number[] }
  | { readonly kind: 'remove'; readonly key: string };

const text = fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 3 });
const key = fc.constantFrom(...PLAIN_KEYS, PLURAL);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, words: text }),
  fc.record({ kind: fc.constant('remove' as const), key }),
);

/** Letters for a number: a translation's mark must hold no digit (the number check would object). */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}

/** The German catalog of a state: nested by the key's levels, the plural key with `{{count}}`. */
function catalogOf(state: ReadonlyMap<string, string>): string {
  const root: Record<string, unknown> = {};
  for (const [k, value] of state) {
    const names = k === PLURAL ? [`${PLURAL}_one`, `${PLURAL}_other`] : [k];
    for (const name of names) {
      const parts = name.split('.');
      let node = root;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1) as string] = k === PLURAL ? `{{count}} ${value}${name.endsWith('_other') ? 'n' : ''}` : value;
    }
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}

/** The keys of a language's units for a state, in any order. */
function expectedKeys(state: ReadonlyMap<string, string>, language: string): string[] {
  return [...state.keys()].flatMap((k) => (k === PLURAL ? (FORMS[language] ?? []).map((f) => `${PLURAL}_${f}`) : [k])).sort();
}

/** A built catalog's keys and values, flattened (`nav.home`). */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix === '' ? k : `${prefix}.${k}`));
}

/** A project of its own in a temporary folder: just the config, an empty glossary and the catalog. */
function emptyProject(): { root: string; read(file: string): string; write(file: string, content: string): void; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'l10n-strings-property-'));
  return {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write: (file, content) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

describe('software strings through extract and build, under random catalog edits', () => {
  it('never lose or rename a key: every translation stays with its key, in the XLIFF files and in the built catalogs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const project = emptyProject();
        try {
          project.write('l10n.config.yaml', 'targetLanguages: [en, fr]\nstrings:\n  namespaces: [ui]\n');
          project.write('glossary/terms.yaml', 'terms: []\n');
          const state = new Map<string, string>([['title', 'Zeitung']]);
          /** The translation mark of each language and key (plural forms by form key). */
          const marks = new Map<string, string>();
          let counter = 0;
          for (const step of edits) {
            if (step.kind === 'set') state.set(step.key, step.words.map((w) => WORDS[w]).join(' '));
            else state.delete(step.key);
            project.write('source/locales/de/ui.json', catalogOf(state));
            const opened = openProject(project.root);
            const extracted = await extract(opened);
            expect(extracted.messages.filter((m) => m.severity === 'error')).toEqual([]);
            for (const language of LANGUAGES) {
              const file = `translations/${language}/locales/de/ui.xlf`;
              const units = unitsOf(project.read(file));
              expect(units.map((u) => u.resname).sort()).toEqual(expectedKeys(state, language));
              for (const unit of units) {
                const mark = marks.get(`${language}\u0000${unit.resname}`);
                // A key translated before has its translation still (a reworded one: marked for review).
                if (mark !== undefined) expect(unit.target ?? '').toContain(mark);
              }
              // The translator: confirms what is marked for review (a new key with the text of a
              // translated one is offered its translation), translates what has no target.
              project.write(file, fillXliff(project.read(file), (unit) => {
                if (unit.target !== undefined) {
                  const offered = / (~[a-z]+)$/u.exec(unit.target)?.[1];
                  if (offered !== undefined && !marks.has(`${language}\u0000${unit.resname}`)) marks.set(`${language}\u0000${unit.resname}`, offered);
                  return unit.state === 'translated' ? undefined : { target: unit.target };
                }
                const mark = `~${letters(counter++)}`;
                marks.set(`${language}\u0000${unit.resname}`, mark);
                return { target: `${withoutTermMarks(unit.source)} ${mark}` };
              }));
            }
            const built = await build(openProject(project.root));
            expect(built.messages.filter((m) => m.severity === 'error').map((m) => m.reason)).toEqual([]);
            for (const language of LANGUAGES) {
              const expected = expectedKeys(state, language);
              if (expected.length === 0) continue;
              const written = flatten(JSON.parse(project.read(`output/${language}/locales/ui.json`)));
              expect(written.map(([k]) => k).sort()).toEqual(expected);
              for (const [k, value] of written) expect(value.endsWith(` ${marks.get(`${language}\u0000${k}`) ?? '(none)'}`)).toBe(true);
            }
          }
        } finally {
          project.remove();
        }
      }),
      {
        numRuns: 20,
        // A removed key's text given to another key: the aside unit must not take that key's place.
        examples: [[[{ kind: 'set', key: 'nav.back', words: [1] }, { kind: 'remove', key: 'nav.back' }, { kind: 'set', key: 'title', words: [1] }]]],
      },
    );
  });
});
