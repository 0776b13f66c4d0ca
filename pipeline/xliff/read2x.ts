/**
 * The XLIFF 2.x interpreter (2.0, 2.1, 2.2): `<file>` ids, `<unit>` with segments and ignorables,
 * segment states and subStates, notes, `mda:` metadata and `mtc:` matches, one unit at a time as
 * the reader closes it.
 */
import { elementsOf, VOCABULARY, type XmlTreeElement } from '../xml/index.js';
import { isXliffNs, joinContents, NS_MDA, NS_MTC } from './inline.js';
import { applyXmlSpace, compact, EMPTY_MAP, IdSet, languageOf, NONE, parseQuality, readMetadata, summarize, type ReadContext } from './read-context.js';
import { stateFrom2x } from './states.js';
import type { InlineContent, ParsedCandidate, ParsedFile, ParsedIgnorable, ParsedNote, ParsedReviewMark, ParsedSegment } from './types.js';
import { REVIEW_CATEGORY, reviewMark2x } from './review-marks.js';
import { appendAll } from '../lists.js';

/** 2.x units count inside `<xliff><file><group>*`. */
export function inFile2x(ctx: ReadContext, ancestors: readonly XmlTreeElement[]): boolean {
  const [, file, ...groups] = ancestors;
  return file !== undefined && ctx.isCore(file, 'file') && groups.every((g) => ctx.isCore(g, 'group'));
}

/** 2.x file ids are checked as the file opens, before its units are read. */
export function checkFileId2x(ctx: ReadContext, node: XmlTreeElement): void {
  const id = node.attrs.get('id');
  if (id === undefined) {
    ctx.fail('xliff/no-id', '<file> without an id', 'XLIFF 2 files need an id on every <file>; export the file again.', node);
  }
  if (ctx.fileIds.has(id)) {
    ctx.fail('xliff/duplicate-id', `duplicate file id "${id}"`, 'File ids must be unique; export the file again.', node);
  }
  ctx.fileIds.add(id);
}

/** A 2.x `<file>` once its units were read: notes and metadata. */
export function file2x(ctx: ReadContext, node: XmlTreeElement): ParsedFile {
  const notes: ParsedNote[] = [];
  const metadata = new Map<string, string>();
  for (const child of elementsOf(node)) {
    if (ctx.isCore(child, 'notes')) appendAll(notes, notes2x(ctx, child));
    else if (child.uri === NS_MDA && child.local === 'metadata') readMetadata(child, metadata);
  }
  return {
    id: node.attrs.get('id'),
    original: node.attrs.get('original'),
    sourceLanguage: ctx.root?.attrs.get('srcLang'),
    targetLanguage: ctx.root?.attrs.get('trgLang'),
    datatype: undefined,
    notes,
    metadata,
    line: node.line,
  };
}

function notes2x(ctx: ReadContext, node: XmlTreeElement): ParsedNote[] {
  return elementsOf(node).filter((n) => ctx.isCore(n, 'note')).map((n) => ctx.note(n, '2x'));
}

/** Reads a closed `<unit>` (inside `groups`, innermost last) into `ctx.units` (or `onUnit`). */
export function readUnit2x(ctx: ReadContext, node: XmlTreeElement, fileIndex: number, groups: readonly XmlTreeElement[], seen: IdSet): void {
  const id = node.attrs.get('id');
  if (id === undefined || id === '') {
    ctx.fail('xliff/no-id', '<unit> without an id', 'Every unit needs the id it was exported with; export the file again.', node);
  }
  ctx.checkUnique(seen, id, node, 'unit');
  const segments: ParsedSegment[] = [];
  const ignorables: ParsedIgnorable[] = [];
  const notes: ParsedNote[] = [];
  const candidates: ParsedCandidate[] = [];
  const metadata = new Map<string, string>();
  const extensions: string[] = [];
  let reviewMarks: ParsedReviewMark[] | undefined;
  const wholeSource: InlineContent[] = [];
  /** Per part (segment or ignorable, in source order): what it adds to the unit's target, and its `order`. */
  const targetParts: Array<InlineContent | undefined> = [];
  const orders: Array<string | undefined> = [];
  let anyTarget = false;
  let anyOrder = false;
  const segmentIds = new IdSet(segments, 0);
  for (const child of elementsOf(node)) {
    if (ctx.isCore(child, 'segment') || ctx.isCore(child, 'ignorable')) {
      const ignorable = child.local === 'ignorable';
      const kids = elementsOf(child);
      const sourceEl = kids.find((k) => ctx.isCore(k, 'source'));
      if (sourceEl === undefined) {
        ctx.fail('xliff/no-source', `a <${child.local}> of unit "${id}" has no <source>`, 'The unit was damaged; export the file again.', child, { unit: id });
      }
      const targetEl = kids.find((k) => ctx.isCore(k, 'target'));
      applyXmlSpace(sourceEl, child, node, groups);
      applyXmlSpace(targetEl, child, node, groups);
      // An ignorable's source stands in for its target in the unit's whole target: keep its tree too.
      const source = ctx.content(sourceEl, ignorable) as InlineContent;
      const target = ctx.content(targetEl, true);
      wholeSource.push(source);
      if (target !== undefined) anyTarget = true;
      targetParts.push(target ?? (ignorable ? source : undefined));
      const order = targetEl?.attrs.get('order');
      orders.push(order);
      if (order !== undefined) anyOrder = true;
      if (ignorable) {
        ignorables.push({ source, target, after: segments.length - 1 });
        continue;
      }
      const segId = child.attrs.get('id');
      if (segId !== undefined) ctx.checkUnique(segmentIds, segId, child, `segment (unit "${id}")`);
      const rawState = VOCABULARY.get(child.attrs.get('state'));
      const subState = VOCABULARY.get(child.attrs.get('subState'));
      const meaning = stateFrom2x(rawState, subState);
      ctx.noteState(meaning, rawState, child, id);
      segments.push({ id: segId, source, target, rawState, subState, state: meaning.state, needsReview: meaning.needsReview, targetLanguage: languageOf(targetEl), line: child.line });
    } else if (ctx.isCore(child, 'notes')) {
      appendAll(notes, notes2x(ctx, child));
    } else if (child.uri === NS_MDA && child.local === 'metadata') {
      readMetadata(child, metadata);
      for (const group of elementsOf(child)) {
        if (group.uri !== NS_MDA || group.local !== 'metaGroup' || group.attrs.get('category') !== REVIEW_CATEGORY) continue;
        const metas = new Map<string, string>();
        readMetadata(group, metas);
        const mark = reviewMark2x(new Map([...metas].map(([key, value]) => [key.slice(key.indexOf('/') + 1), value])));
        if (mark !== undefined) (reviewMarks ??= []).push(mark);
      }
    } else if (child.uri === NS_MTC && child.local === 'matches') {
      for (const m of elementsOf(child)) {
        if (m.uri !== NS_MTC || m.local !== 'match') continue;
        const candidate = match2x(ctx, m);
        if (candidate !== undefined) candidates.push(candidate);
      }
    } else if (!isXliffNs(child.uri)) {
      ctx.foreign(child, extensions);
    }
  }
  const summary = summarize(segments);
  const targetOrder = anyOrder ? placement(ctx, orders, node, id) : undefined;
  const shown = targetOrder === undefined ? targetParts : targetOrder.map((part) => targetParts[part]);
  const wholeTarget = shown.filter((part): part is InlineContent => part !== undefined);
  ctx.emit({
    id,
    fileIndex,
    groups: ctx.groupIds(groups),
    type: VOCABULARY.get(node.attrs.get('type')),
    name: node.attrs.get('name'),
    approved: undefined,
    translate: node.attrs.get('translate') !== 'no',
    source: joinContents(wholeSource),
    target: anyTarget ? joinContents(wholeTarget, true) : undefined,
    ...(targetOrder === undefined ? {} : { targetOrder }),
    rawState: undefined,
    state: summary.state,
    needsReview: summary.needsReview,
    segments: compact(segments),
    ignorables: compact(ignorables),
    notes: compact(notes),
    candidates: compact(candidates),
    metadata: metadata.size === 0 ? EMPTY_MAP : metadata,
    extensions: compact(extensions),
    contexts: NONE,
    attributes: ctx.attributes(node),
    ...(reviewMarks === undefined ? {} : { reviewMarks }),
    line: node.line,
    column: node.column,
  });
}

/**
 * Where each target of a unit is shown (XLIFF 2, `order` on `<target>`: a translator moved a
 * sentence): for each position, the index of the part whose target goes there. Orders that are not
 * a permutation of the positions (repeated, out of range, not a number) are read as source order,
 * with a warning; a real reordering gets a notice, and undefined means source order.
 */
function placement(ctx: ReadContext, orders: ReadonlyArray<string | undefined>, node: XmlTreeElement, unit: string): number[] | undefined {
  const n = orders.length;
  const at: number[] = new Array<number>(n).fill(-1);
  for (let part = 0; part < n; part += 1) {
    const raw = orders[part];
    const position = raw === undefined ? part + 1 : /^[1-9]\d*$/u.test(raw) ? Number(raw) : Number.NaN;
    if (!(position >= 1 && position <= n) || at[position - 1] !== -1) {
      ctx.warn(
        'xliff/target-order',
        `the order attributes of the targets of unit "${unit}" do not give each of its ${n} positions one target; read in source order`,
        'Each <target order> must be a distinct position from 1 to the number of segments and ignorables; move the sentences again in the translation tool.',
        node,
        unit,
      );
      return undefined;
    }
    at[position - 1] = part;
  }
  if (at.every((part, position) => part === position)) return undefined;
  ctx.warn(
    'xliff/target-order',
    `the translation of unit "${unit}" puts its sentences in another order; each sentence is published with the translation placed at its position`,
    'Nothing to do, unless the order was changed by mistake.',
    node,
    unit,
    'info',
  );
  return at;
}

/** An `<mtc:match>` with a target, as a candidate. */
function match2x(ctx: ReadContext, node: XmlTreeElement): ParsedCandidate | undefined {
  const kids = elementsOf(node);
  const target = ctx.content(kids.find((k) => ctx.isCore(k, 'target')), true);
  if (target === undefined) return undefined;
  return {
    source: ctx.content(kids.find((k) => ctx.isCore(k, 'source')))?.text,
    target,
    quality: parseQuality(node.attrs.get('similarity') ?? node.attrs.get('matchQuality')),
    origin: node.attrs.get('origin'),
    // Our own kinds travel in subType (`l10n:previous-version`), the matches module's in type.
    type: subTypeKind(node.attrs.get('subType')) ?? node.attrs.get('type'),
    ref: node.attrs.get('ref'),
  };
}

function subTypeKind(subType: string | undefined): string | undefined {
  return subType?.startsWith('l10n:') === true ? subType.slice('l10n:'.length) : undefined;
}
