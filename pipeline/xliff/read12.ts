/**
 * The XLIFF 1.2 interpreter: `<file>`, `<trans-unit>` with `<seg-source>` segmentation, states,
 * `approved`, notes and `<alt-trans>` candidates, one unit at a time as the reader closes it.
 */
import { elementsOf, VOCABULARY, type XmlTreeElement } from '../xml/index.js';
import { contentOf, isXliffNs, segmentMarks } from './inline.js';
import { compact, EMPTY_MAP, NONE, parseQuality, toInline, type IdSet, type ReadContext } from './read-context.js';
import { stateFrom12, STATES_12, type StateMeaning } from './states.js';
import type { InlineContent, ParsedCandidate, ParsedFile, ParsedNote, ParsedSegment } from './types.js';

/** 1.2 units count inside `<xliff><file><body><group>*`, nowhere else. */
export function inBody12(ctx: ReadContext, ancestors: readonly XmlTreeElement[]): boolean {
  // Indexes, not a destructured rest: this runs for every closing unit and group.
  const file = ancestors[1];
  const body = ancestors[2];
  if (file === undefined || !ctx.isCore(file, 'file') || body === undefined || !ctx.isCore(body, 'body')) return false;
  for (let i = 3; i < ancestors.length; i += 1) if (!ctx.isCore(ancestors[i] as XmlTreeElement, 'group')) return false;
  return true;
}

/** A 1.2 `<file>` once its units were read: languages, original and header notes. */
export function file12(ctx: ReadContext, node: XmlTreeElement): ParsedFile {
  const notes: ParsedNote[] = [];
  for (const child of elementsOf(node)) {
    if (ctx.isCore(child, 'header')) {
      for (const h of elementsOf(child)) if (ctx.isCore(h, 'note')) notes.push(ctx.note(h, '1.2'));
    }
  }
  return {
    id: undefined,
    original: node.attrs.get('original'),
    sourceLanguage: node.attrs.get('source-language'),
    targetLanguage: node.attrs.get('target-language'),
    datatype: node.attrs.get('datatype'),
    notes,
    metadata: EMPTY_MAP,
    line: node.line,
  };
}

/** Reads a closed `<trans-unit>` (inside `groups`, innermost last) into `ctx.units`. */
export function readUnit12(
  ctx: ReadContext,
  node: XmlTreeElement,
  fileIndex: number,
  groups: readonly XmlTreeElement[],
  seen: IdSet,
): void {
  const id = node.attrs.get('id');
  if (id === undefined || id === '') {
    ctx.fail('xliff/no-id', '<trans-unit> without an id.', 'Every unit needs the id it was exported with; export the file again.', node);
  }
  ctx.checkUnique(seen, id, node, 'trans-unit');
  // One pass over the children (the first of each kind counts, as `find` would), no closures.
  let sourceEl: XmlTreeElement | undefined;
  let segSourceEl: XmlTreeElement | undefined;
  let targetEl: XmlTreeElement | undefined;
  let others = false;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (ctx.isCore(child, 'source')) sourceEl ??= child;
    else if (ctx.isCore(child, 'seg-source')) segSourceEl ??= child;
    else if (ctx.isCore(child, 'target')) targetEl ??= child;
    else others = true;
  }
  if (sourceEl === undefined) {
    ctx.fail('xliff/no-source', `<trans-unit id="${id}"> has no <source>.`, 'The unit was damaged; export the file again.', node, { unit: id });
  }
  const source = contentOf(toInline(sourceEl.children));
  const target = ctx.content(targetEl, true);
  const approvedRaw = node.attrs.get('approved');
  const approved = approvedRaw === undefined ? undefined : approvedRaw === 'yes';
  const rawState = VOCABULARY.get(targetEl?.attrs.get('state'));
  const subState = VOCABULARY.get(targetEl?.attrs.get('state-qualifier'));
  const meaning = stateFrom12(rawState, target !== undefined && target.text.trim() !== '', approved);
  if (rawState !== undefined && !STATES_12.includes(rawState)) ctx.noteState(meaning, rawState, targetEl ?? node, id);

  const segments = segSourceEl === undefined
    ? [wholeSegment(source, target, rawState, subState, meaning, node.line)]
    : segments12(ctx, segSourceEl, targetEl, rawState, subState, meaning, id);

  let notes: readonly ParsedNote[] = NONE;
  let candidates: readonly ParsedCandidate[] = NONE;
  let extensions: readonly string[] = NONE;
  if (others) {
    const noteList: ParsedNote[] = [];
    const candidateList: ParsedCandidate[] = [];
    const extensionList: string[] = [];
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (ctx.isCore(child, 'note')) noteList.push(ctx.note(child, '1.2'));
      else if (ctx.isCore(child, 'alt-trans')) {
        const candidate = altTrans(ctx, child);
        if (candidate !== undefined) candidateList.push(candidate);
      } else if (!isXliffNs(child.uri)) ctx.foreign(child, extensionList);
    }
    notes = compact(noteList);
    candidates = compact(candidateList);
    extensions = compact(extensionList);
  }
  let restype: string | undefined;
  for (const g of groups) restype = g.attrs.get('restype') ?? restype;
  ctx.units.push({
    id,
    fileIndex,
    groups: ctx.groupIds(groups),
    type: VOCABULARY.get(node.attrs.get('restype') ?? restype),
    name: node.attrs.get('resname'),
    approved,
    translate: node.attrs.get('translate') !== 'no',
    source,
    target,
    rawState,
    state: meaning.state,
    needsReview: meaning.needsReview,
    segments,
    ignorables: NONE,
    notes,
    candidates,
    metadata: EMPTY_MAP,
    extensions,
    attributes: ctx.attributes(node),
    line: node.line,
    column: node.column,
  });
}

function wholeSegment(
  source: InlineContent,
  target: InlineContent | undefined,
  rawState: string | undefined,
  subState: string | undefined,
  meaning: StateMeaning,
  line: number,
): ParsedSegment {
  return { id: undefined, source, target, rawState, subState, state: meaning.state, needsReview: meaning.needsReview, line };
}

/** The segments of a 1.2 unit with `<seg-source>`: one per `<mrk mtype="seg">`, targets by `mid`. */
function segments12(
  ctx: ReadContext,
  segSource: XmlTreeElement,
  targetEl: XmlTreeElement | undefined,
  rawState: string | undefined,
  subState: string | undefined,
  meaning: StateMeaning,
  unitId: string,
): ParsedSegment[] {
  const sourceMarks = segmentMarks(toInline(segSource.children));
  if (sourceMarks.length === 0) {
    const whole = contentOf(toInline(segSource.children));
    return [wholeSegment(whole, ctx.content(targetEl, true), rawState, subState, meaning, segSource.line)];
  }
  const targetMarks = targetEl === undefined ? [] : segmentMarks(toInline(targetEl.children));
  const byMid = new Map(targetMarks.map((m) => [m.attrs.get('mid') ?? '', m] as const));
  const seenMids = new Set<string>();
  return sourceMarks.map((mark) => {
    const mid = mark.attrs.get('mid');
    if (mid !== undefined) {
      if (seenMids.has(mid)) {
        ctx.fail('xliff/duplicate-id', `Duplicate segment mid "${mid}" in unit "${unitId}".`, 'Each <mrk mtype="seg"> needs its own mid; export the file again.', segSource, { unit: unitId, line: mark.line, column: mark.column });
      }
      seenMids.add(mid);
    }
    const targetMark = mid === undefined ? undefined : byMid.get(mid);
    const target = targetMark === undefined ? undefined : contentOf(targetMark.children, true);
    const segMeaning = stateFrom12(rawState, target !== undefined && target.text.trim() !== '', undefined);
    return {
      id: mid,
      source: contentOf(mark.children),
      target,
      rawState,
      subState,
      state: target === undefined ? 'initial' : segMeaning.state === 'initial' ? 'initial' : meaning.state,
      needsReview: target === undefined ? false : meaning.needsReview,
      line: mark.line,
    };
  });
}

/** An `<alt-trans>` with a target, as a candidate. */
function altTrans(ctx: ReadContext, node: XmlTreeElement): ParsedCandidate | undefined {
  const kids = elementsOf(node);
  const target = ctx.content(kids.find((k) => ctx.isCore(k, 'target')), true);
  if (target === undefined) return undefined;
  return {
    source: ctx.content(kids.find((k) => ctx.isCore(k, 'source')))?.text,
    target,
    quality: parseQuality(node.attrs.get('match-quality')),
    origin: node.attrs.get('origin'),
    type: node.attrs.get('alttranstype'),
    ref: node.attrs.get('mid'),
  };
}
