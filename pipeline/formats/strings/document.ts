/**
 * A German i18next catalog as a document of the model, and its view for one target language.
 *
 * One block per key (kind `string`) or per plural key (kind `plural`, one segment per form), one
 * segment per unit, never split into sentences: the segment is the value as text with its inline
 * codes (`{{count}}`, `$t(key)`, `<1>…</1>`), named by its key and with an id from the namespace
 * and the key (`pipeline/ids.ts`). The source document has the source language's plural forms;
 * the view of a target language has that language's (French: one, many, other), each form's
 * segment a copy of the German form it is translated from, term spans included, with the notes
 * that say which counts the form is for.
 */
import { pluralGroupId, stringBlockId, stringUnitId } from '../../ids.js';
import type { Block, Document, Segment, SegmentResource } from '../../model.js';
import type { Catalog, CatalogEntry } from '../../strings/catalog.js';
import { parseCodes } from '../../strings/codes.js';
import { shapeKeys } from '../../strings/keys.js';
import type { CatalogMeta } from '../../strings/meta.js';
import type { StringsOptions } from '../../strings/options.js';
import { isPluralGroup, unitsForLanguage, type StringItem, type StringUnit } from '../../strings/units.js';

/** What a catalog document carries besides the model: the catalog it was read from, for the writer. */
export interface StringsDocument extends Document {
  readonly strings: {
    readonly catalog: Catalog;
    readonly meta: CatalogMeta | undefined;
  };
}

/** True when a document was made by the strings format. */
export function isStringsDocument(doc: Document): doc is StringsDocument {
  return 'strings' in doc && typeof (doc as StringsDocument).strings === 'object';
}

/** The options units are made with. */
export type UnitOptions = Pick<StringsOptions, 'pluralSeparator' | 'contextSeparator' | 'contextValues' | 'interpolation' | 'nesting' | 'maxLength'>;

/** Comments from the code, by key as the code uses it (notes for translators). */
export type CodeComments = ReadonlyMap<string, readonly string[]>;

/** The range of a catalog value in the file's text: inside its quotes. */
function valueRange(entry: CatalogEntry): { start: number; end: number } {
  const start = entry.place.offset + 1;
  return { start, end: Math.max(start, (entry.end ?? start + 1) - 1) };
}

/**
 * What translators see of where a key is: its namespace and its path in the catalog (for a
 * plural form the target language adds, `card › comments_many`, beside the German forms).
 */
function contextOf(unit: StringUnit): SegmentResource['context'] {
  let path = unit.path;
  if (unit.plural !== undefined && unit.name !== unit.sourceKey) {
    const last = path.at(-1) ?? '';
    const suffix = unit.sourceKey.length - unit.plural.stem.length;
    path = [...path.slice(0, -1), last.slice(0, last.length - suffix) + unit.name.slice(unit.plural.stem.length)];
  }
  return [
    ['namespace', unit.namespace],
    ['key path', path.join(' › ')],
  ];
}

function resourceOf(unit: StringUnit): SegmentResource {
  return {
    name: unit.name,
    notes: unit.notes,
    context: contextOf(unit),
    ...(unit.maxLength === undefined ? {} : { maxLength: unit.maxLength }),
    ...(unit.plural === undefined ? {} : { plural: { category: unit.plural.category, type: unit.plural.type } }),
  };
}

/** A unit as a segment; `from` (the source language's segment of its German key) gives it term spans. */
function segmentOf(unit: StringUnit, entry: CatalogEntry, from: Segment | undefined): Segment {
  const { start, end } = valueRange(entry);
  return {
    id: unit.id,
    text: unit.source.text,
    codes: unit.source.codes,
    start,
    end,
    spans: from === undefined ? [] : from.spans,
    resource: resourceOf(unit),
  };
}

/** A block of segments; its range covers theirs, its gaps are empty (nothing of the JSON is translated). */
function blockOf(item: StringItem, namespace: string, segments: Segment[]): Block {
  const plural = isPluralGroup(item);
  return {
    id: plural ? item.id : stringBlockId(namespace, item.name),
    kind: plural ? 'plural' : 'string',
    start: Math.min(...segments.map((s) => s.start)),
    end: Math.max(...segments.map((s) => s.end)),
    glued: false,
    ...(plural ? { resource: { name: item.name } } : {}),
    segments,
    gaps: segments.map(() => EMPTY).concat(EMPTY),
  };
}

const EMPTY = Object.freeze({ text: '', codes: Object.freeze([]) });

/** Blocks of `items`, segments copied from `sources` by German key. */
function blocksOf(items: readonly StringItem[], catalog: Catalog, sources: ReadonlyMap<string, Segment> | undefined): Block[] {
  const entries = new Map(catalog.entries.map((e) => [e.key, e]));
  return items.map((item) => {
    const units = isPluralGroup(item) ? item.units : [item];
    const segments = units.map((unit) => segmentOf(unit, entries.get(unit.sourceKey) as CatalogEntry, sources?.get(unit.sourceKey)));
    return blockOf(item, catalog.namespace, segments);
  });
}

/**
 * The source document of a German catalog. Every German text is a segment: a plural form the
 * source language does not use itself (a German `_many`) joins its group as a segment of its
 * own, since a target language's form is translated from it (and its terms are marked there).
 */
export function sourceDocument(
  catalog: Catalog,
  text: string,
  where: { readonly name: string; readonly path: string; readonly language: string },
  options: UnitOptions,
  meta: CatalogMeta | undefined,
  comments: CodeComments | undefined,
): StringsDocument {
  const items = unitsForLanguage(catalog, where.language, options, { ...(meta === undefined ? {} : { meta }), ...(comments === undefined ? {} : { comments }) });
  const blocks = blocksOf(items, catalog, undefined);
  const covered = new Set(blocks.flatMap((b) => b.segments.map((s) => s.resource?.name)));
  const leftovers = catalog.entries.filter((e): e is CatalogEntry & { text: string } => e.text !== undefined && !covered.has(e.key));
  if (leftovers.length > 0) {
    const shapes = shapeKeys(catalog.entries.filter((e) => e.text !== undefined).map((e) => e.key), options);
    for (const entry of leftovers) {
      const coded = parseCodes(entry.text, options);
      const { start, end } = valueRange(entry);
      const segment: Segment = {
        id: stringUnitId(catalog.namespace, entry.key),
        text: coded.text,
        codes: coded.codes,
        start,
        end,
        spans: [],
        resource: { name: entry.key, notes: [], context: [['namespace', catalog.namespace], ['key path', entry.path.join(' › ')]] },
      };
      const plural = shapes.get(entry.key)?.plural;
      const stem = shapes.get(entry.key)?.stem ?? entry.key;
      const group = plural === undefined ? undefined : blocks.find((b) => b.id === pluralGroupId(catalog.namespace, stem, plural.type));
      if (group !== undefined) group.segments.push(segment);
      else blocks.push({ id: stringBlockId(catalog.namespace, entry.key), kind: 'string', start, end, glued: false, segments: [segment], gaps: [EMPTY, EMPTY] });
    }
  }
  // Ranges and gaps again: a group may have grown.
  const complete = blocks.map((b) => ({ ...b, start: Math.min(...b.segments.map((s) => s.start)), end: Math.max(...b.segments.map((s) => s.end)), gaps: b.segments.map(() => EMPTY).concat(EMPTY) }));
  return { name: where.name, path: where.path, language: where.language, text, blocks: complete, strings: { catalog, meta } };
}

/**
 * The view of a target language: the same keys, each plural key with the forms `language`
 * needs, each form's segment carrying the term spans of the German form it comes from.
 */
export function languageView(source: StringsDocument, language: string, options: UnitOptions, comments: CodeComments | undefined): StringsDocument {
  const { catalog, meta } = source.strings;
  const sources = new Map<string, Segment>();
  for (const block of source.blocks) for (const segment of block.segments) if (segment.resource !== undefined) sources.set(segment.resource.name, segment);
  const items = unitsForLanguage(catalog, language, options, { ...(meta === undefined ? {} : { meta }), ...(comments === undefined ? {} : { comments }) });
  return { ...source, blocks: blocksOf(items, catalog, sources) };
}
