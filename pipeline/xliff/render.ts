/**
 * What the writers render, independent of version, and the inline serializers for content kept
 * from a translator's file.
 */
import type { Block, Content, InlineCode, Segment, TargetState } from '../model.js';
import type { Entry } from './entries.js';
import { inlineContent } from './codes.js';
import { isXliffNs } from './inline.js';
import type { InlineContent, InlineNode, ParsedNote } from './types.js';
import { el, type XmlNode } from '../xml/write.js';
import { appendAll } from '../lists.js';

/** Target content to write: kept from a file (with its version family) or model content. */
export interface TargetOut {
  readonly content: InlineContent | undefined;
  readonly family: '1.2' | '2x' | undefined;
  /** Used when `content` is undefined (OmegaT source copies, memory matches). */
  readonly text: string;
  /** The model codes of `text`, when `content` is undefined (an OmegaT copy of a source with codes). */
  readonly codes?: readonly InlineCode[];
}

export interface CandidateOut {
  readonly source: string | undefined;
  readonly target: TargetOut;
  readonly quality: number | undefined;
  readonly origin: string | undefined;
  readonly type: string | undefined;
}

/** One sentence as a writer sees it. */
export interface SegmentOut {
  readonly segment: Segment;
  readonly target: TargetOut | undefined;
  readonly state: TargetState;
  readonly needsReview: boolean;
  /** A state string to write back unchanged (same version family, valid there). */
  readonly rawState: string | undefined;
  readonly subState: string | undefined;
  readonly approved: boolean | undefined;
  readonly candidates: readonly CandidateOut[];
  /** Translators' notes carried from the previous file. */
  readonly notes: readonly ParsedNote[];
  readonly context: readonly string[];
  readonly glossary: string | undefined;
  /** True when the target was pre-filled from an exact translation memory match. */
  readonly fromMemory?: boolean;
  /** True when the target is machine output written by this export. */
  readonly fromMachine?: boolean;
}

export interface BlockOut {
  readonly block: Block;
  /** 1-based position, for names. */
  readonly number: number;
  readonly segments: readonly SegmentOut[];
  /** What lies before, between and after segments (white space, codes): `gaps[i]` precedes segment i; the last one follows. */
  readonly gaps: readonly Content[];
  /** 2.1: last sentence of the previous block and first of the next. */
  readonly context: readonly string[];
}

/** Candidate origins that the exporter writes from the memory and rewrites on every export. */
const MEMORY_ORIGIN = /^memory(?::|$)/u;

/**
 * The candidates of an entry that are carried into the next file (working or aside): all but the
 * memory's, which are looked up afresh on every export rather than carried (a stale match would
 * otherwise outlive the memory entry it came from).
 */
export function carriedCandidates(entry: Entry): CandidateOut[] {
  return entry.candidates.filter((c) => !MEMORY_ORIGIN.test(c.origin ?? '')).map((c) => ({
    source: c.source,
    target: { content: c.target, family: entry.family, text: c.target.text },
    quality: c.quality,
    origin: c.origin,
    type: c.type,
  }));
}

const INLINE_12 = new Set(['g', 'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sub', 'mrk']);
const INLINE_2X = new Set(['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em']);
const DATA_REFS = new Set(['dataRef', 'dataRefStart', 'dataRefEnd']);

/**
 * Writes target content for a version: the kept markup when it is the same family, else text;
 * model content with its codes written by `renderCode` (see `codes.ts`).
 */
export function targetNodes(target: TargetOut, version: '1.2' | '2x', prefix = '', renderCode?: (code: InlineCode) => XmlNode): XmlNode[] {
  if (target.content === undefined) {
    if (target.codes === undefined || target.codes.length === 0 || renderCode === undefined) return [target.text];
    return inlineContent(target.text, target.codes, [], renderCode, () => '');
  }
  if (target.family !== version) return [target.content.text];
  const nodes = target.content.nodes;
  // Without a tree the content is its text alone (the reader keeps trees only where there is markup).
  if (nodes === undefined) return target.content.text === '' ? [] : [target.content.text];
  return inlineNodes(nodes, version === '1.2' ? INLINE_12 : INLINE_2X, prefix);
}

/** True when writing the target in `version` loses inline codes or markers. */
export function losesMarkup(target: TargetOut, version: '1.2' | '2x'): boolean {
  const c = target.content;
  if (c === undefined || target.family === version) return false;
  return c.codes.length > 0 || c.marks.some((m) => m.type !== 'seg');
}

function inlineNodes(nodes: readonly InlineNode[], allowed: ReadonlySet<string>, prefix: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(node.text);
      continue;
    }
    const known = isXliffNs(node.uri) && allowed.has(node.local);
    // Segment markers belong to the tool's segmentation, which we do not write: keep their content.
    const unwrap = !known || (node.local === 'mrk' && node.attrs.get('mtype') === 'seg');
    const children = inlineNodes(node.children, allowed, prefix);
    if (unwrap) {
      appendAll(out, children);
      continue;
    }
    // Only unprefixed attributes: the strict 1.2 schema rejects undeclared foreign ones. 2.x data
    // references point into the old unit's <originalData>, which is not carried: drop them.
    const attrs = [...node.attrs.entries()]
      .filter(([name]) => !DATA_REFS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(el(prefix + node.local, attrs, children, true));
  }
  return out;
}
