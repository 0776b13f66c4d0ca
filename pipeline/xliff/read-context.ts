/**
 * What the XLIFF 1.2 and 2.x interpreters share while reading one file: the results so far, the
 * core namespace, errors and warnings with positions, and the pieces both versions read the same
 * way (notes, content, attributes, unique ids, states, metadata).
 */
import { InputError, type Message, type TargetState } from '../model.js';
import { elementsOf, textOf, VOCABULARY, type XmlTreeElement } from '../xml/index.js';
import { contentOf, NS_11, NS_12, NS_MDA } from './inline.js';
import { NS_L10N_REVIEW, readNoteFrom12 } from './review-marks.js';
import type { StateMeaning } from './states.js';
import type { InlineContent, InlineNode, ParsedFile, ParsedNote, ParsedSegment, ParsedUnit, ReadVersion } from './types.js';

/** Shared by every unit without notes, candidates, ignorables or extensions; never written to. */
export const NONE: readonly never[] = Object.freeze([]);
/** Shared by every unit and file without metadata; never written to. */
export const EMPTY_MAP: ReadonlyMap<string, string> = new Map();

/** The state of one read: results, namespace, messages, and the helpers both versions use. */
export class ReadContext {
  readonly messages: Message[] = [];
  readonly files: ParsedFile[] = [];
  readonly units: ParsedUnit[] = [];
  /**
   * The id and line of every unit read, for duplicate checks: `units` itself, or, when units are
   * handed to `onUnit` instead of kept, a list of just those two fields.
   */
  readonly seen: Array<{ readonly id: string; readonly line: number }>;
  /** 2.x file ids seen so far. */
  readonly fileIds = new Set<string>();
  root: XmlTreeElement | undefined;
  version: ReadVersion = '1.2';
  /** The core namespace of the file ('' for a namespace-less 1.2 file). */
  ns = '';
  /**
   * True in a 1.x file, where elements of the 1.1 and 1.2 namespaces are both core: Translate
   * Toolkit's `po2xliff -t` appends prefixed 1.1 units to a 1.2 file.
   */
  family12 = true;
  /**
   * True inside a `<file datatype="po">`: a Translate Toolkit PO conversion, where `approved="yes"`
   * means "not fuzzy" and a fuzzy entry is a target with state needs-translation.
   */
  poConversion = false;
  /** The group ids of the last unit, reused while units share their innermost group. */
  private groupsOf: { readonly group: XmlTreeElement | undefined; readonly ids: readonly string[] } = { group: undefined, ids: NONE };

  constructor(
    readonly file: string,
    /** Receives each unit instead of `units` (see `ReadOptions.onUnit`). */
    private readonly onUnit?: (unit: ParsedUnit) => void,
  ) {
    this.seen = onUnit === undefined ? this.units : [];
  }

  /** A unit read: kept in `units`, or handed to `onUnit`. */
  emit(unit: ParsedUnit): void {
    if (this.onUnit === undefined) {
      this.units.push(unit);
      return;
    }
    this.seen.push({ id: unit.id, line: unit.line });
    this.onUnit(unit);
  }

  fail(ruleId: string, reason: string, hint: string, at: XmlTreeElement, extra: Partial<Message> = {}): never {
    throw new InputError({
      reason,
      ruleId,
      source: 'xliff-import',
      severity: 'error',
      fatal: true,
      file: this.file,
      line: at.line,
      column: at.column,
      hint,
      ...extra,
    });
  }

  warn(ruleId: string, reason: string, hint: string, at: XmlTreeElement, unit?: string, severity: 'warning' | 'info' = 'warning'): void {
    this.messages.push({ reason, ruleId, source: 'xliff-import', severity, file: this.file, line: at.line, column: at.column, hint, unit });
  }

  isCore(node: XmlTreeElement, local: string): boolean {
    if (node.local !== local) return false;
    const uri = node.uri;
    return uri === this.ns || (this.family12 && (uri === NS_12 || uri === NS_11));
  }

  /** Records a foreign element by name (it is kept as a name; its content is not ours). */
  foreign(node: XmlTreeElement, into: string[]): void {
    into.push(`{${node.uri}}${node.local}`);
  }

  /**
   * The ids of the groups around a unit, outermost first. Units of one group share one array: a
   * large file has a hundred thousand units in a few thousand groups.
   */
  groupIds(groups: readonly XmlTreeElement[]): readonly string[] {
    const innermost = groups[groups.length - 1];
    if (innermost !== this.groupsOf.group) {
      this.groupsOf = { group: innermost, ids: groups.length === 0 ? NONE : groups.map((g) => g.attrs.get('id') ?? '') };
    }
    return this.groupsOf.ids;
  }

  note(node: XmlTreeElement, version: '1.2' | '2x'): ParsedNote {
    const priority = node.attrs.get('priority');
    const from = VOCABULARY.get(version === '1.2' ? node.attrs.get('from') : node.attrs.get('category'));
    const note: ParsedNote = {
      text: textOf(node),
      from,
      annotates: version === '1.2' ? node.attrs.get('annotates') : node.attrs.get('appliesTo'),
      priority: priority === undefined ? undefined : Number.parseInt(priority, 10),
      id: node.attrs.get('id'),
    };
    // Who wrote it and when (a reviewer's comment, see `review-marks.ts`).
    const signed = version === '1.2' ? readNoteFrom12(from) : noteSignature2x(node);
    return signed.author === undefined ? note : { ...note, ...signed };
  }

  /** Content of a `<source>` or `<target>`; `keepNodes` for targets (see `contentOf`). */
  content(node: XmlTreeElement | undefined, keepNodes = false): InlineContent | undefined {
    if (node === undefined) return undefined;
    return contentOf(toInline(node.children), keepNodes);
  }

  /** All attributes of a unit element as written (`name` or `{uri}local`). */
  attributes(node: XmlTreeElement): ReadonlyMap<string, string> {
    return node.attrs.concat(node.foreignAttrs);
  }

  /** Fails on an id already in `seen` (to which it is added). */
  checkUnique(seen: IdSet, id: string, node: XmlTreeElement, what: string): void {
    const before = seen.add(id);
    if (before === undefined) return;
    this.fail(
      'xliff/duplicate-id',
      `duplicate ${what} id "${id}" (first at line ${before})`,
      'Ids must be unique; a tool or a hand edit copied a unit. Remove the copy or export the file again.',
      node,
      { unit: id },
    );
  }

  noteState(meaning: StateMeaning, raw: string | undefined, node: XmlTreeElement, unit: string): void {
    if (!meaning.known && raw !== undefined) {
      this.warn(
        'xliff/unknown-state',
        `unknown state "${raw}"; read as translated and needing review`,
        'Use one of the XLIFF states (1.2: new … final; 2.x: initial, translated, reviewed, final).',
        node,
        unit,
      );
    }
  }
}

const XML_SPACE = '{http://www.w3.org/XML/1998/namespace}space';
const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';

/** The `xml:lang` of a target element, if it has one. */
export function languageOf(node: XmlTreeElement | undefined): string | undefined {
  return node === undefined || node.foreignAttrs.size === 0 ? undefined : VOCABULARY.get(node.foreignAttrs.get(XML_LANG));
}

/**
 * Applies `xml:space="default"` to a source or target: when the element, or the nearest of its
 * segment (2.x), unit and groups that says, asks for the default handling, runs of spaces, tabs and
 * line breaks become one space and the content is trimmed (segment markers too). Tools that
 * re-indent a file write this to say their line breaks are layout, not text. Without the attribute,
 * or with `preserve`, the text is kept as written. Changes the tree in place (it is read once).
 */
export function applyXmlSpace(node: XmlTreeElement | undefined, segment: XmlTreeElement | undefined, unit: XmlTreeElement, groups: readonly XmlTreeElement[]): void {
  if (node === undefined) return;
  // No array of scopes: this runs for every source and target of a 50 MB file.
  let mode = node.foreignAttrs.get(XML_SPACE) ?? segment?.foreignAttrs.get(XML_SPACE) ?? unit.foreignAttrs.get(XML_SPACE);
  for (let i = groups.length - 1; mode === undefined && i >= 0; i -= 1) mode = (groups[i] as XmlTreeElement).foreignAttrs.get(XML_SPACE);
  if (mode !== 'default') return;
  collapse(node.children);
}

function collapse(children: XmlTreeElement['children']): void {
  for (const child of children) {
    if (child.type === 'text') child.text = child.text.replace(/[ \t\r\n]+/gu, ' ');
    else collapse(child.children);
  }
  trimEdges(children);
  for (const child of children) {
    if (child.type === 'element' && child.local === 'mrk' && child.attrs.get('mtype') === 'seg') trimEdges(child.children);
  }
}

function trimEdges(children: XmlTreeElement['children']): void {
  const first = children[0];
  if (first?.type === 'text') first.text = first.text.replace(/^ /u, '');
  const last = children[children.length - 1];
  if (last?.type === 'text') last.text = last.text.replace(/ $/u, '');
}

/** True for the versions read as XLIFF 1.2 (1.2 itself, 1.1 and 1.0, which have the same units, targets and states). */
export function isFamily12(version: ReadVersion): boolean {
  return version === '1.2' || version === '1.1' || version === '1.0';
}

/** Hash collisions of different ids an `IdSet` resolves by scanning before it keeps exact ids. */
const MAX_COLLISIONS = 32;

/**
 * The ids of one scope (the units of a `<file>`, the segments of a unit), for duplicate checks.
 * It keeps 32-bit hashes, not the ids: a Set of a hundred thousand id strings compares every probe
 * against strings scattered over the heap (measured: 110 ms of a 50 MB import, 50 ms with numbers).
 * The ids themselves are in `earlier` (what was read with them, in order from `from`), scanned only
 * when a hash repeats; past `MAX_COLLISIONS` different ids sharing a hash (a crafted file) it
 * switches to a Set of the ids, so no file makes each check a scan.
 */
export class IdSet {
  private readonly hashes = new Set<number>();
  private exact: Set<string> | undefined;
  private collisions = 0;

  constructor(
    private readonly earlier: ReadonlyArray<{ readonly id: string | undefined; readonly line: number }>,
    private readonly from: number,
  ) {}

  /** Adds `id`, to be followed by its item in `earlier`; returns the line of an earlier item with the same id instead, if any. */
  add(id: string): number | undefined {
    const exact = this.exact;
    if (exact !== undefined) {
      const size = exact.size;
      return exact.add(id).size === size ? this.lineOf(id) : undefined;
    }
    const size = this.hashes.size;
    if (this.hashes.add(hashOf(id)).size !== size) return undefined;
    const line = this.lineOf(id);
    if (line !== undefined) return line;
    this.collisions += 1;
    if (this.collisions > MAX_COLLISIONS) {
      const ids = new Set<string>([id]);
      for (let i = this.from; i < this.earlier.length; i += 1) {
        const known = (this.earlier[i] as { readonly id: string | undefined }).id;
        if (known !== undefined) ids.add(known);
      }
      this.exact = ids;
    }
    return undefined;
  }

  private lineOf(id: string): number | undefined {
    for (let i = this.earlier.length - 1; i >= this.from; i -= 1) {
      const item = this.earlier[i] as { readonly id: string | undefined; readonly line: number };
      if (item.id === id) return item.line;
    }
    return undefined;
  }
}

/** FNV-1a over the UTF-16 units of a string, as a 32-bit integer. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Tree children as inline nodes. The tree's nodes already have the inline shape, so they are
 * handed over as they are: `contentOf` copies what it keeps.
 */
export function toInline(children: XmlTreeElement['children']): readonly InlineNode[] {
  return children;
}

/** A list of exactly its length, or the shared empty one (a pushed-to array reserves 17 slots). */
export function compact<T>(list: T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** `l10n:author` and `l10n:time` of a 2.x note. */
function noteSignature2x(node: XmlTreeElement): { author?: string; time?: string } {
  if (node.foreignAttrs.size === 0) return {};
  const author = node.foreignAttrs.get(`{${NS_L10N_REVIEW}}author`);
  const time = node.foreignAttrs.get(`{${NS_L10N_REVIEW}}time`);
  if (author === undefined || author.trim() === '') return {};
  return time === undefined ? { author } : { author, time };
}

/** Reads `mda:meta` values by type, flattening meta groups (`category/type` when categorized). */
export function readMetadata(node: XmlTreeElement, into: Map<string, string>, category = ''): void {
  for (const child of elementsOf(node)) {
    if (child.uri !== NS_MDA) continue;
    if (child.local === 'metaGroup') readMetadata(child, into, child.attrs.get('category') ?? category);
    else if (child.local === 'meta') {
      const type = child.attrs.get('type') ?? '';
      into.set(category === '' ? type : `${category}/${type}`, textOf(child));
    }
  }
}

/** "87", "87%", "87.5" → 87.5; anything else → undefined. */
export function parseQuality(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/u.exec(raw);
  return m === null ? undefined : Number(m[1]);
}

const RANK: Readonly<Record<TargetState, number>> = { initial: 0, translated: 1, reviewed: 2, final: 3 };

/** A unit's state: the least advanced of its segments. */
export function summarize(segments: readonly ParsedSegment[]): { state: TargetState; needsReview: boolean } {
  let state: TargetState = segments[0]?.state ?? 'initial';
  for (const s of segments) if (RANK[s.state] < RANK[state]) state = s.state;
  return { state, needsReview: segments.some((s) => s.needsReview) };
}
