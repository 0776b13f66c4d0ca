/**
 * Writes one reviewer's action into an XLIFF file in place: the segment's target, its state, the
 * record of who edited or decided (see `review-marks.ts`) and a comment, and nothing else.
 *
 * Everything the action does not concern stays byte for byte as it was: other units and files,
 * attributes and elements of other namespaces, notes, candidates, the file's indentation, line
 * ends, byte order mark and encoding (UTF-8 or UTF-16). The file is located with the project's
 * safe XML parser, changed by splicing its text, and read back before it is handed out: a write
 * that would not read back as intended is never returned.
 *
 * Codes in a new target are written as the source of the same unit writes them (the same element
 * with the same attributes, `<bpt id="1">…</bpt>` or `<sc id="1" dataRef="d1"/>`), so any tool
 * pairs them with the source as before.
 */
import { xliffSentenceId } from '../ids.js';
import type { CodeKind, TargetState } from '../model.js';
import { decodeXmlBytes, escapeAttr, escapeText, parseXml, type XmlStartTag } from '../xml/index.js';
import { entriesOf, type Entry } from './entries.js';
import { XLIFF_FORMAT } from './format.js';
import { NS_11, NS_12, NS_MDA } from './inline.js';
import { readXliff } from './read.js';
import { noteFrom12, NS_L10N_REVIEW, recordMetas, recordText, REVIEW_CATEGORY, REVIEW_META, REVIEW_RECORD_FROM, type ReviewRecord } from './review-marks.js';
import { NEEDS_TRANSLATION_SUBSTATE } from './states.js';

/** Where a segment is in its file, as the reader found it (an `Entry`'s fields). */
export type SegmentPlace = Pick<Entry, 'fileIndex' | 'unitId' | 'segmentIndex' | 'family'>;

/** A target's content as a reviewer wrote it: text and the codes (by the source's ids) at offsets. */
export interface PatchContent {
  readonly text: string;
  readonly codes: ReadonlyArray<{ readonly id: string; readonly kind: CodeKind; readonly at: number }>;
}

/** Where a target stands after the action (`sent-back`: untranslated again, its text kept). */
export type PatchState = Exclude<TargetState, 'initial'> | 'sent-back' | 'initial';

/** One action on one segment. */
export interface SegmentPatch {
  readonly place: SegmentPlace;
  /** The new target; `null` removes it; absent leaves it as it is. */
  readonly target?: PatchContent | null;
  /** The segment's state after the action; absent leaves it as it is. */
  readonly state?: PatchState;
  /** Who edited and who decided, replacing what the file recorded; absent leaves it. */
  readonly record?: ReviewRecord;
  /** A reviewer's comment to add. */
  readonly note?: { readonly author: string; readonly time: string; readonly text: string };
}

/** The file cannot take this action as it is (a tool's segmentation, an unknown code, an encoding we cannot write). */
export class XliffWriteRefused extends Error {
  override name = 'XliffWriteRefused';
  constructor(
    message: string,
    /** What to do about it, for people. */
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The `subState` a sent-back 2.x segment gets (2.x has no state for it). */
export { NEEDS_TRANSLATION_SUBSTATE };

/** An element of the part of the file the patch touches, with its place in the text. */
interface Node {
  /** Qualified name as written. */
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  /** Attributes by local name (unprefixed) or `{uri}local`. */
  readonly attrs: ReadonlyMap<string, string>;
  /** Offset of the `<`. */
  readonly start: number;
  /** Offset after the start tag. */
  readonly startEnd: number;
  /** Offset after the element (its end tag). */
  end: number;
  readonly selfClosing: boolean;
  readonly children: Node[];
  /** Text directly inside (for `mda:meta` values). */
  text: string;
}

/** What the locating pass found. */
interface Located {
  readonly root: Node;
  readonly unit: Node;
  readonly core: string;
}

/** A change of the text: replace `[start, end)` with `text`. Inserts at one place keep their order. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies `patch` to the file's bytes and returns the new bytes (same encoding and byte order
 * mark). `file` names the file in messages.
 *
 * @throws XliffWriteRefused when the file cannot take the action; InputError when the file cannot
 *   be read; Error when the written file would not read back as intended (a defect; nothing is
 *   returned).
 */
export function patchXliff(bytes: Uint8Array, file: string, patch: SegmentPatch): Uint8Array {
  const decoded = decodeXmlBytes(bytes, file, XLIFF_FORMAT);
  const encode = encoderFor(decoded.encoding, decoded.bom, file);
  const text = decoded.text;
  const located = locate(text, file, patch.place);
  const splices = patch.place.family === '1.2' ? patch12(text, located, patch) : patch2x(text, located, patch);
  const patched = applySplices(text, splices);
  const out = encode(patched);
  verify(out, file, patch);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the file: the unit, with every element inside it.

function locate(text: string, file: string, place: SegmentPlace): Located {
  const stack: Node[] = [];
  let root: Node | undefined;
  let unit: Node | undefined;
  let files = -1;
  let inUnit = 0;
  const unitLocal = place.family === '1.2' ? 'trans-unit' : 'unit';
  parseXml(text, { file, format: XLIFF_FORMAT, maxBytes: 2 ** 31, doctype: 'external-only' }, {
    open: (tag, depth) => {
      const node = nodeOf(text, tag);
      if (depth === 0) root = node;
      const core = root?.uri ?? '';
      if (tag.local === 'file' && tag.uri === core && depth === 1) files += 1;
      if (inUnit > 0) {
        stack[stack.length - 1]?.children.push(node);
        stack.push(node);
        inUnit += 1;
        return;
      }
      if (unit === undefined && tag.local === unitLocal && tag.uri === core && files === place.fileIndex && node.attrs.get('id') === place.unitId) {
        unit = node;
        stack.push(node);
        inUnit = 1;
      }
    },
    close: (_tag, _depth, end) => {
      if (inUnit === 0) return;
      const node = stack.pop();
      if (node !== undefined) node.end = end;
      inUnit -= 1;
    },
    text: (t) => {
      const open = stack[stack.length - 1];
      if (inUnit > 0 && open !== undefined) open.text += t;
    },
  });
  if (root === undefined || unit === undefined) {
    throw new XliffWriteRefused(`unit "${place.unitId}" is no longer in ${file}`, 'Reload the page: the file changed since it was read.');
  }
  return { root, unit, core: root.uri };
}

function nodeOf(text: string, tag: XmlStartTag): Node {
  const attrs = new Map<string, string>();
  for (const a of tag.attributes) attrs.set(a.uri === '' ? a.local : `{${a.uri}}${a.local}`, a.value);
  // XML allows no `<` inside attribute values: the last one before the tag's end is its start.
  const start = text.lastIndexOf('<', tag.end - 1);
  return { name: tag.name, local: tag.local, uri: tag.uri, attrs, start, startEnd: tag.end, end: tag.end, selfClosing: tag.selfClosing, children: [], text: '' };
}

const isCore = (node: Node | undefined, core: string, local: string): node is Node => node !== undefined && node.local === local && (node.uri === core || (core === NS_12 && node.uri === NS_11));

// ---------------------------------------------------------------------------------------------
// XLIFF 1.2

function patch12(text: string, { unit, core }: Located, patch: SegmentPatch): Splice[] {
  const out: Splice[] = [];
  const kids = unit.children;
  const source = kids.find((k) => isCore(k, core, 'source'));
  if (source === undefined) throw new XliffWriteRefused(`unit "${patch.place.unitId}" has no source`, 'Export the file again.');
  if (kids.some((k) => isCore(k, core, 'seg-source'))) {
    throw new XliffWriteRefused(
      `unit "${patch.place.unitId}" was split into segments by a translation tool (<seg-source>); the review page does not rewrite such units`,
      'Make this change in the translation tool, or run `l10n extract` to write the file in the project\'s own shape first.',
    );
  }
  const target = kids.find((k) => isCore(k, core, 'target'));
  const state = patch.state;

  // The unit's approval follows the state (XLIFF 1.2: reviewed and final work is approved).
  if (state !== undefined) {
    out.push(retag(text, unit, [['approved', state === 'reviewed' || state === 'final' ? 'yes' : undefined]]));
  }

  const targetAttrs: Array<readonly [string, string | undefined]> = [];
  if (state !== undefined && state !== 'initial') targetAttrs.push(['state', STATE_12[state]]);
  if (patch.target !== undefined && patch.target !== null) targetAttrs.push(['state-qualifier', undefined]);
  let after: Node = target ?? source;
  if (patch.target === null || (state === 'initial' && target !== undefined && patch.target === undefined)) {
    if (target !== undefined) out.push(removeElement(text, target));
    after = source;
  } else if (patch.target !== undefined) {
    const content = targetMarkup(text, source, patch.target, '1.2', core);
    if (target !== undefined) {
      out.push({ start: target.start, end: target.end, text: `${withAttributes(text.slice(target.start, target.startEnd), targetAttrs, true)}${content}</${target.name}>` });
    } else {
      const name = `${prefixOf(source)}target`;
      const open = withAttributes(`<${name}>`, [...targetAttrs, ['xml:space', 'preserve']], true);
      out.push(insertAfter(text, source, `${open}${content}</${name}>`));
    }
  } else if (target !== undefined && targetAttrs.length > 0) {
    out.push(retag(text, target, targetAttrs));
  }

  const notes = kids.filter((k) => isCore(k, core, 'note'));
  if (patch.record !== undefined) {
    const existing = notes.find((n) => n.attrs.get('from') === REVIEW_RECORD_FROM);
    const recordBody = escapeText(recordText(patch.record));
    if (existing !== undefined) {
      out.push({ start: existing.start, end: existing.end, text: `${withAttributes(text.slice(existing.start, existing.startEnd), [], true)}${recordBody}</${existing.name}>` });
    } else {
      const own = notes.filter((n) => n.attrs.get('from') === 'context' || n.attrs.get('from') === 'glossary').at(-1);
      const name = `${prefixOf(source)}note`;
      out.push(insertAfter(text, own ?? after, `<${name} from="${REVIEW_RECORD_FROM}" annotates="target">${recordBody}</${name}>`));
    }
  }
  if (patch.note !== undefined) {
    const name = `${prefixOf(source)}note`;
    const from = escapeAttr(noteFrom12(patch.note.author, patch.note.time));
    const last = notes.at(-1);
    // With no note yet, after the target (and after the record note written with it).
    out.push(insertAfter(text, last ?? after, `<${name} from="${from}" annotates="target">${escapeText(patch.note.text)}</${name}>`));
  }
  return out;
}

const STATE_12: Readonly<Record<Exclude<PatchState, 'initial'>, string>> = {
  translated: 'translated',
  reviewed: 'signed-off',
  final: 'final',
  'sent-back': 'needs-translation',
};

// ---------------------------------------------------------------------------------------------
// XLIFF 2.x

function patch2x(text: string, { root, unit, core }: Located, patch: SegmentPatch): Splice[] {
  const out: Splice[] = [];
  const kids = unit.children;
  const segments = kids.filter((k) => isCore(k, core, 'segment'));
  const segment = segments[patch.place.segmentIndex];
  if (segment === undefined) throw new XliffWriteRefused(`unit "${patch.place.unitId}" has no segment ${patch.place.segmentIndex + 1}`, 'Reload the page: the file changed since it was read.');
  const source = segment.children.find((k) => isCore(k, core, 'source'));
  if (source === undefined) throw new XliffWriteRefused(`a segment of unit "${patch.place.unitId}" has no source`, 'Export the file again.');
  const target = segment.children.find((k) => isCore(k, core, 'target'));
  const segmentId = xliffSentenceId(patch.place.unitId, segment.attrs.get('id'), patch.place.segmentIndex, segments.length, '2x');
  const state = patch.state;
  const prefix = prefixOf(segment);

  if (state !== undefined) {
    out.push(
      retag(text, segment, [
        ['state', state === 'sent-back' ? 'initial' : state],
        ['subState', state === 'sent-back' ? NEEDS_TRANSLATION_SUBSTATE : undefined],
      ]),
    );
  }
  if (patch.target === null || (state === 'initial' && target !== undefined && patch.target === undefined)) {
    if (target !== undefined) out.push(removeElement(text, target));
  } else if (patch.target !== undefined) {
    const content = targetMarkup(text, source, patch.target, '2x', core);
    if (target !== undefined) {
      out.push({ start: target.start, end: target.end, text: `${withAttributes(text.slice(target.start, target.startEnd), [], true)}${content}</${target.name}>` });
    } else {
      out.push(insertAfter(text, source, `<${prefix}target xml:space="preserve">${content}</${prefix}target>`));
    }
  }

  // Where a new module element or <notes> goes: before <notes>, <originalData> and the segments.
  const firstCore = kids.find((k) => isCore(k, core, 'notes') || isCore(k, core, 'originalData') || isCore(k, core, 'segment') || isCore(k, core, 'ignorable'));
  if (patch.record !== undefined) {
    const metadata = kids.find((k) => k.uri === NS_MDA && k.local === 'metadata');
    const mdaPrefix = metadata === undefined ? 'mda:' : prefixOf(metadata);
    const group = metaGroupMarkup(mdaPrefix, segmentId, patch.record);
    const mine = metadata?.children.find((g) => g.uri === NS_MDA && g.local === 'metaGroup' && g.attrs.get('category') === REVIEW_CATEGORY && g.children.some((m) => m.local === 'meta' && m.attrs.get('type') === REVIEW_META.segment && m.text === segmentId));
    if (mine !== undefined) out.push({ start: mine.start, end: mine.end, text: group });
    else if (metadata !== undefined && !metadata.selfClosing) out.push(appendChild(text, metadata, group));
    else {
      const declared = /\sxmlns:mda\s*=\s*["']urn:oasis:names:tc:xliff:metadata:2\.0["']/u.test(text.slice(root.start, root.startEnd));
      const element = `<mda:metadata${declared ? '' : ` xmlns:mda="${NS_MDA}"`}>${group}</mda:metadata>`;
      out.push(metadata !== undefined ? { start: metadata.start, end: metadata.end, text: element } : insertBefore(text, firstCore ?? segment, element));
    }
  }
  if (patch.note !== undefined) {
    const ids = new Set<string>();
    const collect = (node: Node): void => {
      for (const child of node.children) {
        const id = child.attrs.get('id');
        if (id !== undefined) ids.add(id);
        collect(child);
      }
    };
    collect(unit);
    const noteId = freeId(ids, (k) => `n${k}`);
    ids.add(noteId);
    const markerId = freeId(ids, (k) => `c${patch.place.segmentIndex + 1}-${k}`);
    const note =
      `<${prefix}note id="${noteId}" xmlns:l10n="${NS_L10N_REVIEW}" category="${REVIEW_CATEGORY}" appliesTo="target" ` +
      `l10n:author="${escapeAttr(patch.note.author)}" l10n:time="${escapeAttr(patch.note.time)}">${escapeText(patch.note.text)}</${prefix}note>`;
    const notes = kids.find((k) => isCore(k, core, 'notes'));
    if (notes !== undefined && !notes.selfClosing) out.push(appendChild(text, notes, note));
    else out.push(insertBefore(text, firstCore ?? segment, `<${prefix}notes>${note}</${prefix}notes>`));
    // XLIFF 2 notes belong to the unit; a comment marker around the source ties this one to its segment.
    if (!source.selfClosing) {
      out.push({ start: source.startEnd, end: source.startEnd, text: `<${prefix}mrk id="${markerId}" type="comment" ref="#n=${noteId}">` });
      out.push({ start: closeTagStart(text, source), end: closeTagStart(text, source), text: `</${prefix}mrk>` });
    }
  }
  return out;
}

function metaGroupMarkup(prefix: string, segmentId: string, record: ReviewRecord): string {
  const metas = recordMetas(segmentId, record).map(([type, value]) => `<${prefix}meta type="${escapeAttr(type)}">${escapeText(value)}</${prefix}meta>`);
  return `<${prefix}metaGroup category="${REVIEW_CATEGORY}">${metas.join('')}</${prefix}metaGroup>`;
}

function freeId(taken: ReadonlySet<string>, make: (k: number) => string): string {
  for (let k = 1; ; k += 1) if (!taken.has(make(k))) return make(k);
}

// ---------------------------------------------------------------------------------------------
// Target content: text and the source's codes.

const ROLES_12: Readonly<Record<string, 'open' | 'close' | 'standalone' | 'container' | 'by-pos'>> = {
  ph: 'standalone',
  x: 'standalone',
  bx: 'open',
  bpt: 'open',
  ex: 'close',
  ept: 'close',
  it: 'by-pos',
  g: 'container',
};
const ROLES_2X: Readonly<Record<string, 'open' | 'close' | 'standalone' | 'container' | 'by-pos'>> = {
  ph: 'standalone',
  sc: 'open',
  ec: 'close',
  pc: 'container',
};

/** The markup of each code of a source, by kind and id: what a target writes for the same code. */
function codeMarkup(text: string, source: Node, family: '1.2' | '2x', core: string): Map<string, string> {
  const roles = family === '1.2' ? ROLES_12 : ROLES_2X;
  const out = new Map<string, string>();
  const put = (kind: CodeKind, id: string | undefined, markup: string): void => {
    if (id !== undefined && !out.has(`${kind} ${id}`)) out.set(`${kind} ${id}`, markup);
  };
  const visit = (node: Node): void => {
    for (const child of node.children) {
      const role = child.uri === core || (core === NS_12 && child.uri === NS_11) ? roles[child.local] : undefined;
      const id = child.attrs.get('id') ?? child.attrs.get('rid') ?? child.attrs.get('startRef');
      if (role === undefined) {
        visit(child);
        continue;
      }
      if (role === 'container') {
        if (child.selfClosing) put('standalone', id, text.slice(child.start, child.end));
        else {
          put('open', id, text.slice(child.start, child.startEnd));
          put('close', id, `</${child.name}>`);
        }
        visit(child);
        continue;
      }
      const kind: CodeKind = role === 'by-pos' ? (child.attrs.get('pos') === 'close' ? 'close' : 'open') : role;
      put(kind, id, text.slice(child.start, child.end));
    }
  };
  visit(source);
  return out;
}

/** The markup of a target: escaped text with each code written as the source writes it. */
function targetMarkup(text: string, source: Node, content: PatchContent, family: '1.2' | '2x', core: string): string {
  const markup = codeMarkup(text, source, family, core);
  const containers = new Set<string>();
  const seen = new Set<string>();
  const open: string[] = [];
  let out = '';
  let at = 0;
  for (const code of content.codes) {
    const key = `${code.kind} ${code.id}`;
    const written = markup.get(key);
    const token = code.kind === 'close' ? `⟦/${code.id}⟧` : code.kind === 'standalone' ? `⟦${code.id}/⟧` : `⟦${code.id}⟧`;
    if (written === undefined) {
      throw new XliffWriteRefused(`the target has the code ${token}, which the source of this segment does not have`, 'Remove it, or copy the code from the source.');
    }
    if (seen.has(key)) throw new XliffWriteRefused(`the target has the code ${token} twice`, 'Keep each code of the source once.');
    seen.add(key);
    const place = Math.min(Math.max(code.at, at), content.text.length);
    out += escapeContent(content.text.slice(at, place));
    at = place;
    // A container (<g>, <pc>) must open and close in the target, around what it held.
    const isContainer = written.startsWith('</') || (code.kind === 'open' && markup.get(`close ${code.id}`)?.startsWith('</') === true);
    if (isContainer) {
      containers.add(code.id);
      if (code.kind === 'open') open.push(code.id);
      else if (open.pop() !== code.id) {
        throw new XliffWriteRefused(`the code ${token} closes what it did not open (the file writes it as an element around its text)`, 'Put the codes back in the order of the source: each ⟦n⟧ … ⟦/n⟧ around its words, one inside the other.');
      }
    }
    out += written;
  }
  out += escapeContent(content.text.slice(at));
  if (open.length > 0) {
    throw new XliffWriteRefused(`the code ⟦${open.at(-1) ?? ''}⟧ is not closed in the target (the file writes it as an element around its text)`, 'Add its ⟦/n⟧ after the words it formats.');
  }
  return out;
}

function escapeContent(value: string): string {
  try {
    return escapeText(value);
  } catch (error) {
    throw new XliffWriteRefused(`the target holds a character XML cannot carry (${(error as Error).message})`, 'Remove the control character from the text.');
  }
}

// ---------------------------------------------------------------------------------------------
// Splices: small edits of the text that keep its layout.

const newline = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** The white space that starts the line of `offset`, or '' when something else comes before it on its line. */
function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/u.test(before) ? before : '';
}

/** True when the element starts its line (only white space before it). */
function startsLine(text: string, node: Node): boolean {
  const lineStart = text.lastIndexOf('\n', node.start - 1) + 1;
  return /^[ \t]*$/u.test(text.slice(lineStart, node.start));
}

function insertAfter(text: string, node: Node, markup: string): Splice {
  const gap = startsLine(text, node) ? newline(text) + indentOf(text, node.start) : '';
  return { start: node.end, end: node.end, text: gap + markup };
}

function insertBefore(text: string, node: Node, markup: string): Splice {
  const gap = startsLine(text, node) ? newline(text) + indentOf(text, node.start) : '';
  return { start: node.start, end: node.start, text: markup + gap };
}

/** Adds `markup` as the last child of `parent`, indented like its other children. */
function appendChild(text: string, parent: Node, markup: string): Splice {
  const last = parent.children.at(-1);
  if (last !== undefined) return insertAfter(text, last, markup);
  const close = closeTagStart(text, parent);
  if (!startsLine(text, parent)) return { start: close, end: close, text: markup };
  const indent = indentOf(text, parent.start);
  return { start: parent.startEnd, end: parent.startEnd, text: `${newline(text)}${indent}  ${markup}${/\n[ \t]*$/u.test(text.slice(parent.startEnd, close)) ? '' : newline(text) + indent}` };
}

function closeTagStart(text: string, node: Node): number {
  return text.lastIndexOf('<', node.end - 1);
}

/** Removes an element, with its line when it has one of its own. */
function removeElement(text: string, node: Node): Splice {
  if (!startsLine(text, node)) return { start: node.start, end: node.end, text: '' };
  const lineStart = text.lastIndexOf('\n', node.start - 1);
  const from = lineStart > 0 && text[lineStart - 1] === '\r' ? lineStart - 1 : lineStart;
  return { start: Math.max(0, from), end: node.end, text: '' };
}

/** The element's start tag with attributes changed. */
function retag(text: string, node: Node, changes: ReadonlyArray<readonly [string, string | undefined]>): Splice {
  return { start: node.start, end: node.startEnd, text: withAttributes(text.slice(node.start, node.startEnd), changes, node.selfClosing ? false : undefined) };
}

const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/uy;

/**
 * A start tag with attributes set (a value) or removed (undefined), the others as written. New
 * attributes go at the end. `open`: true turns `<x/>` into `<x>`; undefined keeps the tag's form.
 */
function withAttributes(tag: string, changes: ReadonlyArray<readonly [string, string | undefined]>, open?: boolean | undefined): string {
  const name = /^<[^\s/>]+/u.exec(tag)?.[0] ?? '<';
  let out = name;
  let at = name.length;
  const pending = new Map(changes);
  ATTRIBUTE.lastIndex = at;
  for (let match = ATTRIBUTE.exec(tag); match !== null; match = ATTRIBUTE.exec(tag)) {
    const attr = match[1] as string;
    at = ATTRIBUTE.lastIndex;
    if (!pending.has(attr)) {
      out += match[0];
      continue;
    }
    const value = pending.get(attr);
    pending.delete(attr);
    if (value !== undefined) out += `${/^\s+/u.exec(match[0])?.[0] ?? ' '}${attr}="${escapeAttr(value)}"`;
  }
  for (const [attr, value] of pending) if (value !== undefined) out += ` ${attr}="${escapeAttr(value)}"`;
  const tail = tag.slice(at);
  const selfClosing = /\/\s*>$/u.test(tail);
  if (open === true && selfClosing) return out + '>';
  return out + (selfClosing ? tail.replace(/^\s*/u, selfClosing && /^\s/u.test(tail) ? ' ' : '') : tail.replace(/^\s+>/u, '>'));
}

function prefixOf(node: Node): string {
  return node.name.length > node.local.length ? node.name.slice(0, node.name.length - node.local.length) : '';
}

function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) throw new Error(`patchXliff: overlapping changes at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Encoding back, and reading back.

function encoderFor(encoding: string, bom: boolean, file: string): (text: string) => Uint8Array {
  if (encoding === 'utf-8') return (text) => Buffer.from(bom ? '\uFEFF' + text : text, 'utf8');
  if (encoding === 'utf-16le') return (text) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (encoding === 'utf-16be') return (text) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le').swap16();
  throw new XliffWriteRefused(
    `${file} is in ${encoding}; the review page writes only UTF-8 and UTF-16 files, so it leaves this one as it is`,
    'Save the file as UTF-8 in the translation tool (or run `l10n extract`, which writes UTF-8), then review it.',
  );
}

/** Reads the written file back and checks that the segment says what the patch meant. */
function verify(bytes: Uint8Array, file: string, patch: SegmentPatch): void {
  const parsed = readXliff(bytes, file);
  const entry = entriesOf(parsed).find((e) => e.fileIndex === patch.place.fileIndex && e.unitId === patch.place.unitId && e.segmentIndex === patch.place.segmentIndex);
  if (entry === undefined) throw new Error(`patchXliff: the written ${file} lost unit "${patch.place.unitId}"`);
  const text = entry.target?.text;
  if (patch.target === null && text !== undefined && text.trim() !== '') throw new Error(`patchXliff: the target of unit "${patch.place.unitId}" was not removed`);
  if (patch.target !== undefined && patch.target !== null && text !== patch.target.text) {
    throw new Error(`patchXliff: the target of unit "${patch.place.unitId}" reads back as ${JSON.stringify(text)}, not ${JSON.stringify(patch.target.text)}`);
  }
  const expected: TargetState | undefined = patch.state === undefined ? undefined : patch.state === 'sent-back' ? 'initial' : patch.state;
  if (expected !== undefined && entry.state !== expected) {
    throw new Error(`patchXliff: unit "${patch.place.unitId}" reads back in state ${entry.state}, not ${expected}`);
  }
}
