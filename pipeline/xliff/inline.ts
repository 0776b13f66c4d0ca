/**
 * Inline content: from the node tree the reader keeps to the text a translator reads, the codes
 * (to compare target with source) and the markers (terms, segments, comments).
 */
import type { InlineCode, InlineContent, InlineElementNode, InlineMark, InlineNode } from './types.js';

export const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
export const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';
export const NS_22 = 'urn:oasis:names:tc:xliff:document:2.2';
export const NS_MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';

/** Whether a namespace is one of the XLIFF core namespaces (or none, for namespace-less 1.2). */
export function isXliffNs(uri: string): boolean {
  return uri === NS_12 || uri === NS_20 || uri === NS_22 || uri === '';
}

/** Elements whose content is native code, not translatable text (1.2). */
const CODE_CONTENT = new Set(['ph', 'bpt', 'ept', 'it']);
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

/** Builds text, codes and markers of a content tree. */
export function contentOf(nodes: readonly InlineNode[]): InlineContent {
  const state = { text: '', codes: [] as InlineCode[], marks: [] as InlineMark[] };
  walk(nodes, state);
  return { nodes, text: state.text, codes: state.codes, marks: state.marks };
}

interface WalkState {
  text: string;
  codes: InlineCode[];
  marks: InlineMark[];
}

function walk(nodes: readonly InlineNode[], state: WalkState): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      state.text += node.text;
      continue;
    }
    visitElement(node, state);
  }
}

function visitElement(node: InlineElementNode, state: WalkState): void {
  const start = state.text.length;
  const id = node.attrs.get('id') ?? node.attrs.get('rid') ?? node.attrs.get('startRef') ?? node.attrs.get('mid');
  if (!isXliffNs(node.uri)) {
    // A foreign element inside content: keep its text, note it as a code so a comparison sees it.
    walk(node.children, state);
    state.codes.push({ element: `{${node.uri}}${node.local}`, id, start, end: state.text.length, data: '' });
    return;
  }
  if (node.local === 'cp') {
    // 2.x <cp hex="…"/> stands for a character XML cannot carry.
    const hex = node.attrs.get('hex') ?? '';
    const code = Number.parseInt(hex, 16);
    if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) state.text += String.fromCodePoint(code);
    return;
  }
  if (CODE_CONTENT.has(node.local)) {
    state.codes.push({ element: node.local, id, start, end: start, data: rawText(node.children) });
    return;
  }
  if (MARKS.has(node.local)) {
    walk(node.children, state);
    const type = node.attrs.get('mtype') ?? node.attrs.get('type') ?? 'generic';
    state.marks.push({ type, id: node.attrs.get('mid') ?? node.attrs.get('id'), start, end: state.text.length });
    return;
  }
  if (node.local === 'sm' || node.local === 'em') {
    state.marks.push({ type: node.attrs.get('type') ?? (node.local === 'em' ? 'end' : 'generic'), id, start, end: start });
    return;
  }
  if (CONTAINERS.has(node.local)) {
    walk(node.children, state);
    state.codes.push({ element: node.local, id, start, end: state.text.length, data: '' });
    return;
  }
  // x, bx, ex, 2.x ph/sc/ec and anything else: a placeholder; whatever it holds is code.
  state.codes.push({ element: node.local, id, start, end: start, data: rawText(node.children) });
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
