/**
 * Inline content: from the node tree of the file to the text a translator reads, the codes
 * (to compare target with source) and the markers (terms, segments, comments).
 */
import { detach, VOCABULARY } from '../xml/index.js';
import type { InlineCode, InlineContent, InlineElementNode, InlineMark, InlineNode } from './types.js';
import { appendAll } from '../lists.js';

export const NS_11 = 'urn:oasis:names:tc:xliff:document:1.1';
export const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
export const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';
export const NS_22 = 'urn:oasis:names:tc:xliff:document:2.2';
export const NS_MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';

/** Whether a namespace is one of the XLIFF core namespaces (or none, for namespace-less 1.2). */
export function isXliffNs(uri: string): boolean {
  // The parser hands out one string per namespace declaration, so nearly every call asks about the
  // same string as the last one: compared by identity first, not character by character again.
  if (uri === lastNs.uri) return lastNs.core;
  const core = uri === NS_12 || uri === NS_20 || uri === NS_22 || uri === NS_11 || uri === '';
  lastNs = { uri, core };
  return core;
}

let lastNs = { uri: NS_12, core: true };

/** Trados Studio's tracked changes: `<mrk mtype="x-sdl-added">` (text) and `x-sdl-deleted` (not text). */
export const TRACKED_DELETION = 'x-sdl-deleted';
export const TRACKED_CHANGES: ReadonlySet<string> = new Set(['x-sdl-added', TRACKED_DELETION]);

/** Elements that mark a span of text (their text stays text). */
const MARKS = new Set(['mrk']);
/** Paired containers whose content is text. */
const CONTAINERS = new Set(['g', 'pc']);

/** The text of a node list as plain characters, code content included (for code data). */
export function rawText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.text : rawText(node.children);
  return out;
}

/** Shared by every content without codes or markers; never written to. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds text, codes and markers of a content tree. The tree itself is kept only when `keepNodes`
 * is set (targets, whose markup a writer carries back into a file of the same version) and it holds
 * an element: a source, or a target of plain text, is its text alone. What is kept is copied, so
 * it keeps none of the parsed file alive; kept text nodes are cut from the content's text.
 */
export function contentOf(nodes: readonly InlineNode[], keepNodes = false): InlineContent {
  const copy = keepNodes && nodes.some((n) => n.type === 'element') ? ([] as InlineNode[]) : undefined;
  const state: WalkState = { text: '', codes: [], marks: [], cuts: [] };
  walk(nodes, state, copy);
  const content = makeContent(state.text, state.codes, state.marks, copy === undefined ? undefined : compact(copy));
  // A kept text node is a piece of the text: share its characters rather than copy them again.
  for (const cut of state.cuts) cut.node.text = content.text.slice(cut.start, cut.end);
  return content;
}

/**
 * Contents one after the other as one content (a 2.x unit's segments and ignorables): the same
 * text, codes and markers `contentOf` gives for their nodes in a row.
 */
export function joinContents(parts: readonly InlineContent[], keepNodes = false): InlineContent {
  if (parts.length === 1 && (keepNodes || parts[0]?.nodes === undefined)) return parts[0] as InlineContent;
  let text = '';
  const codes: InlineCode[] = [];
  const marks: InlineMark[] = [];
  const nodes: InlineNode[] = [];
  let markup = false;
  for (const part of parts) {
    const shift = text.length;
    text += part.text;
    for (const c of part.codes) codes.push(shift === 0 ? c : { ...c, start: c.start + shift, end: c.end + shift });
    for (const m of part.marks) marks.push(shift === 0 ? m : { ...m, start: m.start + shift, end: m.end + shift });
    if (part.nodes !== undefined) {
      markup = true;
      appendAll(nodes, part.nodes);
    } else if (part.text !== '') {
      nodes.push({ type: 'text', text: part.text });
    }
  }
  return makeContent(text, codes, marks, keepNodes && markup ? compact(nodes) : undefined);
}

/**
 * A content object, with or without its tree. Written out as literals: spreading one content into
 * another (`{ ...content, nodes }`) gave every such object a hidden class of its own in V8, about
 * 200 bytes per target with markup.
 */
function makeContent(text: string, codes: InlineCode[], marks: InlineMark[], nodes: readonly InlineNode[] | undefined): InlineContent {
  const kept = detach(text);
  return nodes === undefined
    ? { text: kept, codes: compact(codes), marks: compact(marks) }
    : { text: kept, codes: compact(codes), marks: compact(marks), nodes };
}

/** An array of exactly its length (a pushed-to array reserves 17 slots), or the shared empty one. */
function compact<T>(list: T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** A copy of a tree whose text is code, not content (inside ph, bpt, x …): detached as it is. */
function copyRaw(nodes: readonly InlineNode[]): readonly InlineNode[] {
  if (nodes.length === 0) return NONE;
  return nodes.map((node): InlineNode => (node.type === 'text' ? { type: 'text', text: VOCABULARY.get(node.text) } : copyElement(node, copyRaw(node.children))));
}

function copyElement(node: InlineElementNode, children: readonly InlineNode[]): InlineElementNode {
  return {
    type: 'element',
    local: VOCABULARY.get(node.local),
    uri: node.uri,
    attrs: node.attrs,
    foreignAttrs: node.foreignAttrs,
    children,
    line: node.line,
    column: node.column,
  };
}

interface WalkState {
  text: string;
  codes: InlineCode[];
  marks: InlineMark[];
  /** Copied text nodes, and where their text lies in `text` (filled in once `text` is final). */
  cuts: Array<{ node: { type: 'text'; text: string }; start: number; end: number }>;
}

/** Adds the text, codes and markers of `nodes` to `state`; copies the nodes into `copy` when given. */
function walk(nodes: readonly InlineNode[], state: WalkState, copy: InlineNode[] | undefined): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (copy !== undefined) {
        const cut = { node: { type: 'text' as const, text: '' }, start: state.text.length, end: state.text.length + node.text.length };
        state.cuts.push(cut);
        copy.push(cut.node);
      }
      state.text += node.text;
      continue;
    }
    visitElement(node, state, copy);
  }
}

/** Walks the children of an element whose text is content (marks, containers, foreign elements). */
function walkInto(node: InlineElementNode, state: WalkState, copy: InlineNode[] | undefined): void {
  const kids = copy === undefined ? undefined : ([] as InlineNode[]);
  walk(node.children, state, kids);
  if (copy !== undefined) copy.push(copyElement(node, kids === undefined ? NONE : compact(kids)));
}

function visitElement(node: InlineElementNode, state: WalkState, copy: InlineNode[] | undefined): void {
  const start = state.text.length;
  const id = VOCABULARY.get(node.attrs.get('id') ?? node.attrs.get('rid') ?? node.attrs.get('startRef') ?? node.attrs.get('mid'));
  if (!isXliffNs(node.uri)) {
    // A foreign element inside content: keep its text, note it as a code so a comparison sees it.
    walkInto(node, state, copy);
    state.codes.push({ element: VOCABULARY.get(`{${node.uri}}${node.local}`), id, start, end: state.text.length, data: '' });
    return;
  }
  if (MARKS.has(node.local)) {
    const type = VOCABULARY.get(node.attrs.get('mtype') ?? node.attrs.get('type') ?? 'generic');
    if (type === TRACKED_DELETION) {
      // Trados track changes: text the translator deleted but nobody accepted yet. It is not
      // part of the translation; the tree keeps it, and the reader marks the target for review.
      copy?.push(copyElement(node, copyRaw(node.children)));
      state.marks.push({ type, id: VOCABULARY.get(node.attrs.get('mid') ?? node.attrs.get('id')), start, end: start });
      return;
    }
    walkInto(node, state, copy);
    const ref = node.attrs.get('ref');
    const mark: InlineMark = { type, id: VOCABULARY.get(node.attrs.get('mid') ?? node.attrs.get('id')), start, end: state.text.length };
    state.marks.push(ref === undefined ? mark : { ...mark, ref });
    return;
  }
  if (CONTAINERS.has(node.local)) {
    walkInto(node, state, copy);
    state.codes.push({ element: VOCABULARY.get(node.local), id, start, end: state.text.length, data: '' });
    return;
  }
  // The rest holds no content text: whatever is inside is code.
  copy?.push(copyElement(node, copyRaw(node.children)));
  if (node.local === 'cp') {
    // 2.x <cp hex="…"/> stands for a character XML cannot carry.
    const hex = node.attrs.get('hex') ?? '';
    const code = Number.parseInt(hex, 16);
    if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) state.text += String.fromCodePoint(code);
    return;
  }
  if (node.local === 'sm' || node.local === 'em') {
    state.marks.push({ type: VOCABULARY.get(node.attrs.get('type') ?? (node.local === 'em' ? 'end' : 'generic')), id, start, end: start });
    return;
  }
  // ph/bpt/ept/it (1.2), x, bx, ex, 2.x ph/sc/ec and anything else: a placeholder; what it holds is code.
  state.codes.push({ element: VOCABULARY.get(node.local), id, start, end: start, data: VOCABULARY.get(rawText(node.children)) });
}

/** `<mrk mtype="seg">` elements of a content tree, in order (1.2 seg-source/target segments). */
export function segmentMarks(nodes: readonly InlineNode[]): InlineElementNode[] {
  const found: InlineElementNode[] = [];
  const visit = (list: readonly InlineNode[]): void => {
    for (const node of list) {
      if (node.type !== 'element') continue;
      if (isXliffNs(node.uri) && node.local === 'mrk' && node.attrs.get('mtype') === 'seg') found.push(node);
      else visit(node.children);
    }
  };
  visit(nodes);
  return found;
}

/** Codes compared by element family and id, in order: what a QA step compares target to source. */
export function codeSignature(content: InlineContent): string[] {
  return content.codes.map((c) => `${c.element}#${c.id ?? ''}`);
}
