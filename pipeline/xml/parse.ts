/**
 * The project's safe XML parser: saxes (strict, well-formedness-checking, never fetches a DTD nor
 * expands a declared entity) set up the same way for every format we read.
 *
 * - input: bytes (UTF-8, BOM allowed; UTF-16 with a BOM; validated first, then streamed into saxes
 *   in chunks, so a large file is never one giant string) or text already decoded;
 * - refused, with line and column and the format's rule id and hint: a DOCTYPE (or, with
 *   `doctype: 'external-only'`, one with an internal subset), nesting deeper than `maxDepth`, input
 *   larger than `maxBytes`, an XML declaration naming an encoding other than UTF-8/UTF-16, empty
 *   input, anything not well-formed (unbound prefixes included when namespaces are resolved);
 * - reported to the handler: start tags (name, namespace, attributes, position of the `<`), end
 *   tags and text (CDATA included) in document order.
 *
 * The handler may throw (an InputError of its own format); the parse stops there.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesAttributePlain, type SaxesTag, type SaxesTagNS, type SaxesTagPlain, type XMLDecl } from 'saxes';
import { pointAt } from '../model.js';
import { declarationFits, decodeXmlChunks, encodingOf, unknownEncoding, type XmlEncoding } from './decode.js';
import { xmlError } from './errors.js';
import { resolveXmlOptions, type ResolvedXmlOptions, type SafeXmlOptions } from './options.js';

const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

/** An attribute as written; `xmlns` declarations are not reported when namespaces are resolved. */
export interface XmlAttribute {
  /** Qualified name as written (`xml:lang`). */
  readonly name: string;
  /** Local name (`lang`); the qualified name when namespaces are not resolved. */
  readonly local: string;
  /** Namespace URI; '' for an unprefixed attribute or when namespaces are not resolved. */
  readonly uri: string;
  readonly value: string;
}

/** A start tag as the handler sees it. */
export interface XmlStartTag {
  /** Qualified name as written (`xliff:trans-unit`), for messages. */
  readonly name: string;
  /** Local name: the name without its prefix. */
  readonly local: string;
  /** Namespace URI; '' without a namespace or when namespaces are not resolved. */
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  /** `<x/>`: `close` follows at once. */
  readonly selfClosing: boolean;
  /** 1-based line and column of the `<`. */
  readonly line: number;
  readonly column: number;
  /**
   * Offset (UTF-16 code units into the parsed text, a BOM not counted) just after the start tag's
   * `>`. The `<` is the last one before it: XML allows no `<` inside attribute values.
   */
  readonly end: number;
}

/** What a reader does with the document, event by event. `depth` counts open ancestors (0 for the root). */
export interface XmlHandler {
  readonly open?: (tag: XmlStartTag, depth: number) => void;
  /** With the start tag it closes, and the offset just after the end tag's `>` (after `/>` for an empty-element tag). */
  readonly close?: (tag: XmlStartTag, depth: number, end: number) => void;
  /** Text and CDATA inside the root element, entities resolved; adjacent pieces may come separately. */
  readonly text?: (text: string) => void;
}

/** What the parse learnt about the document besides its elements. */
export interface XmlProlog {
  /** The encoding the bytes were in ('utf-8' for a string input). */
  readonly encoding: XmlEncoding;
  readonly bom: boolean;
  /** Encoding named by the XML declaration as written, if any (one the bytes were decoded in, when parsing succeeded). */
  readonly declaredEncoding: string | undefined;
  /** The DOCTYPE as written after `<!DOCTYPE` (only with `doctype: 'external-only'`). */
  readonly doctype: string | undefined;
}

/** The prolog text kept to point at a DOCTYPE's `<`; a longer prolog points at its end instead. */
const MAX_PROLOG = 1024 * 1024;
/** `<!DOCTYPE name>`, `… SYSTEM "uri">` or `… PUBLIC "id" "uri">`, nothing else: no internal subset. */
const EXTERNAL_ONLY = /^\s+[^\s[\]>]+(?:\s+(?:SYSTEM\s+(?:"[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"[^"]*"|'[^']*')))?\s*$/u;

const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

/**
 * Parses an XML document safely, reporting its elements and text to `handler`.
 *
 * @param input the file's bytes, or its text when a caller has decoded it already
 * @throws InputError with the format's rule id (`<rulePrefix>/doctype`, `/too-deep`, `/too-large`,
 *   `/not-well-formed`, `/empty`, `/encoding`, `/invalid-utf8`, `/invalid-encoding`), file, line,
 *   column (or byte offset) and hint; or whatever the handler throws.
 */
export function parseXml(input: Uint8Array | string, options: SafeXmlOptions, handler: XmlHandler): XmlProlog {
  const o = resolveXmlOptions(options);
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > o.maxBytes) {
    throw xmlError(o.format, o.file, 'too-large', `the file is ${size} bytes, more than the limit of ${o.maxBytes}`, {}, {
      actual: String(size),
      expected: `at most ${o.maxBytes} bytes`,
    });
  }
  const decoded = typeof input === 'string'
    ? { chunks: [input.charCodeAt(0) === 0xfeff ? input.slice(1) : input], encoding: 'utf-8' as const, bom: input.charCodeAt(0) === 0xfeff }
    : decodeXmlChunks(input, o.file, o.format);
  // Text already decoded carries no bytes for the declaration to describe: any known name fits.
  const run = new SafeParse(o, handler, typeof input === 'string' ? undefined : decoded.encoding);
  run.feed(decoded.chunks);
  return { encoding: decoded.encoding, bom: decoded.bom, declaredEncoding: run.declaredEncoding, doctype: run.doctype };
}

/**
 * The saxes handlers we set. saxes keeps each handler in a field that `on()` adds with a computed
 * name; past six such fields V8 turns the parser into a slow dictionary object and every parse runs
 * 3–4 times slower (measured: 0.8 s against 2.8 s on a 50 MB file). Assigning the fields by name
 * in a constructor keeps the parser a fast object. The field names are saxes 6's (`on()` maps
 * event names to them); the tests exercise every one.
 */
interface SaxesHandlerSlots {
  xmldeclHandler: (decl: XMLDecl) => void;
  doctypeHandler: (doctype: string) => void;
  openTagStartHandler: (tag: SaxesTagNS | SaxesTagPlain) => void;
  openTagHandler: (tag: SaxesTag) => void;
  closeTagHandler: (tag: SaxesTag) => void;
  textHandler: ((text: string) => void) | undefined;
  cdataHandler: ((text: string) => void) | undefined;
  errorHandler: (err: Error) => void;
}

/**
 * saxes 6 internals we read: `attribList` is the list of the tag being opened, in document order,
 * which `processAttribs` turns into the tag's `attributes` record (keyed by name, in dictionary mode)
 * and then replaces with a fresh list. Enumerating that record with `for … in` cost 70 ms on the
 * 50 MB import; the list is the same attribute objects, already an array.
 */
interface SaxesAttributeSlots {
  attribList: Array<SaxesAttributeNS | SaxesAttributePlain>;
  processAttribs: () => void;
}

const NO_LIST: ReadonlyArray<SaxesAttributeNS | SaxesAttributePlain> = Object.freeze([]);

class HandledSaxesParser extends SaxesParser {
  /** The attributes of the tag being opened, in document order (valid inside `openTagHandler`). */
  attributeList: ReadonlyArray<SaxesAttributeNS | SaxesAttributePlain> = NO_LIST;

  constructor(options: { xmlns: boolean; position: true }, handlers: SaxesHandlerSlots) {
    super(options);
    const slots = this as unknown as SaxesHandlerSlots;
    slots.xmldeclHandler = handlers.xmldeclHandler;
    slots.doctypeHandler = handlers.doctypeHandler;
    slots.openTagStartHandler = handlers.openTagStartHandler;
    slots.openTagHandler = handlers.openTagHandler;
    slots.closeTagHandler = handlers.closeTagHandler;
    slots.textHandler = handlers.textHandler;
    slots.cdataHandler = handlers.cdataHandler;
    slots.errorHandler = handlers.errorHandler;
    const internals = this as unknown as SaxesAttributeSlots;
    const processAttribs = internals.processAttribs;
    if (typeof processAttribs !== 'function' || !Array.isArray(internals.attribList)) {
      throw new Error('pipeline/xml: saxes no longer has attribList/processAttribs (saxes 6 internals); update parse.ts');
    }
    // Keep saxes's list before it is replaced: it is handed to the open-tag handler as it is.
    internals.processAttribs = (): void => {
      const list = internals.attribList;
      processAttribs.call(this);
      this.attributeList = list;
    };
  }
}

/** One parse: the saxes parser, the open tags and what the prolog said. */
class SafeParse {
  private readonly parser: HandledSaxesParser;
  private readonly open: XmlStartTag[] = [];
  declaredEncoding: string | undefined;
  doctype: string | undefined;
  /** Text written before the root element (up to MAX_PROLOG), to point at a DOCTYPE. */
  private prolog: string | undefined = '';
  /** The chunk being parsed and the parser's position at its start, to quote an entity in errors. */
  private chunk = '';
  private chunkStart = 0;
  private tagLine = 1;
  private tagColumn = 1;

  constructor(
    private readonly o: ResolvedXmlOptions,
    private readonly handler: XmlHandler,
    /** The encoding the bytes were decoded in; undefined for text handed in decoded. */
    private readonly encoding: XmlEncoding | undefined,
  ) {
    this.parser = new HandledSaxesParser({ xmlns: o.namespaces, position: true }, this.handlers());
  }

  private handlers(): SaxesHandlerSlots {
    const { o, handler } = this;
    const parser = (): HandledSaxesParser => this.parser;
    const text = handler.text;
    const onText = text === undefined
      ? undefined
      : (t: string): void => {
          if (this.open.length > 0) text(t);
        };
    return {
      xmldeclHandler: (decl) => {
        const declared = decl.encoding;
        this.declaredEncoding = declared;
        if (declared === undefined) return;
        if (encodingOf(declared) === undefined) throw unknownEncoding(declared, o.file, o.format);
        // The decoder read the declaration before the parser did; they disagree only on a declaration it could not see.
        if (this.encoding !== undefined && !declarationFits(declared, this.encoding)) {
          throw xmlError(o.format, o.file, 'encoding', `the XML declaration names the encoding "${declared}", but the file was read as ${this.encoding}`,
            { line: 1, column: 1 }, { actual: declared, expected: this.encoding });
        }
      },
      doctypeHandler: (doctype) => this.onDoctype(doctype),
      openTagStartHandler: (tag) => {
        // saxes has read `<name` and the character after it: step back to the `<`.
        this.tagLine = parser().line;
        this.tagColumn = Math.max(1, parser().column - tag.name.length - 1);
        if (this.open.length + 1 > o.maxDepth) {
          throw xmlError(o.format, o.file, 'too-deep', `elements are nested deeper than ${o.maxDepth} levels`, { line: this.tagLine, column: this.tagColumn });
        }
      },
      openTagHandler: (tag) => {
        this.prolog = undefined;
        const start: XmlStartTag = {
          name: tag.name,
          local: o.namespaces ? (tag.local as string) : localOf(tag.name),
          uri: o.namespaces ? (tag.uri as string) : '',
          attributes: o.namespaces ? nsAttributes(this.parser.attributeList as readonly SaxesAttributeNS[]) : plainAttributes(this.parser.attributeList),
          selfClosing: tag.isSelfClosing,
          line: this.tagLine,
          column: this.tagColumn,
          // saxes calls this handler once it has read the `>`.
          end: this.parser.position,
        };
        handler.open?.(start, this.open.length);
        // saxes reports a self-closing tag's end right away; it is never pushed.
        if (!tag.isSelfClosing) this.open.push(start);
        else handler.close?.(start, this.open.length, start.end);
      },
      closeTagHandler: (tag) => {
        if (tag.isSelfClosing) return;
        const start = this.open.pop();
        if (start !== undefined) handler.close?.(start, this.open.length, this.parser.position);
      },
      textHandler: onText,
      cdataHandler: onText,
      errorHandler: (err) => {
        const reason = err.message.replace(/^[^:]*:\d+:\d+: /u, '').replace(/^\d+:\d+: /u, '').replace(/\.+$/u, '');
        const at = { line: parser().line, column: parser().column + 1 };
        const entity = /undefined entity/iu.test(reason) ? this.entityAtError() : undefined;
        if (entity !== undefined) {
          // An HTML habit of exporters and hand edits (&nbsp;, &eacute;): say what to do instead.
          throw xmlError(o.format, o.file, 'not-well-formed', `the file uses the entity ${entity}, which XML does not define (an HTML name); it is not well-formed XML`, at, {
            hint: `Replace ${entity} with the character itself or a numeric reference (&#160; for &nbsp;), or export the file again; nothing was imported.`,
          });
        }
        throw xmlError(o.format, o.file, 'not-well-formed', `the file is not well-formed XML: ${reason}`, at);
      },
    };
  }

  private onDoctype(doctype: string): void {
    const { o, parser } = this;
    if (o.doctype === 'external-only' && EXTERNAL_ONLY.test(doctype)) {
      this.doctype = doctype.trim();
      return;
    }
    // saxes reports the end of the declaration; point at its start, where a reader looks.
    const start = this.prolog?.lastIndexOf('<!DOCTYPE') ?? -1;
    const at = start >= 0 && this.prolog !== undefined ? pointAt(this.prolog, start) : { line: parser.line, column: parser.column + 1 };
    const subset = o.doctype === 'external-only';
    throw xmlError(
      o.format,
      o.file,
      'doctype',
      subset
        ? `the file has a DOCTYPE with an internal subset (declarations in [ … ]); ${o.format.name} files never need one and it is refused for safety (entity expansion, external entities)`
        : `the file has a DOCTYPE declaration; ${o.format.name} files never need one and it is refused for safety (external entities, entity expansion)`,
      { line: at.line, column: at.column },
    );
  }

  /** Writes the chunks; whitespace-only input is `empty`, a document without root `not-well-formed`. */
  feed(chunks: Iterable<string>): void {
    let pending = '';
    let started = false;
    for (const chunk of chunks) {
      if (!started) {
        // Nothing but white space so far: hold it back, so empty input is reported as such.
        if (!/\S/u.test(chunk)) {
          pending += chunk;
          continue;
        }
        started = true;
        this.write(pending + chunk);
        pending = '';
        continue;
      }
      this.write(chunk);
    }
    if (!started) throw xmlError(this.o.format, this.o.file, 'empty', 'the file is empty', { line: 1, column: 1 });
    this.parser.close();
  }

  private write(chunk: string): void {
    // Past MAX_PROLOG the prolog is dropped: a DOCTYPE is then placed at its end, not its start.
    if (this.prolog !== undefined) this.prolog = this.prolog.length + chunk.length <= MAX_PROLOG ? this.prolog + chunk : undefined;
    this.chunk = chunk;
    this.chunkStart = this.parser.position;
    this.parser.write(chunk);
  }

  /**
   * The entity reference that ends at the parser's position (`&nbsp;`), read from the chunk being
   * parsed, so an "undefined entity" error can name it; undefined when it is not in that chunk.
   */
  private entityAtError(): string | undefined {
    const end = this.parser.position - this.chunkStart;
    const start = this.chunk.lastIndexOf('&', end);
    if (start < 0 || end - start > 64) return undefined;
    return /^&[^\s&;<]+;?/u.exec(this.chunk.slice(start, end + 1))?.[0];
  }
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * The attributes saxes resolved, without `xmlns` declarations. saxes's own attribute objects
 * (`name`, `prefix`, `local`, `uri`, `value`) are handed on; the list itself when it declares nothing.
 */
function nsAttributes(list: readonly SaxesAttributeNS[]): readonly XmlAttribute[] {
  const n = list.length;
  if (n === 0) return NO_ATTRIBUTES;
  for (let i = 0; i < n; i += 1) {
    const attr = list[i] as SaxesAttributeNS;
    if (attr.uri === NS_XMLNS || attr.name === 'xmlns') return list.filter((a) => a.uri !== NS_XMLNS && a.name !== 'xmlns') as readonly XmlAttribute[];
  }
  return list as readonly XmlAttribute[];
}

function plainAttributes(list: ReadonlyArray<SaxesAttributeNS | SaxesAttributePlain>): readonly XmlAttribute[] {
  if (list.length === 0) return NO_ATTRIBUTES;
  return list.map(({ name, value }) => ({ name, local: name, uri: '', value: String(value) }));
}
