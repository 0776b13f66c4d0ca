/**
 * The XLIFF reader: any XLIFF 1.2 or 2.x file as CAT tools leave it, into `ParsedXliff`.
 *
 * It accepts what tools do to files (re-indentation, other prefixes, foreign namespaces and
 * attributes, comments, CDATA, CRLF, BOMs, `<seg-source>` segmentation, `<mrk>` wrapping, every
 * state value) and refuses, with a place and a hint, what it cannot take safely (DOCTYPE, bad
 * encoding, truncated XML, a version it does not know, duplicate ids).
 *
 * Layers: the shared safe XML parser (`pipeline/xml/`) decodes and parses; this module checks the
 * root and hands each closed unit to the interpreter of its version (`read12.ts`, `read2x.ts`),
 * which share `read-context.ts`. Units are interpreted as they close and dropped from the tree, and
 * only what consumers read is kept (text, codes and markers; inline trees only of targets with
 * markup), so a 50 MB file is read in well under its own size in memory.
 */
import { checkLimits, parseXmlTree, type XmlTreeElement } from '../xml/index.js';
import { XLIFF_FORMAT } from './format.js';
import { isXliffNs, NS_11, NS_12, NS_20, NS_22 } from './inline.js';
import { IdSet, isFamily12, ReadContext } from './read-context.js';
import { file12, inBody12, readUnit12 } from './read12.js';
import { checkFileId2x, file2x, inFile2x, readUnit2x } from './read2x.js';
import type { ParsedUnit, ParsedXliff, ReadOptions, ReadVersion } from './types.js';

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '../xml/index.js';

/**
 * Reads any XLIFF 1.2 or 2.x file.
 *
 * @param bytes the file as read from disk (UTF-8, BOM allowed; UTF-16 with BOM)
 * @param file the name to report in messages (relative to the project root where possible)
 * @throws InputError with file, line, column (or byte offset), a `xliff/…` rule id and a hint
 *   when the file cannot be used; nothing is half-imported.
 */
export function readXliff(bytes: Uint8Array, file: string, options: ReadOptions = {}): ParsedXliff {
  const { maxBytes, maxDepth } = checkLimits(options, 'readXliff');
  if (options.onUnit !== undefined && typeof options.onUnit !== 'function') {
    throw new TypeError(`readXliff: expected onUnit to be a function, got ${typeof options.onUnit}`);
  }
  const interpreter = new XliffInterpreter(file, options.onUnit);
  // XLIFF 1.0 files name their DTD (`<!DOCTYPE xliff PUBLIC …>`): accepted and never read; a
  // DOCTYPE with declarations of its own (entities) is refused.
  parseXmlTree(bytes, { file, format: XLIFF_FORMAT, maxBytes, maxDepth, doctype: 'external-only' }, {
    open: (node, ancestors) => interpreter.open(node, ancestors),
    close: (node, ancestors) => interpreter.close(node, ancestors),
  });
  return interpreter.finish();
}

/** The namespace each version must use. */
const NAMESPACE_OF: ReadonlyMap<string, string> = new Map([
  ['1.0', ''],
  ['1.1', NS_11],
  ['1.2', NS_12],
  ['2.0', NS_20],
  ['2.1', NS_20],
  ['2.2', NS_22],
]);

/** Follows the tree of one file as it is parsed, and dispatches files and units to their version's interpreter. */
class XliffInterpreter {
  private readonly ctx: ReadContext;
  /** The `<file>` being read: its index and the unit ids seen in it. */
  private current: { index: number; seen: IdSet } | undefined;
  private opened = 0;

  constructor(file: string, onUnit?: (unit: ParsedUnit) => void) {
    this.ctx = new ReadContext(file, onUnit);
  }

  /**
   * Called as each element opens: checks the root as soon as it is known (a wrong version stops
   * the read before the rest of the file is parsed) and starts each `<file>`.
   */
  open(node: XmlTreeElement, ancestors: readonly XmlTreeElement[]): void {
    const ctx: ReadContext = this.ctx;
    if (ancestors.length === 0) {
      ctx.root = node;
      ctx.version = this.checkRoot(node);
      ctx.ns = node.uri;
      ctx.family12 = isFamily12(ctx.version);
      return;
    }
    if (ancestors.length !== 1) return;
    if (ctx.isCore(node, 'file')) {
      if (!isFamily12(ctx.version)) checkFileId2x(ctx, node);
      this.current = { index: this.opened, seen: new IdSet(ctx.seen, ctx.seen.length) };
      this.opened += 1;
      ctx.poConversion = node.attrs.get('datatype') === 'po';
    } else if (node.local === 'file') {
      // Never pass over a <file> in silence: its units would be missing without a word.
      ctx.warn(
        'xliff/foreign-file',
        `a <${node.name}> in the namespace ${node.uri === '' ? '(none)' : node.uri} is not an XLIFF ${ctx.version} <file>; its content was not read`,
        'A tool wrote a file of another XLIFF version into this one; export the file again as one XLIFF version.',
        node,
      );
    }
  }

  /**
   * Called as each element closes. Units are interpreted here and then dropped from the tree
   * (returns true), so a large file never holds its whole tree and its parsed units at once.
   */
  close(node: XmlTreeElement, ancestors: readonly XmlTreeElement[]): boolean {
    const ctx: ReadContext = this.ctx;
    const current = this.current;
    if (ancestors.length === 0 || current === undefined) return false;
    if (ancestors.length === 1 && ctx.isCore(node, 'file')) {
      ctx.files[current.index] = isFamily12(ctx.version) ? file12(ctx, node) : file2x(ctx, node);
      this.current = undefined;
      return true;
    }
    // A closed group has given its id to its units: drop it, with the white space between them.
    const group = ctx.isCore(node, 'group');
    if (isFamily12(ctx.version)) {
      // Names first: most elements that close are inline content, and the ancestor check allocates.
      const unit = ctx.isCore(node, 'trans-unit');
      if ((!unit && !group && !ctx.isCore(node, 'bin-unit')) || !inBody12(ctx, ancestors)) return false;
      if (unit) readUnit12(ctx, node, current.index, ancestors.slice(3), current.seen);
      else if (!group) ctx.warn('xliff/bin-unit', 'a <bin-unit> (binary resource) was skipped', 'Binary units are not translated by this pipeline.', node);
      return true;
    }
    const unit = ctx.isCore(node, 'unit');
    if ((!unit && !group) || !inFile2x(ctx, ancestors)) return false;
    if (unit) readUnit2x(ctx, node, current.index, ancestors.slice(2), current.seen);
    return true;
  }

  /** The result, once the whole file has been parsed. */
  finish(): ParsedXliff {
    const ctx: ReadContext = this.ctx;
    const root = ctx.root;
    if (root === undefined) throw new RangeError('XliffInterpreter.finish: no root element was seen');
    if (ctx.files.length === 0) {
      ctx.fail('xliff/no-file', 'the file has no <file> element', 'A translator file holds at least one <file>; export it again.', root);
    }
    const version = ctx.version;
    const first = ctx.files[0];
    return {
      file: ctx.file,
      version,
      namespace: root.uri,
      sourceLanguage: isFamily12(version) ? first?.sourceLanguage : root.attrs.get('srcLang'),
      targetLanguage: isFamily12(version) ? first?.targetLanguage : root.attrs.get('trgLang'),
      files: ctx.files,
      units: ctx.units,
      messages: ctx.messages,
    };
  }

  private checkRoot(root: XmlTreeElement): ReadVersion {
    const ctx: ReadContext = this.ctx;
    if (root.local !== 'xliff' || !isXliffNs(root.uri)) {
      ctx.fail(
        'xliff/not-xliff',
        `the root element is <${root.name}>${root.uri === '' ? '' : ` in namespace ${root.uri}`}, not an XLIFF <xliff> element`,
        'Check that this is the translated XLIFF file and not another export format.',
        root,
      );
    }
    const version = root.attrs.get('version');
    if (version === undefined) {
      ctx.fail('xliff/no-version', 'the <xliff> element has no version attribute', 'Export the file again; every XLIFF file names its version.', root);
    }
    const expectedNs = NAMESPACE_OF.get(version);
    if (expectedNs === undefined) {
      ctx.fail(
        'xliff/unsupported-version',
        `XLIFF version "${version}" is not supported`,
        'Export as XLIFF 1.2 or 2.1 (1.0, 1.1, 2.0 and 2.2 are read too).',
        root,
        { actual: version, expected: '1.0, 1.1, 1.2, 2.0, 2.1 or 2.2' },
      );
    }
    if (version === '1.0' && root.uri === '') return version;
    if (root.uri === '' && (version === '1.2' || version === '1.1')) {
      ctx.warn('xliff/no-namespace', `the <xliff> element has no namespace; read as XLIFF ${version}`, `Tools should write xmlns="${NAMESPACE_OF.get(version) ?? NS_12}".`, root);
      return version;
    }
    if (root.uri !== expectedNs) {
      ctx.fail(
        'xliff/version-mismatch',
        `version="${version}" disagrees with the namespace ${root.uri === '' ? '(none)' : root.uri}`,
        `An XLIFF ${version} file uses the namespace ${expectedNs}; the file was changed by hand or by a faulty tool.`,
        root,
        { actual: version, expected: expectedNs },
      );
    }
    return version as ReadVersion;
  }
}
