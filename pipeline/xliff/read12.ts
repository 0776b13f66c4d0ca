/**
 * The XLIFF 1.2 interpreter: `<file>`, `<trans-unit>` with `<seg-source>` segmentation, states,
 * `approved`, notes and `<alt-trans>` candidates, one unit at a time as the reader closes it.
 */
import { elementsOf, textOf, VOCABULARY, type XmlTreeElement } from '../xml/index.js';
import { contentOf, isXliffNs, segmentMarks, TRACKED_CHANGES } from './inline.js';
import { applyXmlSpace, compact, EMPTY_MAP, languageOf, NONE, parseQuality, summarize, toInline, type IdSet, type ReadContext } from './read-context.js';
import { stateFrom12, STATES_12, type StateMeaning } from './states.js';
import type { InlineContent, ParsedCandidate, ParsedFile, ParsedNote, ParsedPhase, ParsedSegment } from './types.js';

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
  let phases: Map<string, ParsedPhase> | undefined;
  for (const child of elementsOf(node)) {
    if (!ctx.isCore(child, 'header')) continue;
    for (const h of elementsOf(child)) {
      if (ctx.isCore(h, 'note')) notes.push(ctx.note(h, '1.2'));
      else if (ctx.isCore(h, 'phase-group')) {
        for (const phase of elementsOf(h)) {
          const name = phase.attrs.get('phase-name');
          if (!ctx.isCore(phase, 'phase') || name === undefined) continue;
          phases ??= new Map();
          phases.set(name, { process: phase.attrs.get('process-name') ?? '', contact: phase.attrs.get('contact-name'), date: phase.attrs.get('date') });
        }
      }
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
    ...(phases === undefined ? {} : { phases }),
    line: node.line,
  };
}

/** Reads a closed `<trans-unit>` (inside `groups`, innermost last) into `ctx.units` (or `onUnit`). */
export function readUnit12(
  ctx: ReadContext,
  node: XmlTreeElement,
  fileIndex: number,
  groups: readonly XmlTreeElement[],
  seen: IdSet,
): void {
  const id = node.attrs.get('id');
  if (id === undefined || id === '') {
    ctx.fail('xliff/no-id', '<trans-unit> without an id', 'Every unit needs the id it was exported with; export the file again.', node);
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
    ctx.fail('xliff/no-source', `<trans-unit id="${id}"> has no <source>`, 'The unit was damaged; export the file again.', node, { unit: id });
  }
  applyXmlSpace(sourceEl, undefined, node, groups);
  applyXmlSpace(segSourceEl, undefined, node, groups);
  applyXmlSpace(targetEl, undefined, node, groups);
  const source = contentOf(toInline(sourceEl.children));
  const target = ctx.content(targetEl, true);
  const approvedRaw = node.attrs.get('approved');
  const approved = approvedRaw === undefined ? undefined : approvedRaw === 'yes';
  const rawState = VOCABULARY.get(targetEl?.attrs.get('state'));
  const subState = VOCABULARY.get(targetEl?.attrs.get('state-qualifier'));
  const hasText = target !== undefined && target.text.trim() !== '';
  // A tool's own state counts only where the file gives no XLIFF state.
  const tool = rawState === undefined ? toolStates(node, others) : undefined;
  const toolMeaning = tool?.unit ?? (segSourceEl === undefined && tool?.segments.size === 1 ? [...tool.segments.values()][0] : undefined);
  let meaning = toolMeaning === undefined ? stateFrom12(rawState, hasText, ctx.poConversion ? undefined : approved) : fromTool(toolMeaning, hasText, approved);
  // Translate Toolkit: `approved="yes"` is a PO entry that is not fuzzy (translated, not reviewed),
  // and a fuzzy one comes back as text under needs-translation: a translation to review.
  if (ctx.poConversion && hasText && meaning.state === 'initial') meaning = { state: 'translated', needsReview: true, known: true };
  if (rawState !== undefined && !STATES_12.includes(rawState)) ctx.noteState(meaning, rawState, targetEl ?? node, id);
  if (target !== undefined && target.marks.some((m) => TRACKED_CHANGES.has(m.type))) {
    ctx.warn(
      'xliff/tracked-changes',
      `the target of unit "${id}" holds tracked changes nobody accepted; read with the insertions and without the deletions, and marked for review`,
      'Accept or reject the changes in the translation tool before sending the file back.',
      targetEl ?? node,
      id,
    );
    if (meaning.state !== 'initial') meaning = { ...meaning, needsReview: true };
  }

  const perSegment = tool?.unit === undefined && tool !== undefined && segSourceEl !== undefined && tool.segments.size > 0 ? tool.segments : undefined;
  const segments = segSourceEl === undefined
    ? [wholeSegment(source, target, rawState, subState, meaning, languageOf(targetEl), node.line)]
    : segments12(ctx, segSourceEl, targetEl, rawState, subState, meaning, id, perSegment, approved);
  if (perSegment !== undefined) {
    const summary = summarize(segments);
    meaning = { state: summary.state, needsReview: summary.needsReview, known: true };
  }

  let notes: readonly ParsedNote[] = NONE;
  let candidates: readonly ParsedCandidate[] = NONE;
  let extensions: readonly string[] = NONE;
  let contexts: readonly string[] = NONE;
  if (others) {
    const noteList: ParsedNote[] = [];
    const candidateList: ParsedCandidate[] = [];
    const extensionList: string[] = [];
    const contextList: string[] = [];
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (ctx.isCore(child, 'note')) noteList.push(ctx.note(child, '1.2'));
      else if (ctx.isCore(child, 'alt-trans')) {
        const candidate = altTrans(ctx, child);
        if (candidate !== undefined) candidateList.push(candidate);
      } else if (ctx.isCore(child, 'context-group')) {
        for (const context of elementsOf(child)) if (ctx.isCore(context, 'context')) contextList.push(textOf(context).trim());
      } else if (!isXliffNs(child.uri)) ctx.foreign(child, extensionList);
    }
    notes = compact(noteList);
    candidates = compact(candidateList);
    extensions = compact(extensionList);
    contexts = compact(contextList);
  }
  const targetPhase = targetEl?.attrs.get('phase-name');
  let restype: string | undefined;
  for (const g of groups) restype = g.attrs.get('restype') ?? restype;
  ctx.emit({
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
    contexts,
    attributes: ctx.attributes(node),
    ...(targetPhase === undefined ? {} : { targetPhase }),
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
  targetLanguage: string | undefined,
  line: number,
): ParsedSegment {
  return { id: undefined, source, target, rawState, subState, state: meaning.state, needsReview: meaning.needsReview, targetLanguage, line };
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
  toolBySegment: ReadonlyMap<string, ToolState> | undefined,
  approved: boolean | undefined,
): ParsedSegment[] {
  const sourceMarks = segmentMarks(toInline(segSource.children));
  const targetLanguage = languageOf(targetEl);
  if (sourceMarks.length === 0) {
    const whole = contentOf(toInline(segSource.children));
    return [wholeSegment(whole, ctx.content(targetEl, true), rawState, subState, meaning, targetLanguage, segSource.line)];
  }
  const targetMarks = targetEl === undefined ? [] : segmentMarks(toInline(targetEl.children));
  const byMid = new Map(targetMarks.map((m) => [m.attrs.get('mid') ?? '', m] as const));
  const seenMids = new Set<string>();
  return sourceMarks.map((mark) => {
    const mid = mark.attrs.get('mid');
    if (mid !== undefined) {
      if (seenMids.has(mid)) {
        ctx.fail('xliff/duplicate-id', `duplicate segment mid "${mid}" in unit "${unitId}"`, 'Each <mrk mtype="seg"> needs its own mid; export the file again.', segSource, { unit: unitId, line: mark.line, column: mark.column });
      }
      seenMids.add(mid);
    }
    const targetMark = mid === undefined ? undefined : byMid.get(mid);
    const target = targetMark === undefined ? undefined : contentOf(targetMark.children, true);
    const hasText = target !== undefined && target.text.trim() !== '';
    const tool = mid === undefined ? undefined : toolBySegment?.get(mid);
    let state: ParsedSegment['state'];
    let needsReview: boolean;
    if (tool !== undefined) {
      const own = fromTool(tool, hasText, approved);
      const tracked = target !== undefined && target.marks.some((m) => TRACKED_CHANGES.has(m.type));
      state = own.state;
      needsReview = own.needsReview || (tracked && own.state !== 'initial');
    } else {
      const segMeaning = stateFrom12(rawState, hasText, undefined);
      const initial = target === undefined || segMeaning.state === 'initial' || (toolBySegment !== undefined && !hasText);
      state = initial ? 'initial' : meaning.state;
      needsReview = initial ? false : meaning.needsReview;
    }
    return { id: mid, source: contentOf(mark.children), target, rawState, subState, state, needsReview, targetLanguage, line: mark.line };
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

/** A state a tool writes in its own namespace, read as ours. */
interface ToolState {
  readonly state: StateMeaning['state'];
  readonly needsReview: boolean;
}

const NS_SDL = 'http://sdl.com/FileTypes/SdlXliff/1.0';
const NS_MEMOQ = 'MQXliff';
const NS_PHRASE = 'http://www.memsource.com/mxlf/2.0';

const UNCONFIRMED: ToolState = { state: 'translated', needsReview: true };
const TRANSLATED: ToolState = { state: 'translated', needsReview: false };
const REVIEWED: ToolState = { state: 'reviewed', needsReview: false };
const FINAL: ToolState = { state: 'final', needsReview: false };
const UNTOUCHED: ToolState = { state: 'initial', needsReview: false };

/**
 * Trados Studio confirmation levels (`<sdl:seg conf>` in `<sdl:seg-defs>`, one per segment mid).
 * Draft and rejected work is kept and marked for review; `Unspecified` says nothing.
 */
const SDL_CONF: ReadonlyMap<string, ToolState> = new Map([
  ['Draft', UNCONFIRMED],
  ['Translated', TRANSLATED],
  ['RejectedTranslation', UNCONFIRMED],
  ['ApprovedTranslation', REVIEWED],
  ['RejectedSignOff', UNCONFIRMED],
  ['ApprovedSignOff', FINAL],
]);

/**
 * memoQ row statuses (`mq:status` on the trans-unit). Pre-translated, machine-translated, assembled
 * and edited-but-unconfirmed rows hold work nobody confirmed: kept, marked for review.
 */
const MEMOQ_STATUS: ReadonlyMap<string, ToolState> = new Map([
  ['NotStarted', UNTOUCHED],
  ['PartiallyEdited', UNCONFIRMED],
  ['Pretranslated', UNCONFIRMED],
  ['MachineTranslated', UNCONFIRMED],
  ['AssembledFromFragments', UNCONFIRMED],
  ['Rejected', UNCONFIRMED],
  ['ManuallyConfirmed', TRANSLATED],
  ['Confirmed', TRANSLATED],
  ['Proofread', REVIEWED],
  ['Reviewer1Confirmed', REVIEWED],
  ['Reviewer2Confirmed', FINAL],
]);

/** Phrase (Memsource) MXLIFF: `m:confirmed="1"` on a confirmed trans-unit, `"0"` otherwise. */
const PHRASE_CONFIRMED: ReadonlyMap<string, ToolState> = new Map([
  ['1', TRANSLATED],
  ['0', UNCONFIRMED],
]);

/**
 * The states a unit's tool wrote in its own namespace: for the whole unit (memoQ, Phrase) or per
 * segment mid (Trados `sdl:seg-defs`). Values we do not know are left out (the XLIFF reading holds).
 */
function toolStates(node: XmlTreeElement, hasOthers: boolean): { unit: ToolState | undefined; segments: Map<string, ToolState> } | undefined {
  let unit: ToolState | undefined;
  if (node.foreignAttrs.size > 0) {
    const memoq = node.foreignAttrs.get(`{${NS_MEMOQ}}status`);
    const phrase = node.foreignAttrs.get(`{${NS_PHRASE}}confirmed`);
    unit = (memoq === undefined ? undefined : MEMOQ_STATUS.get(memoq)) ?? (phrase === undefined ? undefined : PHRASE_CONFIRMED.get(phrase));
  }
  const segments = new Map<string, ToolState>();
  if (hasOthers) {
    for (const child of node.children) {
      if (child.type !== 'element' || child.uri !== NS_SDL || child.local !== 'seg-defs') continue;
      for (const seg of elementsOf(child)) {
        if (seg.uri !== NS_SDL || seg.local !== 'seg') continue;
        const conf = SDL_CONF.get(seg.attrs.get('conf') ?? '');
        const segId = seg.attrs.get('id');
        if (conf !== undefined && segId !== undefined) segments.set(segId, conf);
      }
    }
  }
  if (unit === undefined && segments.size === 0) return undefined;
  return { unit, segments };
}

/** A tool's state for a target: an empty target is untranslated whatever the tool says. */
function fromTool(tool: ToolState, hasText: boolean, approved: boolean | undefined): StateMeaning {
  if (!hasText) return { state: 'initial', needsReview: false, known: true };
  if (approved === true && tool.state === 'translated' && !tool.needsReview) return { state: 'reviewed', needsReview: false, known: true };
  return { state: tool.state, needsReview: tool.needsReview, known: true };
}
