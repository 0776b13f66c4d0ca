/**
 * The XLIFF 1.2 interpreter: `<file>`, `<trans-unit>` with `<seg-source>` segmentation, states,
 * `approved`, notes and `<alt-trans>` candidates, one unit at a time as the reader closes it.
 */
import { elementsOf, VOCABULARY, type XmlTreeElement } from '../xml/index.js';
import { contentOf, isXliffNs, segmentMarks } from './inline.js';
import { compact, EMPTY_MAP, NONE, parseQuality, toInline, type ReadContext } from './read-context.js';
import { stateFrom12, STATES_12, type StateMeaning } from './states.js';
import type { InlineContent, ParsedCandidate, ParsedFile, ParsedNote, ParsedSegment } from './types.js';

/** 1.2 units count inside `<xliff><file><body><group>*`, nowhere else. */
export function inBody12(ctx: ReadContext, ancestors: readonly XmlTreeElement[]): boolean {
  const [, file, body, ...groups] = ancestors;
  return file !== undefined && ctx.isCore(file, 'file') && body !== undefined && ctx.isCore(body, 'body') && groups.every((g) => ctx.isCore(g, 'group'));
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
  seen: Map<string, number>,
): void {
  const id = node.attrs.get('id');
  if (id === undefined || id === '') {
    ctx.fail('xliff/no-id', '<trans-unit> without an id.', 'Every unit needs the id it was exported with; export the file again.', node);
  }
  ctx.checkUnique(seen, id, node, 'trans-unit');
  const kids = elementsOf(node);
  const sourceEl = kids.find((k) => ctx.isCore(k, 'source'));
  if (sourceEl === undefined) {
    ctx.fail('xliff/no-source', `<trans-unit id="${id}"> has no <source>.`, 'The unit was damaged; export the file again.', node, { unit: id });
  }
  const segSourceEl = kids.find((k) => ctx.isCore(k, 'seg-source'));
  const targetEl = kids.find((k) => ctx.isCore(k, 'target'));
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

  const notes: ParsedNote[] = [];
  const candidates: ParsedCandidate[] = [];
  const extensions: string[] = [];
  for (const child of kids) {
    if (ctx.isCore(child, 'note')) notes.push(ctx.note(child, '1.2'));
    else if (ctx.isCore(child, 'alt-trans')) {
      const candidate = altTrans(ctx, child);
      if (candidate !== undefined) candidates.push(candidate);
    } else if (!isXliffNs(child.uri)) ctx.foreign(child, extensions);
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
    notes: compact(notes),
    candidates: compact(candidates),
    metadata: EMPTY_MAP,
    extensions: compact(extensions),
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
