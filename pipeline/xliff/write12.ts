/**
 * The XLIFF 1.2 writer: one `<file>` per document, one `<group>` per block, one `<trans-unit>` per
 * sentence. Everything it writes is valid against the OASIS 1.2 strict schema.
 */
import { isolatedCodes, type InlineCode, type Segment } from '../model.js';
import { code12, inlineContent } from './codes.js';
import { DESCRIPTION_NOTE, sentenceResname, type Entry } from './entries.js';
import { markableTerms, termTargetText, termsOf } from './notes.js';
import { carriedCandidates, targetNodes, type BlockOut, type CandidateOut, type SegmentOut, type TargetOut } from './render.js';
import { qualifierTo12, stateFrom12, STATES_12, stateTo12 } from './states.js';
import type { ParsedNote } from './types.js';
import { el, renderDocument, type XmlElement, type XmlNode } from '../xml/write.js';

export const XLIFF_12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

export interface FileHeader12 {
  readonly original: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** The `datatype` of the source (`plaintext`, `html`, `x-markdown`). */
  readonly datatype: string;
}

/**
 * Writes the working file of one document and language. A block is a `<group>` of its sentences;
 * a named resource (a software string) is a `<trans-unit>` of its own, and a group of them (a
 * plural key's forms) a `<group>` with the group's name as `resname`.
 */
export function writeXliff12(header: FileHeader12, blocks: readonly BlockOut[]): string {
  const body = blocks
    .filter((b) => b.segments.length > 0)
    .flatMap((b) => {
      const units = b.segments.map((s, i) => transUnit(s, s.segment.resource?.name ?? sentenceResname(b.block.kind, b.number, i + 1), header.targetLanguage));
      if (b.block.resource === undefined && b.segments.length === 1 && b.segments[0]?.segment.resource !== undefined) return units;
      return [el('group', [['id', b.block.id], ['resname', b.block.resource?.name], ['restype', `x-${b.block.kind}`]], units)];
    });
  return renderDocument(root(header, body));
}

/**
 * Writes the aside file: the set-aside units with everything a restore gives back — source,
 * target, state, approval, translators' notes and candidates.
 */
export function writeAside12(header: FileHeader12, entries: readonly Entry[]): string {
  const units = entries.map((e) => {
    const target: TargetOut = { content: e.target, family: e.family, text: '' };
    return el('trans-unit', [['id', e.id], ['approved', approved12(e.state, e.needsReview)]], [
      el('source', [['xml:space', 'preserve']], [e.source], true),
      el('target', [['state', state12(e.family, e.rawState, e.state, e.needsReview)], ['state-qualifier', qualifierTo12(e.subState)], ['xml:space', 'preserve']], target12(target), true),
      ...e.notes.map(note12),
      ...carriedCandidates(e).map(altTrans),
    ]);
  });
  return renderDocument(root(header, units));
}

function root(header: FileHeader12, body: XmlNode[]): XmlElement {
  return el('xliff', [['version', '1.2'], ['xmlns', XLIFF_12_NS]], [
    el(
      'file',
      [
        ['original', header.original],
        ['source-language', header.sourceLanguage],
        ['target-language', header.targetLanguage],
        ['datatype', header.datatype],
      ],
      [el('body', [], body)],
    ),
  ]);
}

/**
 * The state to write: the file's own value when it came from a 1.2 file, is valid there and means
 * what we read (a Translate Toolkit fuzzy entry's needs-translation, read as translated for review,
 * is written as needs-review-translation).
 */
function state12(family: '1.2' | '2x' | undefined, raw: string | undefined, state: SegmentOut['state'], needsReview: boolean): string {
  if (family === '1.2' && raw !== undefined && (STATES_12.includes(raw) || /^x-\S+$/u.test(raw))) {
    const meaning = stateFrom12(raw, true, undefined);
    if (meaning.state === state && meaning.needsReview === needsReview) return raw;
  }
  return stateTo12(state, needsReview);
}

/**
 * `approved="yes"` for the states that mean approval. XLIFF 1.2 defines it as "the translation is
 * final or has passed its final review": reviewed (signed-off) and final, never translated work
 * or work marked for review. Translate Toolkit (pocount, xliff2po) counts a target without it as
 * fuzzy; with it, our reviewed and final work counts as translated there.
 */
function approved12(state: SegmentOut['state'], needsReview: boolean): 'yes' | undefined {
  return !needsReview && (state === 'reviewed' || state === 'final') ? 'yes' : undefined;
}

function transUnit(s: SegmentOut, resname: string, targetLanguage: string): XmlElement {
  const family = s.target?.family;
  const resource = s.segment.resource;
  const children: Array<XmlNode | undefined> = [
    el('source', [['xml:space', 'preserve']], sourceWithTerms(s.segment, targetLanguage), true),
    s.target === undefined
      ? undefined
      : el('target', [['state', state12(family, s.rawState, s.state, s.needsReview)], ['state-qualifier', qualifierTo12(s.subState)], ['xml:space', 'preserve']], target12(s.target), true),
    resource === undefined || resource.context.length === 0
      ? undefined
      : el('context-group', [['purpose', 'information']], resource.context.map(([label, value]) => el('context', [['context-type', `x-${label.replace(/[^A-Za-z0-9]+/gu, '-')}`]], [value], true))),
    ...(resource?.notes ?? []).map((text) => el('note', [['from', DESCRIPTION_NOTE]], [text], true)),
    ...s.context.map((text) => el('note', [['from', 'context']], [text], true)),
    s.glossary === undefined ? undefined : el('note', [['from', 'glossary']], [s.glossary], true),
    ...s.notes.map(note12),
    ...s.candidates.map(altTrans),
  ];
  return el(
    'trans-unit',
    [
      ['id', s.segment.id],
      ['resname', resname],
      ['approved', s.target === undefined ? undefined : approved12(s.state, s.needsReview)],
      // A length limit in characters (XLIFF 1.2 counts `maxwidth` in `size-unit`s).
      ['size-unit', resource?.maxLength === undefined ? undefined : 'char'],
      ['maxwidth', resource?.maxLength === undefined ? undefined : String(resource.maxLength)],
    ],
    children,
  );
}

/** A carried note, with only the attributes the strict schema accepts. */
function note12(note: ParsedNote): XmlElement {
  const annotates = note.annotates === 'general' || note.annotates === 'source' || note.annotates === 'target' ? note.annotates : undefined;
  const priority = note.priority !== undefined && note.priority >= 1 && note.priority <= 10 ? String(note.priority) : undefined;
  return el('note', [['from', note.from], ['annotates', annotates], ['priority', priority]], [note.text], true);
}

function altTrans(c: CandidateOut): XmlElement {
  return el(
    'alt-trans',
    [
      ['match-quality', c.quality === undefined ? undefined : String(c.quality)],
      ['origin', c.origin],
      ['alttranstype', c.type === 'mt' ? 'x-mt' : c.type === undefined || ALTTRANS_TYPES.has(c.type) || /^x-\S+$/u.test(c.type) ? c.type : undefined],
    ],
    [
      c.source === undefined ? undefined : el('source', [['xml:space', 'preserve']], [c.source], true),
      el('target', [['xml:space', 'preserve']], target12(c.target), true),
    ],
  );
}

const ALTTRANS_TYPES = new Set(['proposal', 'previous-version', 'rejected', 'reference', 'accepted']);

/** Writes model codes of one sentence (`codes`): a half whose other half is elsewhere is isolated. */
function codeWriter(codes: readonly InlineCode[]): (code: InlineCode) => XmlNode {
  const isolated = isolatedCodes(codes);
  return (code) => code12(code, isolated.has(code));
}

/**
 * Source text with its inline codes (see `codes.ts`) and `<mrk mtype="term">` around term
 * occurrences; `comment` says the target.
 */
function sourceWithTerms(segment: Segment, language: string): XmlNode[] {
  const terms = new Map(termsOf(segment, language).map((t) => [t.source, t] as const));
  return inlineContent(segment.text, segment.codes, markableTerms(segment), codeWriter(segment.codes), (span, text) => {
    const info = terms.get(span.term ?? text);
    return el('mrk', [['mtype', 'term'], ['comment', info === undefined ? undefined : termTargetText(info)]], [text], true);
  });
}

/** A target's nodes, its model codes (if any) written as 1.2 codes. */
function target12(target: TargetOut): XmlNode[] {
  return targetNodes(target, '1.2', '', codeWriter(target.codes ?? []));
}
