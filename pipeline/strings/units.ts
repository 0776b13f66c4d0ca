/**
 * Translation units of a German catalog, for one target language.
 *
 * One unit per key; a plural key becomes one group with one unit per form the target language
 * needs (French: one, many, other), each form's source text taken from the German form that
 * fits (see `sourceFormFor`), so a translator sees and translates the forms together. A context
 * variant (`friend_male`) stays a unit of its own, with a note naming its base key and context.
 *
 * Ids come from the namespace and the key, never from the text: a reworded German string keeps
 * its id, so its translation stays with it (and is marked for review, see `carryTarget`).
 */
import { pluralGroupId, stringUnitId } from '../ids.js';
import type { Catalog, CatalogEntry } from './catalog.js';
import { parseCodes, type CodedText } from './codes.js';
import { pluralFormsByGroup, pluralGroupKey, pluralKey, shapeKeys, type KeyHints, type KeyShape } from './keys.js';
import { maxLengthFor, metaNoteFor, type CatalogMeta } from './meta.js';
import type { StringsOptions } from './options.js';
import { pluralExamples, sourceFormFor, targetPluralForms, type PluralCategory, type PluralType } from './plurals.js';

export interface StringUnit {
  /** Stable id from namespace and key (`k` + 12 hex digits). */
  readonly id: string;
  /** The key in the target language's catalog (`comments_many`): XLIFF `resname` / `name`. */
  readonly name: string;
  readonly namespace: string;
  /** The German key the source text comes from (`comments_other`). */
  readonly sourceKey: string;
  /** The German value as written, markup included. */
  readonly sourceValue: string;
  /** The German value as text and inline codes. */
  readonly source: CodedText;
  /** Object path of the German value in its catalog (the key path shown as context). */
  readonly path: readonly string[];
  /** Notes for the translator: the code's comment, the metadata note, plural and context explanations, the limit. */
  readonly notes: readonly string[];
  readonly plural: UnitPlural | undefined;
  /** For a context variant: its base key and context value. */
  readonly variant: { readonly base: string; readonly context: string } | undefined;
  /** Length limit in characters, when one is set. */
  readonly maxLength: number | undefined;
  /** Where the German value is. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface UnitPlural {
  /** Id of the group the unit belongs to. */
  readonly group: string;
  /** The key without plural suffix (`comments`, `friend_male`). */
  readonly stem: string;
  readonly type: PluralType;
  /** The target form this unit is (`many`). */
  readonly category: PluralCategory;
  /** The German form its source text comes from (`other`). */
  readonly sourceCategory: PluralCategory;
}

/** The forms of one plural key for one target language, in CLDR order. */
export interface PluralGroup {
  readonly kind: 'plural';
  readonly id: string;
  readonly namespace: string;
  /** The key without plural suffix: XLIFF `resname` / `name` of the group. */
  readonly name: string;
  readonly type: PluralType;
  readonly units: readonly StringUnit[];
}

/** Units and plural groups of a catalog in catalog order. */
export type StringItem = StringUnit | PluralGroup;

export const isPluralGroup = (item: StringItem): item is PluralGroup => 'kind' in item && item.kind === 'plural';

/** Every unit, groups opened, in order. */
export function flatUnits(items: readonly StringItem[]): StringUnit[] {
  return items.flatMap((item) => (isPluralGroup(item) ? [...item.units] : [item]));
}

/** What besides the catalog shapes the units. */
export interface UnitExtras {
  /** The catalog's metadata file (notes, length limits). */
  readonly meta?: CatalogMeta;
  /** Comments from the code, by key as the code uses it (with context, without plural suffix). */
  readonly comments?: ReadonlyMap<string, readonly string[]>;
  /** Keys the code calls with a count, and literal contexts (see `shapeKeys`). */
  readonly hints?: KeyHints;
}

const ORDINAL_NOTE = 'ordinal: the rank, as in "1st, 2nd, 3rd"';

/**
 * The units of a catalog for one target language. Values that are not text are left out (the
 * catalog reader reported them).
 */
export function unitsForLanguage(
  catalog: Catalog,
  language: string,
  options: Pick<StringsOptions, 'pluralSeparator' | 'contextSeparator' | 'contextValues' | 'interpolation' | 'nesting' | 'maxLength'>,
  extras: UnitExtras = {},
): StringItem[] {
  const textEntries = catalog.entries.filter((e): e is CatalogEntry & { text: string } => e.text !== undefined);
  const shapes = shapeKeys(textEntries.map((e) => e.key), options, extras.hints);
  const byKey = new Map(textEntries.map((e) => [e.key, e]));
  const formsByGroup = pluralFormsByGroup(shapes.values());
  const namespace = catalog.namespace;
  const makeUnit = (name: string, entry: CatalogEntry & { text: string }, shape: KeyShape, plural: UnitPlural | undefined): StringUnit => {
    const notes: string[] = [];
    for (const comment of extras.comments?.get(shape.stem) ?? extras.comments?.get(shape.key) ?? []) notes.push(comment);
    const metaNote = metaNoteFor(shape, extras.meta);
    if (metaNote !== undefined) notes.push(metaNote);
    if (plural !== undefined) {
      const examples = pluralExamples(language, plural.category, plural.type);
      notes.push(
        `plural form "${plural.category}" of "${plural.stem}"${plural.type === 'ordinal' ? ` (${ORDINAL_NOTE})` : ''}` +
          `${examples.length > 0 ? `, used for ${examples.join(', ')}…` : ''}; source: the German "${plural.sourceCategory}" form`,
      );
    }
    if (shape.context !== undefined) notes.push(`variant of "${shape.base}" for the context "${shape.context}"`);
    const maxLength = maxLengthFor(namespace, shape, extras.meta, options);
    if (maxLength !== undefined) notes.push(`at most ${maxLength} characters`);
    return {
      id: stringUnitId(namespace, name),
      name,
      namespace,
      sourceKey: entry.key,
      sourceValue: entry.text,
      source: parseCodes(entry.text, options),
      path: entry.path,
      notes,
      plural,
      variant: shape.context === undefined ? undefined : { base: shape.base, context: shape.context },
      maxLength,
      file: catalog.file,
      line: entry.place.line,
      column: entry.place.column,
    };
  };

  const items: StringItem[] = [];
  const emitted = new Set<string>();
  for (const entry of textEntries) {
    const shape = shapes.get(entry.key) as KeyShape;
    if (shape.plural === undefined) {
      items.push(makeUnit(entry.key, entry, shape, undefined));
      continue;
    }
    const type = shape.plural.type;
    const groupKey = pluralGroupKey(shape) as string;
    if (emitted.has(groupKey)) continue;
    emitted.add(groupKey);
    const sourceForms = formsByGroup.get(groupKey) as ReadonlySet<PluralCategory>;
    const groupId = pluralGroupId(namespace, shape.stem, type);
    const units = targetPluralForms(language, type, sourceForms).map((category) => {
      let sourceCategory = sourceFormFor(category, sourceForms);
      let sourceEntry = byKey.get(pluralKey(shape.stem, { category: sourceCategory, type }, options.pluralSeparator));
      if (sourceEntry === undefined) {
        // A German plural key without an "other" form: the first form it has stands in.
        sourceCategory = [...sourceForms][0] as PluralCategory;
        sourceEntry = byKey.get(pluralKey(shape.stem, { category: sourceCategory, type }, options.pluralSeparator)) as CatalogEntry & { text: string };
      }
      const name = pluralKey(shape.stem, { category, type }, options.pluralSeparator);
      return makeUnit(name, sourceEntry, shapes.get(sourceEntry.key) as KeyShape, { group: groupId, stem: shape.stem, type, category, sourceCategory });
    });
    items.push({ kind: 'plural', id: groupId, namespace, name: shape.stem, type, units });
  }
  return items;
}

/** A target as the last round left it. */
export interface PreviousTarget {
  /** The German text the translation was made from. */
  readonly source: string;
  readonly target: string | undefined;
}

/**
 * What becomes of a unit's existing translation when the catalog is read again: kept as it
 * is when the German text is unchanged; kept and marked for review when it was reworded (the
 * id comes from the key, so the history stays with the string).
 */
export function carryTarget(unit: Pick<StringUnit, 'sourceValue'>, previous: PreviousTarget | undefined): { readonly target: string | undefined; readonly needsReview: boolean } {
  if (previous === undefined || previous.target === undefined) return { target: undefined, needsReview: false };
  return { target: previous.target, needsReview: previous.source !== unit.sourceValue };
}
