/**
 * The XLIFF reader: any XLIFF 1.2 or 2.x file as CAT tools leave it, into `ParsedXliff`.
 *
 * It accepts what tools do to files (re-indentation, other prefixes, foreign namespaces and
 * attributes, comments, CDATA, CRLF, BOMs, `<seg-source>` segmentation, `<mrk>` wrapping, every
 * state value) and refuses, with a place and a hint, what it cannot take safely (DOCTYPE, bad
 * encoding, truncated XML, a version it does not know, duplicate ids).
 */
import { InputError, type Message, type TargetState } from '../model.js';
import { decodeXmlBytes } from './decode.js';
import { contentOf, isXliffNs, NS_12, NS_20, NS_22, NS_MDA, NS_MTC, segmentMarks } from './inline.js';
import { stateFrom12, stateFrom2x, STATES_12, type StateMeaning } from './states.js';
import type {
  InlineContent,
  InlineNode,
  ParsedCandidate,
  ParsedFile,
  ParsedIgnorable,
  ParsedNote,
  ParsedSegment,
  ParsedUnit,
  ParsedXliff,
  ReadOptions,
  ReadVersion,
} from './types.js';
import { elementsOf, parseXmlTree, textOf, type XmlTreeElement } from './xmltree.js';

/** Default size limit: generous for any article, small enough to stop a runaway file. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
/** Default nesting limit. Real XLIFF nests fewer than 20 levels. */
export const DEFAULT_MAX_DEPTH = 256;

/** Checks reader options up front: "expected X, got Y". */
function checkOptions(options: ReadOptions): { maxBytes: number; maxDepth: number } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > 2 ** 31) {
    throw new RangeError(`readXliff: expected maxBytes to be an integer from 1 to 2^31, got ${String(maxBytes)}`);
  }
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10_000) {
    throw new RangeError(`readXliff: expected maxDepth to be an integer from 1 to 10000, got ${String(maxDepth)}`);
  }
  return { maxBytes, maxDepth };
}

/**
 * Reads any XLIFF 1.2 or 2.x file.
 *
 * @param bytes the file as read from disk (UTF-8, BOM allowed; UTF-16 with BOM)
 * @param file the name to report in messages (relative to the project root where possible)
 * @throws InputError with file, line, column (or byte offset), a `xliff/…` rule id and a hint
 *   when the file cannot be used; nothing is half-imported.
 */
export function readXliff(bytes: Uint8Array, file: string, options: ReadOptions = {}): ParsedXliff {
  const { maxBytes, maxDepth } = checkOptions(options);
  if (bytes.length > maxBytes) {
    throw new InputError({
      reason: `The file is ${bytes.length} bytes, more than the limit of ${maxBytes}.`,
      ruleId: 'xliff/too-large',
      source: 'xliff-import',
      severity: 'error',
      fatal: true,
      file,
      actual: String(bytes.length),
      expected: `at most ${maxBytes} bytes`,
      hint: 'Check that this is the right file; if it is, raise the maxBytes option.',
    });
  }
  const decoded = decodeXmlBytes(bytes, file);
  const interpreter = new XliffInterpreter(file);
  const tree = parseXmlTree(decoded.text, file, maxDepth, {
    open: (node, ancestors) => interpreter.open(node, ancestors),
    close: (node, ancestors) => interpreter.close(node, ancestors),
  });
  const declared = tree.declaredEncoding?.toLowerCase();
  if (declared !== undefined && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(declared)) {
    throw new InputError({
      reason: `The XML declaration names the encoding "${tree.declaredEncoding}"; only UTF-8 and UTF-16 are read.`,
      ruleId: 'xliff/encoding',
      source: 'xliff-import',
      severity: 'error',
      fatal: true,
      file,
      line: 1,
      column: 1,
      actual: tree.declaredEncoding,
      expected: 'UTF-8',
      hint: 'Export the file as UTF-8 from the translation tool.',
    });
  }
  return interpreter.finish();
}

/** The namespace each version must use. */
const NAMESPACE_OF: ReadonlyMap<string, string> = new Map([
  ['1.2', NS_12],
  ['2.0', NS_20],
  ['2.1', NS_20],
  ['2.2', NS_22],
]);

/** Walks the tree of one file and builds `ParsedXliff`; throws InputError on what it cannot take. */
class XliffInterpreter {
  private readonly messages: Message[] = [];
  private readonly files: ParsedFile[] = [];
  private readonly units: ParsedUnit[] = [];
  private readonly fileIds = new Set<string>();
  private ns = '';

  constructor(private readonly file: string) {}

  private root: XmlTreeElement | undefined;
  private version: ReadVersion = '1.2';
  /** The `<file>` being read: its index and the unit ids seen in it (id → line). */
  private current: { index: number; seen: Map<string, number> } | undefined;
  private opened = 0;

  /**
   * Called as each element opens: checks the root as soon as it is known (a wrong version stops
   * the read before the rest of the file is parsed) and starts each `<file>`.
   */
  open(node: XmlTreeElement, ancestors: readonly XmlTreeElement[]): void {
    if (ancestors.length === 0) {
      this.root = node;
      this.version = this.checkRoot(node);
      this.ns = node.uri;
      return;
    }
    if (ancestors.length === 1 && this.isCore(node, 'file')) {
      if (this.version !== '1.2') this.checkFileId2x(node);
      this.current = { index: this.opened, seen: new Map() };
      this.opened += 1;
    }
  }

  /**
   * Called as each element closes. Units are interpreted here and then dropped from the tree
   * (returns true), so a large file never holds its whole tree and its parsed units at once.
   */
  close(node: XmlTreeElement, ancestors: readonly XmlTreeElement[]): boolean {
    const current = this.current;
    if (ancestors.length === 0 || current === undefined) return false;
    if (ancestors.length === 1 && this.isCore(node, 'file')) {
      this.files[current.index] = this.version === '1.2' ? this.file12(node) : this.file2x(node);
      this.current = undefined;
      return true;
    }
    if (this.version === '1.2') {
      if (!this.inBody12(ancestors)) return false;
      if (this.isCore(node, 'trans-unit')) {
        const groups = ancestors.slice(3);
        let restype: string | undefined;
        for (const g of groups) restype = g.attrs.get('restype') ?? restype;
        this.readUnit12(node, current.index, groups.map((g) => g.attrs.get('id') ?? ''), restype, current.seen);
        return true;
      }
      if (this.isCore(node, 'bin-unit')) {
        this.warn('xliff/bin-unit', 'A <bin-unit> (binary resource) was skipped.', 'Binary units are not translated by this pipeline.', node);
        return true;
      }
      return false;
    }
    if (this.isCore(node, 'unit') && this.inFile2x(ancestors)) {
      this.readUnit2x(node, current.index, ancestors.slice(2).map((g) => g.attrs.get('id') ?? ''), current.seen);
      return true;
    }
    return false;
  }

  /** 1.2 units count inside `<xliff><file><body><group>*`, nowhere else. */
  private inBody12(ancestors: readonly XmlTreeElement[]): boolean {
    const [, file, body, ...groups] = ancestors;
    return (
      file !== undefined && this.isCore(file, 'file') && body !== undefined && this.isCore(body, 'body') && groups.every((g) => this.isCore(g, 'group'))
    );
  }

  /** 2.x units count inside `<xliff><file><group>*`. */
  private inFile2x(ancestors: readonly XmlTreeElement[]): boolean {
    const [, file, ...groups] = ancestors;
    return file !== undefined && this.isCore(file, 'file') && groups.every((g) => this.isCore(g, 'group'));
  }

  /** The result, once the whole file has been parsed. */
  finish(): ParsedXliff {
    const root = this.root;
    if (root === undefined) throw new RangeError('XliffInterpreter.finish: no root element was seen');
    if (this.files.length === 0) {
      this.fail('xliff/no-file', 'The file has no <file> element.', 'A translator file holds at least one <file>; export it again.', root);
    }
    const version = this.version;
    const first = this.files[0];
    const sourceLanguage = version === '1.2' ? first?.sourceLanguage : root.attrs.get('srcLang');
    const targetLanguage = version === '1.2' ? first?.targetLanguage : root.attrs.get('trgLang');
    return {
      file: this.file,
      version,
      namespace: root.uri,
      sourceLanguage,
      targetLanguage,
      files: this.files,
      units: this.units,
      messages: this.messages,
    };
  }

  // ---- errors and messages -------------------------------------------------------------------

  private fail(ruleId: string, reason: string, hint: string, at: XmlTreeElement, extra: Partial<Message> = {}): never {
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

  private warn(ruleId: string, reason: string, hint: string, at: XmlTreeElement, unit?: string): void {
    this.messages.push({ reason, ruleId, source: 'xliff-import', severity: 'warning', file: this.file, line: at.line, column: at.column, hint, unit });
  }

  private isCore(node: XmlTreeElement, local: string): boolean {
    return node.uri === this.ns && node.local === local;
  }

  /** Records a foreign element by name (it is kept as a name; its content is not ours). */
  private foreign(node: XmlTreeElement, into: string[]): void {
    into.push(`{${node.uri}}${node.local}`);
  }

  // ---- root ----------------------------------------------------------------------------------

  private checkRoot(root: XmlTreeElement): ReadVersion {
    if (root.local !== 'xliff' || !isXliffNs(root.uri)) {
      this.fail(
        'xliff/not-xliff',
        `The root element is <${root.name}>${root.uri === '' ? '' : ` in namespace ${root.uri}`}, not an XLIFF <xliff> element.`,
        'Check that this is the translated XLIFF file and not another export format.',
        root,
      );
    }
    const version = root.attrs.get('version');
    if (version === undefined) {
      this.fail('xliff/no-version', 'The <xliff> element has no version attribute.', 'Export the file again; every XLIFF file names its version.', root);
    }
    const expectedNs = NAMESPACE_OF.get(version);
    if (expectedNs === undefined) {
      this.fail(
        'xliff/unsupported-version',
        `XLIFF version "${version}" is not supported.`,
        'Export as XLIFF 1.2 or 2.1 (2.0 and 2.2 are read too).',
        root,
        { actual: version, expected: '1.2, 2.0, 2.1 or 2.2' },
      );
    }
    if (root.uri === '' && version === '1.2') {
      this.warn('xliff/no-namespace', 'The <xliff> element has no namespace; read as XLIFF 1.2.', 'Tools should write xmlns="urn:oasis:names:tc:xliff:document:1.2".', root);
      return '1.2';
    }
    if (root.uri !== expectedNs) {
      this.fail(
        'xliff/version-mismatch',
        `version="${version}" disagrees with the namespace ${root.uri === '' ? '(none)' : root.uri}.`,
        `An XLIFF ${version} file uses the namespace ${expectedNs}; the file was changed by hand or by a faulty tool.`,
        root,
        { actual: root.uri, expected: expectedNs },
      );
    }
    return version as ReadVersion;
  }

  // ---- shared pieces -------------------------------------------------------------------------

  private note(node: XmlTreeElement, version: '1.2' | '2x'): ParsedNote {
    const priority = node.attrs.get('priority');
    return {
      text: textOf(node),
      from: version === '1.2' ? node.attrs.get('from') : node.attrs.get('category'),
      annotates: version === '1.2' ? node.attrs.get('annotates') : node.attrs.get('appliesTo'),
      priority: priority === undefined ? undefined : Number.parseInt(priority, 10),
      id: node.attrs.get('id'),
    };
  }

  private content(node: XmlTreeElement | undefined): InlineContent | undefined {
    if (node === undefined) return undefined;
    return contentOf(toInline(node.children));
  }

  private attributes(node: XmlTreeElement): ReadonlyMap<string, string> {
    if (node.foreignAttrs.size === 0) return node.attrs;
    const all = new Map(node.attrs);
    for (const [k, v] of node.foreignAttrs) all.set(k, v);
    return all;
  }

  private checkUnique(seen: Map<string, number>, id: string, node: XmlTreeElement, what: string): void {
    const before = seen.get(id);
    if (before !== undefined) {
      this.fail(
        'xliff/duplicate-id',
        `Duplicate ${what} id "${id}" (first at line ${before}).`,
        'Ids must be unique; a tool or a hand edit copied a unit. Remove the copy or export the file again.',
        node,
        { unit: id },
      );
    }
    seen.set(id, node.line);
  }

  private noteState(meaning: StateMeaning, raw: string | undefined, node: XmlTreeElement, unit: string): void {
    if (!meaning.known && raw !== undefined) {
      this.warn(
        'xliff/unknown-state',
        `Unknown state "${raw}"; read as translated and needing review.`,
        'Use one of the XLIFF states (1.2: new … final; 2.x: initial, translated, reviewed, final).',
        node,
        unit,
      );
    }
  }

  // ---- XLIFF 1.2 -----------------------------------------------------------------------------

  /** A 1.2 `<file>` once its units were read: languages, original and header notes. */
  private file12(node: XmlTreeElement): ParsedFile {
    const notes: ParsedNote[] = [];
    for (const child of elementsOf(node)) {
      if (this.isCore(child, 'header')) {
        for (const h of elementsOf(child)) if (this.isCore(h, 'note')) notes.push(this.note(h, '1.2'));
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

  private readUnit12(
    node: XmlTreeElement,
    fileIndex: number,
    groups: readonly string[],
    restype: string | undefined,
    seen: Map<string, number>,
  ): void {
    const id = node.attrs.get('id');
    if (id === undefined || id === '') {
      this.fail('xliff/no-id', '<trans-unit> without an id.', 'Every unit needs the id it was exported with; export the file again.', node);
    }
    this.checkUnique(seen, id, node, 'trans-unit');
    const kids = elementsOf(node);
    const sourceEl = kids.find((k) => this.isCore(k, 'source'));
    if (sourceEl === undefined) {
      this.fail('xliff/no-source', `<trans-unit id="${id}"> has no <source>.`, 'The unit was damaged; export the file again.', node, { unit: id });
    }
    const segSourceEl = kids.find((k) => this.isCore(k, 'seg-source'));
    const targetEl = kids.find((k) => this.isCore(k, 'target'));
    const source = contentOf(toInline(sourceEl.children));
    const target = this.content(targetEl);
    const approvedRaw = node.attrs.get('approved');
    const approved = approvedRaw === undefined ? undefined : approvedRaw === 'yes';
    const rawState = targetEl?.attrs.get('state');
    const subState = targetEl?.attrs.get('state-qualifier');
    const meaning = stateFrom12(rawState, target !== undefined && target.text.trim() !== '', approved);
    if (rawState !== undefined && !STATES_12.includes(rawState)) this.noteState(meaning, rawState, targetEl ?? node, id);

    const segments = segSourceEl === undefined
      ? [this.wholeSegment(source, target, rawState, subState, meaning, node.line)]
      : this.segments12(segSourceEl, targetEl, rawState, subState, meaning, id);

    const notes: ParsedNote[] = [];
    const candidates: ParsedCandidate[] = [];
    const extensions: string[] = [];
    for (const child of kids) {
      if (this.isCore(child, 'note')) notes.push(this.note(child, '1.2'));
      else if (this.isCore(child, 'alt-trans')) {
        const candidate = this.altTrans(child);
        if (candidate !== undefined) candidates.push(candidate);
      } else if (!isXliffNs(child.uri)) this.foreign(child, extensions);
    }
    this.units.push({
      id,
      fileIndex,
      groups,
      type: node.attrs.get('restype') ?? restype,
      name: node.attrs.get('resname'),
      approved,
      translate: node.attrs.get('translate') !== 'no',
      source,
      target,
      rawState,
      state: meaning.state,
      needsReview: meaning.needsReview,
      segments,
      ignorables: [],
      notes,
      candidates,
      metadata: EMPTY_MAP,
      extensions,
      attributes: this.attributes(node),
      line: node.line,
      column: node.column,
    });
  }

  private wholeSegment(
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
  private segments12(
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
      return [this.wholeSegment(whole, this.content(targetEl), rawState, subState, meaning, segSource.line)];
    }
    const targetMarks = targetEl === undefined ? [] : segmentMarks(toInline(targetEl.children));
    const byMid = new Map(targetMarks.map((m) => [m.attrs.get('mid') ?? '', m] as const));
    const seenMids = new Set<string>();
    return sourceMarks.map((mark) => {
      const mid = mark.attrs.get('mid');
      if (mid !== undefined) {
        if (seenMids.has(mid)) {
          this.fail('xliff/duplicate-id', `Duplicate segment mid "${mid}" in unit "${unitId}".`, 'Each <mrk mtype="seg"> needs its own mid; export the file again.', segSource, { unit: unitId, line: mark.line, column: mark.column });
        }
        seenMids.add(mid);
      }
      const targetMark = mid === undefined ? undefined : byMid.get(mid);
      const target = targetMark === undefined ? undefined : contentOf(targetMark.children);
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

  private altTrans(node: XmlTreeElement): ParsedCandidate | undefined {
    const kids = elementsOf(node);
    const target = this.content(kids.find((k) => this.isCore(k, 'target')));
    if (target === undefined) return undefined;
    return {
      source: this.content(kids.find((k) => this.isCore(k, 'source')))?.text,
      target,
      quality: parseQuality(node.attrs.get('match-quality')),
      origin: node.attrs.get('origin'),
      type: node.attrs.get('alttranstype'),
      ref: node.attrs.get('mid'),
    };
  }

  // ---- XLIFF 2.x -----------------------------------------------------------------------------

  /** 2.x file ids are checked as the file opens, before its units are read. */
  private checkFileId2x(node: XmlTreeElement): void {
    const id = node.attrs.get('id');
    if (id === undefined) {
      this.fail('xliff/no-id', '<file> without an id.', 'XLIFF 2 files need an id on every <file>; export the file again.', node);
    }
    if (this.fileIds.has(id)) {
      this.fail('xliff/duplicate-id', `Duplicate file id "${id}".`, 'File ids must be unique; export the file again.', node);
    }
    this.fileIds.add(id);
  }

  /** A 2.x `<file>` once its units were read: notes and metadata. */
  private file2x(node: XmlTreeElement): ParsedFile {
    const notes: ParsedNote[] = [];
    const metadata = new Map<string, string>();
    for (const child of elementsOf(node)) {
      if (this.isCore(child, 'notes')) notes.push(...this.notes2x(child));
      else if (child.uri === NS_MDA && child.local === 'metadata') readMetadata(child, metadata);
    }
    return {
      id: node.attrs.get('id'),
      original: node.attrs.get('original'),
      sourceLanguage: this.root?.attrs.get('srcLang'),
      targetLanguage: this.root?.attrs.get('trgLang'),
      datatype: undefined,
      notes,
      metadata,
      line: node.line,
    };
  }

  private notes2x(node: XmlTreeElement): ParsedNote[] {
    return elementsOf(node).filter((n) => this.isCore(n, 'note')).map((n) => this.note(n, '2x'));
  }

  private readUnit2x(node: XmlTreeElement, fileIndex: number, groups: readonly string[], seen: Map<string, number>): void {
    const id = node.attrs.get('id');
    if (id === undefined || id === '') {
      this.fail('xliff/no-id', '<unit> without an id.', 'Every unit needs the id it was exported with; export the file again.', node);
    }
    this.checkUnique(seen, id, node, 'unit');
    const segments: ParsedSegment[] = [];
    const ignorables: ParsedIgnorable[] = [];
    const notes: ParsedNote[] = [];
    const candidates: ParsedCandidate[] = [];
    const metadata = new Map<string, string>();
    const extensions: string[] = [];
    const wholeSource: InlineNode[] = [];
    const wholeTarget: InlineNode[] = [];
    let anyTarget = false;
    const segmentIds = new Map<string, number>();
    for (const child of elementsOf(node)) {
      if (this.isCore(child, 'segment') || this.isCore(child, 'ignorable')) {
        const kids = elementsOf(child);
        const sourceEl = kids.find((k) => this.isCore(k, 'source'));
        if (sourceEl === undefined) {
          this.fail('xliff/no-source', `A <${child.local}> of unit "${id}" has no <source>.`, 'The unit was damaged; export the file again.', child, { unit: id });
        }
        const source = contentOf(toInline(sourceEl.children));
        const targetEl = kids.find((k) => this.isCore(k, 'target'));
        const target = this.content(targetEl);
        wholeSource.push(...source.nodes);
        if (target !== undefined) anyTarget = true;
        wholeTarget.push(...(target ?? (child.local === 'ignorable' ? source : undefined))?.nodes ?? []);
        if (child.local === 'ignorable') {
          ignorables.push({ source, target, after: segments.length - 1 });
          continue;
        }
        const segId = child.attrs.get('id');
        if (segId !== undefined) this.checkUnique(segmentIds, segId, child, `segment (unit "${id}")`);
        const rawState = child.attrs.get('state');
        const subState = child.attrs.get('subState');
        const meaning = stateFrom2x(rawState, subState);
        this.noteState(meaning, rawState, child, id);
        segments.push({ id: segId, source, target, rawState, subState, state: meaning.state, needsReview: meaning.needsReview, line: child.line });
      } else if (this.isCore(child, 'notes')) {
        notes.push(...this.notes2x(child));
      } else if (child.uri === NS_MDA && child.local === 'metadata') {
        readMetadata(child, metadata);
      } else if (child.uri === NS_MTC && child.local === 'matches') {
        for (const m of elementsOf(child)) if (m.uri === NS_MTC && m.local === 'match') pushDefined(candidates, this.match2x(m));
      } else if (!isXliffNs(child.uri)) {
        this.foreign(child, extensions);
      }
    }
    const summary = summarize(segments);
    this.units.push({
      id,
      fileIndex,
      groups,
      type: node.attrs.get('type'),
      name: node.attrs.get('name'),
      approved: undefined,
      translate: node.attrs.get('translate') !== 'no',
      source: contentOf(wholeSource),
      target: anyTarget ? contentOf(wholeTarget) : undefined,
      rawState: undefined,
      state: summary.state,
      needsReview: summary.needsReview,
      segments,
      ignorables,
      notes,
      candidates,
      metadata,
      extensions,
      attributes: this.attributes(node),
      line: node.line,
      column: node.column,
    });
  }

  private match2x(node: XmlTreeElement): ParsedCandidate | undefined {
    const kids = elementsOf(node);
    const target = this.content(kids.find((k) => this.isCore(k, 'target')));
    if (target === undefined) return undefined;
    return {
      source: this.content(kids.find((k) => this.isCore(k, 'source')))?.text,
      target,
      quality: parseQuality(node.attrs.get('similarity') ?? node.attrs.get('matchQuality')),
      origin: node.attrs.get('origin'),
      // Our own kinds travel in subType (`l10n:previous-version`), the matches module's in type.
      type: subTypeKind(node.attrs.get('subType')) ?? node.attrs.get('type'),
      ref: node.attrs.get('ref'),
    };
  }
}

function subTypeKind(subType: string | undefined): string | undefined {
  return subType?.startsWith('l10n:') === true ? subType.slice('l10n:'.length) : undefined;
}

function pushDefined<T>(list: T[], value: T | undefined): void {
  if (value !== undefined) list.push(value);
}

/** Reads `mda:meta` values by type, flattening meta groups (`category/type` when categorized). */
function readMetadata(node: XmlTreeElement, into: Map<string, string>, category = ''): void {
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
function parseQuality(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/u.exec(raw);
  return m === null ? undefined : Number(m[1]);
}

const RANK: Readonly<Record<TargetState, number>> = { initial: 0, translated: 1, reviewed: 2, final: 3 };

/** A unit's state: the least advanced of its segments. */
function summarize(segments: readonly ParsedSegment[]): { state: TargetState; needsReview: boolean } {
  let state: TargetState = segments[0]?.state ?? 'initial';
  for (const s of segments) if (RANK[s.state] < RANK[state]) state = s.state;
  return { state, needsReview: segments.some((s) => s.needsReview) };
}

/**
 * Tree children as inline nodes. The tree's nodes already have the inline shape, so they are
 * handed over as they are: copying them doubled the memory of a large file.
 */
function toInline(children: XmlTreeElement['children']): readonly InlineNode[] {
  return children;
}

/** Shared by every unit and file without metadata; never written to. */
const EMPTY_MAP: ReadonlyMap<string, string> = new Map();
