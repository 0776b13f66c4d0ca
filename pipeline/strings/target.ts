/**
 * Translated catalogs: the German catalog's layout and order, the target language's plural
 * forms, and only the keys that have a translation (i18next falls back to the German text at run
 * time for the rest, so a missing key never shows an empty string).
 */
import { formatCatalog, type Catalog, type CatalogLeaf } from './catalog.js';
import { pluralFormsByGroup, pluralGroupKey, pluralKey, shapeKeys, type KeyHints } from './keys.js';
import type { StringsOptions } from './options.js';
import { targetPluralForms, type PluralCategory } from './plurals.js';

export interface TargetCatalog {
  /** The catalog text, or undefined when no key of the namespace is translated. */
  readonly text: string | undefined;
  /** Keys written, in order. */
  readonly keys: readonly string[];
  /** Translations whose key the German catalog does not have (nothing is written for them). */
  readonly unknownKeys: readonly string[];
}

/**
 * Writes the translations of one namespace into one language (`translations` by target key,
 * e.g. `comments_many`). A plural key's forms are written where the German forms are, in the
 * target language's CLDR order.
 */
export function buildTargetCatalog(
  source: Catalog,
  language: string,
  translations: ReadonlyMap<string, string>,
  options: Pick<StringsOptions, 'pluralSeparator' | 'contextSeparator' | 'contextValues'>,
  hints: KeyHints = {},
): TargetCatalog {
  const textEntries = source.entries.filter((e) => e.text !== undefined);
  const shapes = shapeKeys(textEntries.map((e) => e.key), options, hints);
  const formsByGroup = pluralFormsByGroup(shapes.values());
  const leaves: CatalogLeaf[] = [];
  const written: string[] = [];
  const done = new Set<string>();
  for (const entry of textEntries) {
    const shape = shapes.get(entry.key);
    if (shape === undefined) continue;
    if (shape.plural === undefined) {
      const text = translations.get(entry.key);
      if (text !== undefined) {
        leaves.push({ path: entry.path, text });
        written.push(entry.key);
      }
      continue;
    }
    const { type } = shape.plural;
    const groupKey = pluralGroupKey(shape) as string;
    if (done.has(groupKey)) continue;
    done.add(groupKey);
    // The plural suffix ends the last member name, in a nested catalog as in a flat one.
    const suffixLength = entry.key.length - shape.stem.length;
    const last = entry.path.at(-1) as string;
    for (const category of targetPluralForms(language, type, formsByGroup.get(groupKey) as ReadonlySet<PluralCategory>)) {
      const key = pluralKey(shape.stem, { category, type }, options.pluralSeparator);
      const text = translations.get(key);
      if (text === undefined) continue;
      leaves.push({ path: [...entry.path.slice(0, -1), last.slice(0, last.length - suffixLength) + key.slice(shape.stem.length)], text });
      written.push(key);
    }
  }
  const writtenSet = new Set(written);
  const unknownKeys = [...translations.keys()].filter((k) => !writtenSet.has(k));
  if (leaves.length === 0) return { text: undefined, keys: written, unknownKeys };
  return { text: formatCatalog(leaves, source.layout).text, keys: written, unknownKeys };
}
