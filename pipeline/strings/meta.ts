/**
 * Catalog metadata: `<ns>.meta.json` beside a German catalog, written by the site's developers
 * or editors, holds what a catalog cannot (a value there must stay a string i18next can show):
 * a note for translators and a length limit per key.
 *
 * ```json
 * { "nav.home": { "maxLength": 12, "note": "Menu entry, top bar" },
 *   "comments": { "maxLength": 30 } }
 * ```
 *
 * A key names one catalog key, or a plural or context key as the code calls it (`comments`
 * covers `comments_one`, `comments_other` and every target form; `friend` covers `friend_male`).
 */
import type { Message } from '../model.js';
import type { KeyShape } from './keys.js';
import { parseJson, type JsonPlace } from './json.js';
import type { StringsOptions } from './options.js';

export interface KeyMeta {
  readonly maxLength?: number;
  readonly note?: string;
  readonly place: JsonPlace;
}

export interface CatalogMeta {
  readonly file: string;
  readonly keys: ReadonlyMap<string, KeyMeta>;
}

const FIELDS = ['maxLength', 'note'];

/** Reads a metadata file. Syntax errors throw (with line and column); wrong fields are messages and are left out. */
export function readCatalogMeta(text: string, file: string): { readonly meta: CatalogMeta; readonly messages: readonly Message[] } {
  const { root } = parseJson(text, file);
  const messages: Message[] = [];
  const keys = new Map<string, KeyMeta>();
  const problem = (place: JsonPlace, reason: string, hint: string): void => {
    messages.push({ reason, ruleId: 'strings/meta', source: 'strings', severity: 'error', file, line: place.line, column: place.column, hint });
  };
  if (root.kind !== 'object') {
    problem(root.place, 'expected an object of keys, each with "maxLength" and/or "note"', 'write {"nav.home": {"maxLength": 12, "note": "…"}}');
    return { meta: { file, keys }, messages };
  }
  for (const member of root.members) {
    const value = member.value;
    if (value.kind !== 'object') {
      problem(value.place, `"${member.key}": expected an object with "maxLength" and/or "note", got ${value.kind === 'array' ? 'a list' : `a ${value.kind}`}`, 'write {"maxLength": 12, "note": "…"}');
      continue;
    }
    let maxLength: number | undefined;
    let note: string | undefined;
    for (const field of value.members) {
      const v = field.value;
      if (field.key === 'maxLength') {
        const n = v.kind === 'number' ? Number(v.raw) : NaN;
        if (!Number.isInteger(n) || n < 1) problem(v.place, `"${member.key}".maxLength: expected an integer of at least 1, got ${v.kind === 'number' ? v.raw : `a ${v.kind}`}`, 'write the limit in characters, e.g. 20');
        else maxLength = n;
      } else if (field.key === 'note') {
        if (v.kind !== 'string') problem(v.place, `"${member.key}".note: expected text, got a ${v.kind}`, 'write the note as a string');
        else note = v.value;
      } else {
        problem(field.keyPlace, `"${member.key}": unknown field "${field.key}"; expected one of ${FIELDS.join(', ')}`, 'remove the field or correct its name');
      }
    }
    keys.set(member.key, { ...(maxLength === undefined ? {} : { maxLength }), ...(note === undefined ? {} : { note }), place: member.keyPlace });
  }
  return { meta: { file, keys }, messages };
}

/** The keys a setting for `shape` may be written under, most specific first: key, stem, base. */
export function settingKeys(shape: Pick<KeyShape, 'key' | 'stem' | 'base'>): readonly string[] {
  return [...new Set([shape.key, shape.stem, shape.base])];
}

/**
 * The length limit of a key: from the metadata file (key, then the plural stem, then the base
 * key), else from the options' `maxLength` (`ns:key` exactly, then the longest `ns:prefix*`).
 */
export function maxLengthFor(namespace: string, shape: Pick<KeyShape, 'key' | 'stem' | 'base'>, meta: CatalogMeta | undefined, options: Pick<StringsOptions, 'maxLength'>): number | undefined {
  const names = settingKeys(shape);
  if (meta !== undefined) {
    for (const name of names) {
      const limit = meta.keys.get(name)?.maxLength;
      if (limit !== undefined) return limit;
    }
  }
  const { exact, prefixes } = limitPatterns(options.maxLength);
  if (exact.size === 0 && prefixes.length === 0) return undefined;
  for (const name of names) {
    const limit = exact.get(`${namespace}:${name}`);
    if (limit !== undefined) return limit;
  }
  for (const { prefix, limit } of prefixes) {
    if (names.some((name) => `${namespace}:${name}`.startsWith(prefix))) return limit;
  }
  return undefined;
}

const patternCache = new WeakMap<object, { exact: ReadonlyMap<string, number>; prefixes: readonly { prefix: string; limit: number }[] }>();

/** The options' limits split into exact keys and prefixes, longest prefix first (computed once per options object). */
function limitPatterns(maxLength: Readonly<Record<string, number>>): { exact: ReadonlyMap<string, number>; prefixes: readonly { prefix: string; limit: number }[] } {
  let patterns = patternCache.get(maxLength);
  if (patterns === undefined) {
    const entries = Object.entries(maxLength);
    patterns = {
      exact: new Map(entries.filter(([p]) => !p.endsWith('*'))),
      prefixes: entries.filter(([p]) => p.endsWith('*')).map(([p, limit]) => ({ prefix: p.slice(0, -1), limit })).sort((a, b) => b.prefix.length - a.prefix.length),
    };
    patternCache.set(maxLength, patterns);
  }
  return patterns;
}

/** The note for translators from the metadata file (key, stem, then base key). */
export function metaNoteFor(shape: Pick<KeyShape, 'key' | 'stem' | 'base'>, meta: CatalogMeta | undefined): string | undefined {
  for (const name of settingKeys(shape)) {
    const note = meta?.keys.get(name)?.note;
    if (note !== undefined) return note;
  }
  return undefined;
}
