/**
 * What a catalog key is made of, in i18next JSON v4: a base key, an optional context
 * (`friend_male`), an optional plural form (`comments_one`, ordinal `place_ordinal_two`), in
 * that order (`friend_male_one`).
 *
 * A suffix is only read as a plural form when the key really is one: an ordinal suffix always
 * (`_ordinal_other` says so), a cardinal one when another form of the same key is in the catalog
 * (`comments_one` beside `comments_other`) or when the code calls the key with a count. A lone
 * `status_other` is a key of its own. A context suffix is read when it is one of the configured
 * context values or a literal context found in the code.
 */
import { PLURAL_CATEGORIES, type PluralCategory, type PluralType } from './plurals.js';

/** The separators and context values that key shapes depend on. */
export interface KeySyntax {
  readonly pluralSeparator: string;
  readonly contextSeparator: string;
  readonly contextValues: readonly string[];
}

export interface PluralForm {
  readonly category: PluralCategory;
  readonly type: PluralType;
}

export interface KeyShape {
  /** The key as written in the catalog. */
  readonly key: string;
  /** The key without context and plural suffixes (`friend` for `friend_male_one`). */
  readonly base: string;
  /** The context value (`male`), when the key is a context variant. */
  readonly context: string | undefined;
  /** The plural form, when the key is one form of a plural key. */
  readonly plural: PluralForm | undefined;
  /**
   * The key of the plural group without the plural suffix (`friend_male`); for a key that is no
   * plural form, the key itself.
   */
  readonly stem: string;
}

interface PluralCandidate {
  readonly stem: string;
  readonly form: PluralForm;
}

function pluralCandidate(key: string, syntax: KeySyntax): PluralCandidate | undefined {
  const sep = syntax.pluralSeparator;
  for (const category of PLURAL_CATEGORIES) {
    const suffix = sep + category;
    if (!key.endsWith(suffix) || key.length === suffix.length) continue;
    const rest = key.slice(0, -suffix.length);
    const ordinalSuffix = `${sep}ordinal`;
    if (rest.endsWith(ordinalSuffix) && rest.length > ordinalSuffix.length) {
      return { stem: rest.slice(0, -ordinalSuffix.length), form: { category, type: 'ordinal' } };
    }
    return { stem: rest, form: { category, type: 'cardinal' } };
  }
  return undefined;
}

function splitContext(stem: string, syntax: KeySyntax, contexts: readonly string[]): { base: string; context: string | undefined } {
  for (const context of contexts) {
    const suffix = syntax.contextSeparator + context;
    if (stem.endsWith(suffix) && stem.length > suffix.length) return { base: stem.slice(0, -suffix.length), context };
  }
  return { base: stem, context: undefined };
}

/** Hints from the code: keys called with a count, literal context values. */
export interface KeyHints {
  /** Stems (key with context, without plural suffix) that the code calls with a count. */
  readonly countedStems?: ReadonlySet<string>;
  /** Context values the code passes as literals, in addition to the configured ones. */
  readonly contextValues?: readonly string[];
}

/** The shapes of all keys of one catalog, by key. */
export function shapeKeys(keys: readonly string[], syntax: KeySyntax, hints: KeyHints = {}): ReadonlyMap<string, KeyShape> {
  const contexts = [...new Set([...syntax.contextValues, ...(hints.contextValues ?? [])])].filter((c) => c !== '').sort((a, b) => b.length - a.length);
  const candidates = new Map<string, PluralCandidate>();
  const cardinalFormsByStem = new Map<string, number>();
  for (const key of keys) {
    const candidate = pluralCandidate(key, syntax);
    if (candidate === undefined) continue;
    candidates.set(key, candidate);
    if (candidate.form.type === 'cardinal') cardinalFormsByStem.set(candidate.stem, (cardinalFormsByStem.get(candidate.stem) ?? 0) + 1);
  }
  const shapes = new Map<string, KeyShape>();
  for (const key of keys) {
    const candidate = candidates.get(key);
    const isPlural =
      candidate !== undefined &&
      (candidate.form.type === 'ordinal' || (cardinalFormsByStem.get(candidate.stem) ?? 0) >= 2 || hints.countedStems?.has(candidate.stem) === true);
    const stem = isPlural ? candidate.stem : key;
    const { base, context } = splitContext(stem, syntax, contexts);
    shapes.set(key, { key, base, context, plural: isPlural ? candidate.form : undefined, stem });
  }
  return shapes;
}

/** The key of one plural form: `comments` + one → `comments_one`; ordinal → `place_ordinal_one`. */
export function pluralKey(stem: string, form: PluralForm, pluralSeparator: string): string {
  return form.type === 'ordinal' ? `${stem}${pluralSeparator}ordinal${pluralSeparator}${form.category}` : `${stem}${pluralSeparator}${form.category}`;
}

/** The key of a context variant: `friend` + male → `friend_male`. */
export function contextKey(base: string, context: string, contextSeparator: string): string {
  return `${base}${contextSeparator}${context}`;
}

/** The key of the plural group a shape belongs to (its type and stem); undefined for no plural form. */
export function pluralGroupKey(shape: KeyShape): string | undefined {
  return shape.plural === undefined ? undefined : `${shape.plural.type}\u0000${shape.stem}`;
}

/** The forms each plural group has, by `pluralGroupKey`. */
export function pluralFormsByGroup(shapes: Iterable<KeyShape>): ReadonlyMap<string, ReadonlySet<PluralCategory>> {
  const forms = new Map<string, Set<PluralCategory>>();
  for (const shape of shapes) {
    const group = pluralGroupKey(shape);
    if (group === undefined || shape.plural === undefined) continue;
    const set = forms.get(group) ?? new Set<PluralCategory>();
    set.add(shape.plural.category);
    forms.set(group, set);
  }
  return forms;
}
