/**
 * The XLIFF 2.1 writer: one `<unit>` per block, one `<segment>` per sentence, `<ignorable>` for the
 * whitespace between sentences, notes, block and document metadata (`mda:`) and the previous
 * translation of a changed sentence as a match (`mtc:`). Valid against the 2.1 schemas with modules.
 */
import { isolatedCodes, type Content, type Document, type InlineCode, type Segment } from '../model.js';
import { code2x, inlineContent } from './codes.js';
import { appendAll } from '../lists.js';
import { DESCRIPTION_NOTE, type Entry } from './entries.js';
import { glossary21, markerId } from './glossary21.js';
import { markableTerms, termTargetText, termsOf } from './notes.js';
import { carriedCandidates, targetNodes, type BlockOut, type CandidateOut, type SegmentOut, type TargetOut } from './render.js';
import { STATES_2X, stateTo2x } from './states.js';
import type { ParsedNote } from './types.js';
import { el, renderDocument, type RenderOptions, type XmlElement, type XmlNode } from '../xml/write.js';

/** Inline content (and code markup) where a character XML cannot carry is written as `<cp/>`. */
const RENDER: RenderOptions = { codePointParents: new Set(['source', 'target', 'mrk', 'pc', 'data']) };

export const XLIFF_20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const SLR_NS = 'urn:oasis:names:tc:xliff:sizerestriction:2.0';

export interface FileHeader21 {
  readonly original: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/**
 * Writes the working file of one document and language: a `<unit>` per block of sentences; for
 * named resources (software strings) a `<unit>` per resource, and a `<group>` around a plural
 * key's forms. A resource's length limit is the size restriction module's `slr:sizeRestriction`
 * in code points (profile `xliff:codepoints`, declared once in the `<file>`).
 */
export function writeXliff21(header: FileHeader21, doc: Document, blocks: readonly BlockOut[]): string {
  const fileMeta = metadata('document', [
    ['name', doc.name],
    ['path', doc.path],
  ]);
  const units = blocks.filter((b) => b.segments.length > 0).map((b) => (isResourceBlock(b) ? resourceUnits(b, header.targetLanguage) : unit(b, header.targetLanguage)));
  const limited = blocks.some((b) => b.segments.some((s) => s.segment.resource?.maxLength !== undefined));
  const profiles = limited ? el('slr:profiles', [['generalProfile', 'xliff:codepoints']], [el('slr:normalization', [['general', 'nfc']])]) : undefined;
  return renderDocument(root(header, [fileMeta, profiles, ...units], limited ? [['xmlns:slr', SLR_NS]] : []), RENDER);
}

/** A block of named resources (software strings): one unit each, not one unit of sentences. */
function isResourceBlock(b: BlockOut): boolean {
  return b.segments.every((s) => s.segment.resource !== undefined);
}

const NO_GAPS: readonly Content[] = [{ text: '', codes: [] }, { text: '', codes: [] }];

/**
 * The units of a block of named resources: a resource alone is a `<unit>` named by it; the forms
 * of a plural key are units in a `<group>` named by the key, so a translator sees them together.
 */
function resourceUnits(b: BlockOut, targetLanguage: string): XmlElement {
  const units = b.segments.map((s, i) => {
    const resource = s.segment.resource;
    const alone = b.block.resource === undefined && b.segments.length === 1;
    return unit({ ...b, segments: [s], gaps: NO_GAPS }, targetLanguage, {
      id: alone ? b.block.id : `${b.block.id}-${i + 1}`,
      name: resource?.name ?? `${b.block.kind}-${b.number}.${i + 1}`,
      meta: [['resource', resource?.context ?? []]],
      size: resource?.maxLength,
    });
  });
  if (b.block.resource === undefined && units.length === 1) return units[0] as XmlElement;
  return el('group', [['id', b.block.id], ['name', b.block.resource?.name], ['type', `l10n:${b.block.kind}`]], [metadata('block', [['kind', b.block.kind]]), ...units]);
}

/**
 * Writes the aside file: one unit per set-aside sentence, with its target, state, translators'
 * notes and candidates. The segment id is the sentence id, which is how a returning sentence
 * finds its unit; an id another tool gave that is no NMTOKEN (`u 1`, or the `unit#2` the reader
 * makes up for a segment without one) cannot be one of our sentence ids, so it is made valid.
 */
export function writeAside21(header: FileHeader21, entries: readonly Entry[]): string {
  const units = entries.map((e, i) => {
    const target: TargetOut = { content: e.target, family: e.family, text: '' };
    const { state, subState } = state2x(e.family, e.rawState, e.subState, e.state, e.needsReview);
    const id = nmtoken(e.id);
    const matches = carriedCandidates(e).map((c) => match(c, id, e.source));
    return el('unit', [['id', `u${i + 1}`]], [
      matches.length === 0 ? undefined : el('mtc:matches', [], matches),
      e.notes.length === 0 ? undefined : el('notes', [], e.notes.map(note2x)),
      el('segment', [['id', id], ['state', state], ['subState', subState]], [
        el('source', [['xml:space', 'preserve']], [e.source], true),
        el('target', [['xml:space', 'preserve']], targetNodes(target, '2x'), true),
      ]),
    ]);
  });
  return renderDocument(root(header, units), RENDER);
}

/** `id` with every character an XML NMTOKEN cannot hold (ASCII names only, to be safe) as `_`. */
export function nmtoken(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._:-]/gu, '_');
  return safe === '' ? '_' : safe;
}

function root(header: FileHeader21, content: Array<XmlNode | undefined>, namespaces: ReadonlyArray<readonly [string, string]> = []): XmlElement {
  return el(
    'xliff',
    [
      ['version', '2.1'],
      ['xmlns', XLIFF_20_NS],
      ['xmlns:mda', MDA_NS],
      ['xmlns:mtc', MTC_NS],
      ['xmlns:gls', GLS_NS],
      ...namespaces,
      ['srcLang', header.sourceLanguage],
      ['trgLang', header.targetLanguage],
    ],
    [el('file', [['id', 'f1'], ['original', header.original]], content)],
  );
}

function metadata(category: string, entries: ReadonlyArray<readonly [string, string]>): XmlElement {
  return metadataGroups([[category, entries]]);
}

/** One `<mda:metadata>` with a group per category (a group without entries is left out). */
function metadataGroups(groups: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]>): XmlElement {
  return el('mda:metadata', [], groups.filter(([, entries]) => entries.length > 0).map(([category, entries]) =>
    el('mda:metaGroup', [['category', category]], entries.map(([type, value]) => el('mda:meta', [['type', type]], [value], true))),
  ));
}

/** A subState the 2.x schema takes: `prefix:value`. */
const SUBSTATE = /^[^\s:]+:[^\s:]+$/u;

/**
 * 2.x state: the file's own when it came from a 2.x file, else ours; a target made in this export
 * (no file family: machine output) keeps the subState it was given when ours has none.
 */
function state2x(
  family: '1.2' | '2x' | undefined,
  raw: string | undefined,
  rawSub: string | undefined,
  state: SegmentOut['state'],
  needsReview: boolean,
): { state: string; subState: string | undefined } {
  if (family === '2x' && raw !== undefined && (STATES_2X as readonly string[]).includes(raw)) {
    return { state: raw, subState: rawSub !== undefined && SUBSTATE.test(rawSub) ? rawSub : undefined };
  }
  const ours = stateTo2x(state, needsReview);
  if (family === undefined && ours.subState === undefined && rawSub !== undefined && SUBSTATE.test(rawSub)) return { ...ours, subState: rawSub };
  return ours;
}

/**
 * A block as a `<unit>`. XLIFF 2 has notes only on units; a note that belongs to some of the
 * block's sentences (a sentence's glossary note, a translator's note carried from a 1.2
 * trans-unit) gets an `id` and each of its sentences' sources is wrapped in
 * `<mrk type="comment" ref="#n=<note id>">` — the core's comment annotation, which ties content to
 * a note of its unit (2.1 §4.7.2.2, fragment `n=`). The text is unchanged; the reader gives such a
 * note only to the segments that refer to it. A note on every sentence of the block (and every
 * note of a one-sentence block) stays untied: unit-wide is what it means.
 */
function unit(
  b: BlockOut,
  targetLanguage: string,
  as: { readonly id: string; readonly name: string; readonly meta?: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]>; readonly size?: number | undefined } = {
    id: b.block.id,
    name: `${b.block.kind}-${b.number}`,
  },
): XmlElement {
  const matches = b.segments.flatMap((s) => s.candidates.map((c) => match(c, s.segment.id, s.segment.text)));
  const tiedBy: string[][] = b.segments.map(() => []);
  let nextId = 0;
  const tie = (attrs: Array<readonly [string, string | undefined]>, text: string, where: readonly number[]): XmlElement => {
    if (where.length === b.segments.length) return el('note', attrs, [text], true);
    nextId += 1;
    const id = `n${nextId}`;
    for (const i of where) tiedBy[i]?.push(id);
    return el('note', [['id', id], ...attrs], [text], true);
  };
  const notes: XmlElement[] = [
    ...b.context.map((text) => el('note', [['category', 'context']], [text], true)),
    ...b.segments.flatMap((s, i) => (s.segment.resource?.notes ?? []).map((text) => tie([['category', DESCRIPTION_NOTE]], text, [i]))),
    ...b.segments.flatMap((s, i) => (s.glossary === undefined ? [] : [tie([['category', 'glossary']], s.glossary, [i])])),
    ...carriedNotes(b.segments).map(({ note, where }) => tie(note2xAttrs(note), note.text, where)),
  ];
  const codes = unitCodes(b);
  const parts: XmlNode[] = [];
  b.segments.forEach((s, i) => {
    pushIgnorable(parts, b.gaps[i], codes.write);
    parts.push(segment(s, targetLanguage, i, tiedBy[i] ?? [], codes.write));
  });
  pushIgnorable(parts, b.gaps[b.segments.length], codes.write);
  return el('unit', [['id', as.id], ['name', as.name], ['type', `l10n:${b.block.kind}`], ['slr:sizeRestriction', as.size === undefined ? undefined : String(as.size)]], [
    matches.length === 0 ? undefined : el('mtc:matches', [], matches),
    glossary21(b.segments.map((s) => s.segment), targetLanguage),
    metadataGroups([['block', [['kind', b.block.kind]]], ...(as.meta ?? [])]),
    notes.length === 0 ? undefined : el('notes', [], notes),
    codes.originalData,
    ...parts,
  ]);
}

/**
 * The inline codes of a block's unit: each gets a `<data>` in the unit's `<originalData>` (`d1`,
 * `d2`, … in reading order) holding its markup, and a half whose other half is not in the unit is
 * isolated. `write` renders one of them (or its copy in an OmegaT source-copy target).
 */
function unitCodes(b: BlockOut): { write: (code: InlineCode) => XmlNode; originalData: XmlElement | undefined } {
  const all: InlineCode[] = [];
  b.segments.forEach((s, i) => {
    appendAll(all, b.gaps[i]?.codes ?? []);
    appendAll(all, s.segment.codes);
  });
  appendAll(all, b.gaps[b.segments.length]?.codes ?? []);
  if (all.length === 0) return { write: () => '', originalData: undefined };
  const refs = new Map(all.map((code, i) => [code, `d${i + 1}`] as const));
  const isolated = isolatedCodes(all);
  return {
    write: (code) => code2x(code, isolated.has(code), refs.get(code) ?? 'd0'),
    originalData: el('originalData', [], all.map((code, i) => el('data', [['id', `d${i + 1}`]], [code.data], true))),
  };
}

/** Translators' notes of the block's sentences, each once, in order, with the sentences (indexes) that have it. */
function carriedNotes(segments: readonly SegmentOut[]): Array<{ note: ParsedNote; where: number[] }> {
  const byKey = new Map<string, { note: ParsedNote; where: number[] }>();
  segments.forEach((s, i) => {
    for (const n of s.notes) {
      const key = `${n.from ?? ''}\u0000${n.annotates ?? ''}\u0000${n.text}`;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, { note: n, where: [i] });
      else if (!seen.where.includes(i)) seen.where.push(i);
    }
  });
  return [...byKey.values()];
}

function pushIgnorable(parts: XmlNode[], gap: Content | undefined, writeCode: (code: InlineCode) => XmlNode): void {
  if (gap === undefined || (gap.text === '' && gap.codes.length === 0)) return;
  parts.push(el('ignorable', [], [el('source', [['xml:space', 'preserve']], inlineContent(gap.text, gap.codes, [], writeCode, () => ''), true)]));
}

function segment(s: SegmentOut, language: string, index: number, noteIds: readonly string[], writeCode: (code: InlineCode) => XmlNode): XmlElement {
  const { state, subState } = s.target === undefined ? { state: 'initial', subState: undefined } : state2x(s.target.family, s.rawState, s.subState, s.state, s.needsReview);
  // One comment marker per tied note, nested around the whole source (innermost: the first note).
  let source = sourceWithTerms(s.segment, language, index, writeCode);
  noteIds.forEach((id, k) => {
    source = [el('mrk', [['id', `c${index + 1}-${k + 1}`], ['type', 'comment'], ['ref', `#n=${id}`]], source, true)];
  });
  return el('segment', [['id', s.segment.id], ['state', state], ['subState', subState]], [
    el('source', [['xml:space', 'preserve']], source, true),
    s.target === undefined ? undefined : el('target', [['xml:space', 'preserve']], targetNodes(s.target, '2x', '', writeCode), true),
  ]);
}

function note2x(note: ParsedNote): XmlElement {
  return el('note', note2xAttrs(note), [note.text], true);
}

function note2xAttrs(note: ParsedNote): Array<readonly [string, string | undefined]> {
  const appliesTo = note.annotates === 'source' || note.annotates === 'target' ? note.annotates : undefined;
  const priority = note.priority !== undefined && note.priority >= 1 && note.priority <= 10 ? String(note.priority) : undefined;
  return [['category', note.from], ['appliesTo', appliesTo], ['priority', priority]];
}

/** The matches module's own type values. */
const MATCH_TYPES = new Set(['am', 'mt', 'icm', 'idm', 'tb', 'tm', 'other']);

/**
 * A candidate as `<mtc:match>` for the segment `segmentId`. A 1.2 `<alt-trans>` may leave out its
 * source, meaning the unit's own; 2.x requires one, so the sentence's source stands in for it.
 */
function match(c: CandidateOut, segmentId: string, segmentSource: string): XmlElement {
  const similarity = c.quality === undefined ? undefined : String(Math.max(0, Math.min(100, c.quality)));
  const standard = c.type !== undefined && MATCH_TYPES.has(c.type);
  const subType = c.type === undefined || standard ? undefined : `l10n:${c.type.replace(/[\s:]/gu, '-')}`;
  return el('mtc:match', [['ref', `#${segmentId}`], ['similarity', similarity], ['origin', c.origin], ['type', standard ? c.type : 'other'], ['subType', subType]], [
    el('source', [['xml:space', 'preserve']], [c.source ?? segmentSource], true),
    el('target', [['xml:space', 'preserve']], targetNodes(c.target, '2x'), true),
  ]);
}

/**
 * Source with its inline codes (see `codes.ts`) and `<mrk type="term">`: `value` holds the approved
 * target, dnt terms get translate="no".
 */
function sourceWithTerms(segment: Segment, language: string, index: number, writeCode: (code: InlineCode) => XmlNode): XmlNode[] {
  const terms = new Map(termsOf(segment, language).map((t) => [t.source, t] as const));
  return inlineContent(segment.text, segment.codes, markableTerms(segment), writeCode, (span, text, n) => {
    const info = terms.get(span.term ?? text);
    return el(
      'mrk',
      [
        ['id', markerId(index, n + 1)],
        ['translate', info?.dnt === true ? 'no' : undefined],
        ['type', 'term'],
        ['value', info === undefined ? undefined : termTargetText(info)],
      ],
      [text],
      true,
    );
  });
}
