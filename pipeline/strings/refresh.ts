/**
 * Refreshing a German catalog from the code: keys the code uses stay, keys it no longer uses
 * move to the aside file (`<ns>.aside.json`) with their text, keys that come back are restored
 * from there with the text they had, and new keys get the code's default text. The German
 * catalog stays the source of truth for existing texts: a default in the code never overwrites
 * an edited text (a difference is reported).
 *
 * A key counts as used when the code asks for it (`t('card.readMore')`), when it is a plural
 * form of a key the code calls with a count (all forms, `_zero` included), a variant of a key
 * the code calls with a context, the base key of such a call (i18next's fallback), or when a
 * German value nests it (`$t(common:nav.home)`).
 */
import type { Message } from '../model.js';
import { formatCatalog, newLayout, pathForKey, type Catalog, type CatalogEntry, type CatalogLayout, type CatalogLeaf } from './catalog.js';
import { nestingReference, parseCodes } from './codes.js';
import { requiredKeys, type KeyUse } from './extract.js';
import { pluralGroupKey, shapeKeys } from './keys.js';
import { isKept, type StringsOptions } from './options.js';

/** A catalog leaf with its key: an entry as read, or one the refresh adds. */
export interface KeyedLeaf extends CatalogLeaf {
  readonly key: string;
}

/** Keys that German values nest (`$t(…)`), per namespace. */
export interface NestedKeys {
  readonly keys: ReadonlySet<string>;
  /** Keys nested with a count (`$t(items, {"count": 2})`). */
  readonly counted: ReadonlySet<string>;
}

/** The keys every catalog's values nest, by the namespace they point into. */
export function nestedKeysOf(catalogs: readonly Catalog[], options: Pick<StringsOptions, 'nsSeparator' | 'interpolation' | 'nesting'>): ReadonlyMap<string, NestedKeys> {
  const result = new Map<string, { keys: Set<string>; counted: Set<string> }>();
  for (const catalog of catalogs) {
    for (const entry of catalog.entries) {
      if (entry.text === undefined || !entry.text.includes(options.nesting.prefix)) continue;
      for (const code of parseCodes(entry.text, options).codes) {
        if (code.type !== 'nesting') continue;
        const reference = nestingReference(code.data, options.nesting);
        let namespace = catalog.namespace;
        let key = reference.key;
        if (options.nsSeparator !== false && key.includes(options.nsSeparator)) {
          const parts = key.split(options.nsSeparator);
          namespace = parts.shift() as string;
          key = parts.join(options.nsSeparator);
        }
        const slot = result.get(namespace) ?? { keys: new Set<string>(), counted: new Set<string>() };
        slot.keys.add(key);
        if (reference.counted) slot.counted.add(key);
        result.set(namespace, slot);
      }
    }
  }
  return result;
}

export interface RefreshInput {
  readonly namespace: string;
  /** The catalog's path, for messages about keys to add. */
  readonly file: string;
  /** The German catalog as read; undefined when there is none yet. */
  readonly catalog: Catalog | undefined;
  /** Its aside file as read; undefined when there is none. */
  readonly aside: Catalog | undefined;
  /** The uses of this namespace's keys. */
  readonly uses: readonly KeyUse[];
  /** Keys of this namespace that German values nest. */
  readonly nested?: NestedKeys | undefined;
}

export interface RefreshResult {
  readonly namespace: string;
  /** The refreshed catalog's leaves, in order, and its text. */
  readonly entries: readonly KeyedLeaf[];
  readonly catalogText: string;
  /** The aside file's leaves and text; no text when nothing is set aside. */
  readonly aside: readonly KeyedLeaf[];
  readonly asideText: string | undefined;
  /** Keys added with the code's default text. */
  readonly added: readonly string[];
  /** Keys brought back from the aside file. */
  readonly restored: readonly string[];
  /** Keys moved to the aside file. */
  readonly setAside: readonly string[];
  readonly messages: readonly Message[];
}

const SOURCE = 'strings-extract';

/** Refreshes one namespace's German catalog and aside file from the code's uses (see the module comment). */
export function refreshNamespace(input: RefreshInput, options: StringsOptions): RefreshResult {
  const messages: Message[] = [];
  const layout: CatalogLayout = input.catalog?.layout ?? newLayout(options.newCatalogStyle, options.newCatalogIndent);
  const catalogEntries = input.catalog?.entries ?? [];
  const asideEntries = input.aside?.entries ?? [];
  const usePlace = (use: KeyUse): Pick<Message, 'file' | 'line' | 'column'> => ({ file: use.file, ...(use.line === undefined ? {} : { line: use.line, column: use.column }) });

  // What the code asks for, in the order it first asks.
  const required = new Map<string, { defaultValue: string | undefined; use: KeyUse }>();
  const counted = new Set<string>();
  const contextBases = new Set<string>();
  const literalContexts = new Set<string>();
  const plainUsed = new Set<string>(input.nested?.keys ?? []);
  for (const key of input.nested?.counted ?? []) counted.add(`cardinal\u0000${key}`);
  for (const use of input.uses) {
    if (use.count) counted.add(`${use.ordinal ? 'ordinal' : 'cardinal'}\u0000${use.stem}`); // as pluralGroupKey spells it
    if (use.context !== undefined) contextBases.add(use.key);
    if (use.context !== undefined && use.context !== '') literalContexts.add(use.context);
    for (const need of requiredKeys(use, options.sourceLanguage, options.pluralSeparator)) {
      const known = required.get(need.key);
      if (known === undefined) required.set(need.key, { defaultValue: need.defaultValue, use });
      else if (need.defaultValue !== undefined && known.defaultValue !== undefined && need.defaultValue !== known.defaultValue) {
        messages.push({
          reason: `"${need.key}" has another default text here than at ${known.use.file}${known.use.line === undefined ? '' : `:${known.use.line}`}: "${need.defaultValue}" / "${known.defaultValue}"`,
          ruleId: 'strings/conflicting-defaults', source: SOURCE, severity: 'warning', ...usePlace(use),
          hint: 'give both uses the same default text, or use two keys',
        });
      } else if (known.defaultValue === undefined && need.defaultValue !== undefined) required.set(need.key, { defaultValue: need.defaultValue, use: known.use });
    }
  }
  const countedStems = new Set([...counted].map((c) => c.slice(c.indexOf('\u0000') + 1)));
  const allKeys = [...new Set([...catalogEntries.map((e) => e.key), ...asideEntries.map((e) => e.key), ...required.keys()])];
  const shapes = shapeKeys(allKeys, options, { countedStems, contextValues: [...literalContexts] });
  const isUsed = (key: string): boolean => {
    if (required.has(key) || plainUsed.has(key) || isKept(input.namespace, key, options.keep, options.nsSeparator)) return true;
    const shape = shapes.get(key);
    if (shape === undefined) return false;
    const group = pluralGroupKey(shape);
    if (group !== undefined && counted.has(group)) return true;
    return contextBases.has(shape.base) && (shape.context !== undefined || key === shape.base);
  };

  // Keep what is used, set the rest aside.
  const entries: KeyedLeaf[] = [];
  const present = new Set<string>();
  const setAside: KeyedLeaf[] = [];
  for (const entry of catalogEntries) {
    if (isUsed(entry.key)) {
      entries.push(entry);
      present.add(entry.key);
    } else {
      setAside.push(entry);
      messages.push({
        reason: `"${entry.key}" is no longer used in the code: moved to the aside file, where it waits with its text`,
        ruleId: 'strings/key-set-aside', source: SOURCE, severity: 'info', file: input.catalog?.file ?? input.file, line: entry.keyPlace.line, column: entry.keyPlace.column,
        hint: 'it comes back with its text when the code uses the key again',
      });
    }
  }

  // Bring back what is used again, add what is new.
  const asideByKey = new Map(asideEntries.map((e) => [e.key, e]));
  const restored: string[] = [];
  const added: string[] = [];
  const restore = (entry: CatalogEntry, use: KeyUse | undefined): void => {
    entries.push({ key: entry.key, path: pathForKey(entry.key, layout.style, options.keySeparator), text: entry.text, other: entry.other });
    present.add(entry.key);
    restored.push(entry.key);
    asideByKey.delete(entry.key);
    messages.push({
      reason: `"${entry.key}" is used again: restored from the aside file with its text`,
      ruleId: 'strings/key-restored', source: SOURCE, severity: 'info', ...(use === undefined ? { file: input.file } : usePlace(use)),
    });
  };
  const restoreGroup = (key: string, use: KeyUse | undefined): void => {
    // The other forms and variants of a returning key come back with it, in their aside order.
    const stem = shapes.get(key)?.stem ?? key;
    for (const entry of asideEntries) {
      if (!present.has(entry.key) && asideByKey.has(entry.key) && entry.key !== key && (shapes.get(entry.key)?.stem ?? entry.key) === stem && isUsed(entry.key)) restore(entry, use);
    }
  };
  const missing = new Map<string, KeyUse>();
  for (const [key, { defaultValue, use }] of required) {
    if (present.has(key)) {
      const text = catalogEntries.find((e) => e.key === key)?.text;
      if (defaultValue !== undefined && text !== undefined && text !== defaultValue) {
        messages.push({
          reason: `the code's default text for "${key}" differs from the German catalog, which is kept: "${defaultValue}" / "${text}"`,
          ruleId: 'strings/default-differs', source: SOURCE, severity: 'info', ...usePlace(use),
          hint: 'edit the German text in the catalog; the default in the code is only used for a new key',
        });
      }
      continue;
    }
    const fromAside = asideByKey.get(key);
    if (fromAside !== undefined) {
      restore(fromAside, use);
      restoreGroup(key, use);
      continue;
    }
    if (defaultValue !== undefined) {
      entries.push({ key, path: pathForKey(key, layout.style, options.keySeparator), text: defaultValue });
      present.add(key);
      added.push(key);
      messages.push({ reason: `"${key}" is new: added with the code's default text`, ruleId: 'strings/key-added', source: SOURCE, severity: 'info', ...usePlace(use) });
      continue;
    }
    missing.set(key, use);
  }
  // Forms and variants in the aside file that count as used (a key nested again, a context back in use).
  for (const entry of asideEntries) {
    if (asideByKey.has(entry.key) && !present.has(entry.key) && isUsed(entry.key)) restore(entry, undefined);
  }
  for (const [key, use] of missing) {
    messages.push({
      reason: `"${input.namespace}:${key}" is used in the code but has no German text`,
      ruleId: 'strings/no-source-text', source: SOURCE, severity: 'warning', ...usePlace(use),
      hint: `add "${key}" to ${input.file}, or give the call a default text (t('${key}', '…'))`,
    });
  }
  for (const use of input.uses) {
    if (use.context !== '') continue;
    const anyVariant = [...present].some((k) => { const s = shapes.get(k); return s?.base === use.key; });
    if (!anyVariant && !missing.has(use.key)) {
      missing.set(use.key, use);
      messages.push({
        reason: `"${input.namespace}:${use.key}" is used with a context computed at run time, but neither the key nor any variant of it has a German text`,
        ruleId: 'strings/no-source-text', source: SOURCE, severity: 'warning', ...usePlace(use),
        hint: `add "${use.key}" (the fallback) and its variants, e.g. "${use.key}${options.contextSeparator}${options.contextValues[0] ?? 'male'}", to ${input.file}`,
      });
    }
  }

  // The aside file: what waited and was not restored, then what was set aside now (newer replaces older).
  const setAsideKeys = new Set(setAside.map((e) => e.key));
  const aside: KeyedLeaf[] = [
    ...asideEntries.filter((e) => asideByKey.has(e.key) && !setAsideKeys.has(e.key)),
    ...setAside.map((e) => ({ key: e.key, path: pathForKey(e.key, input.aside?.layout.style ?? layout.style, options.keySeparator), text: e.text, other: e.other })),
  ];
  const placed = placeAll(entries, layout, options.keySeparator);
  for (const leaf of placed.unplaced) {
    // Kept in the aside file rather than lost.
    aside.push(leaf);
    messages.push({
      reason: `"${leaf.key}" cannot be placed in the catalog beside the keys it shares levels with; it is kept in the aside file`,
      ruleId: 'strings/key-conflict', source: SOURCE, severity: 'error', file: input.file,
      hint: 'rename one of the keys: a key cannot be both a text and a group of keys',
    });
  }
  const catalogText = placed.text;
  const asideLayout = input.aside?.layout ?? layout;
  const asideText = aside.length === 0 ? undefined : placeAll(aside, asideLayout, options.keySeparator).text;
  const unplaced = new Set(placed.unplaced);
  return { namespace: input.namespace, entries: entries.filter((e) => !unplaced.has(e)), catalogText, aside, asideText, added, restored, setAside: setAside.map((e) => e.key), messages };
}

/**
 * Formats leaves so that every key finds a place: when a key is both a text and a group of
 * keys (`card` and `card.title`), the keys inside the group are written flat (`"card.title"`
 * at the root), where i18next finds them after the path lookup fails; a key whose levels run
 * into a text is written flat likewise. Returns the leaves that still found no place (none in
 * practice: a flat key clashes only with an equal key, which is never added twice).
 */
function placeAll(leaves: KeyedLeaf[], layout: CatalogLayout, keySeparator: string | false): { text: string; unplaced: readonly KeyedLeaf[] } {
  const flat = (leaf: KeyedLeaf): KeyedLeaf => ({ ...leaf, path: [leaf.path.join(keySeparator || '.')] });
  let result = formatCatalog(leaves, layout);
  for (let round = 0; round < 3 && result.conflicts.length > 0; round++) {
    const conflicting = new Set(result.conflicts);
    const groupsToFlatten: (readonly string[])[] = [];
    for (const leaf of result.conflicts) {
      const isGroup = (other: KeyedLeaf): boolean => other !== leaf && other.path.length > leaf.path.length && leaf.path.every((p, i) => other.path[i] === p);
      if (leaves.some(isGroup)) groupsToFlatten.push(leaf.path);
    }
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i] as KeyedLeaf;
      const inGroup = groupsToFlatten.some((g) => leaf.path.length > g.length && g.every((p, j) => leaf.path[j] === p));
      if (inGroup || (conflicting.has(leaf) && !groupsToFlatten.includes(leaf.path))) leaves[i] = flat(leaf);
    }
    result = formatCatalog(leaves, layout);
  }
  return { text: result.text, unplaced: result.conflicts as KeyedLeaf[] };
}
