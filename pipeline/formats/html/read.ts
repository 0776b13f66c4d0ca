/**
 * The HTML reader: documents and fragments (`.html`, `.htm`), parsed by parse5 with source
 * locations, as browsers parse them.
 *
 * Running text (the phrasing content of a block element, up to the next block element) is a
 * block: `title`, `heading`, `paragraph`, or `list-item`, `table-cell`, `caption`, `quote` inside
 * those; inline elements are codes holding their exact tags; `alt`, `title` and the `content` of
 * `<meta name="description">` (and Open Graph and Twitter titles and descriptions) are blocks of
 * their own. Character references are decoded for the translator. `translate="no"` (HTML's own
 * attribute, inherited, undone by `translate="yes"`) and `script`, `style`, `code`, `pre`,
 * `template` and the other elements of `EXCLUDED` are never translated.
 *
 * Malformed markup (unclosed elements, stray end tags, what the parser reports) is a warning with
 * line and column; the document is read as a browser would, and text whose markup the parser had
 * to rearrange is left untranslated (with a warning) rather than risked.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap, type ParserError } from 'parse5';
import { DecodingMode } from 'entities/decode';
import { InputError, pointAt, type Block, type BlockKind, type Message } from '../../model.js';
import type { FormatReadInput, FormatReadResult } from '../format.js';
import { alignHtml } from '../markup/align.js';
import { ContentBuilder } from '../markup/content.js';
import { codeType, containerKind, EXCLUDED, EXCLUDED_BLOCKS, INLINE, OPTIONAL_END, RAW_TEXT, textAttribute, VOID } from './elements.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Elements nested deeper than this are refused: no article needs it, and the reader recurses. */
export const MAX_DEPTH = 512;
/** Parser reports shown one by one; the rest are counted in one message. */
const MAX_SYNTAX_MESSAGES = 20;

/** True when the text is a whole document (a doctype or `<html>`, `<head>`, `<body>` first), not a fragment. */
export function isHtmlDocument(text: string): boolean {
  return /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<(?:!doctype|html|head|body)[\s>/]/iu.test(text);
}

class Unmapped extends Error {}

const isElement = (node: Node): node is Element => 'tagName' in node;

/** The `translate` attribute of an element: true, false, or undefined when it has none (inherits). */
function translateAttribute(element: Element): boolean | undefined {
  const value = element.attrs.find((a) => a.name === 'translate')?.value.trim().toLowerCase();
  if (value === undefined) return undefined;
  return value !== 'no';
}

/** The text a reader sees in an element (white space collapsed): what a code that holds it stands for. */
function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!('childNodes' in node)) return '';
  return (node as ParentNode).childNodes.map(textContent).join('');
}

/** Reads an HTML document or fragment (see the module comment). */
export function readHtml(input: FormatReadInput): FormatReadResult {
  const { text, path } = input;
  const blocks: Block[] = [];
  const messages: Message[] = [];
  const syntax: ParserError[] = [];
  const options = { sourceCodeLocationInfo: true, onParseError: (error: ParserError) => syntax.push(error) };
  const root: ParentNode = isHtmlDocument(text) ? parse(text, options) : parseFragment(text, options);

  /** Start tags already read: an element the parser cloned (to repair misnested tags) shares its original's. */
  const seen = new Set<number>();
  /** Whether an element holds block content (then it is a container, even if it is phrasing): memoised. */
  const holdsBlocks = new WeakMap<Element, boolean>();
  const containsBlock = (element: Element): boolean => {
    if (EXCLUDED.has(element.tagName)) return false;
    let known = holdsBlocks.get(element);
    if (known === undefined) {
      known = element.childNodes.some((child) => isElement(child) && !isInline(child));
      holdsBlocks.set(element, known);
    }
    return known;
  };
  /** Whether a node sits inside running text (text, comments, phrasing elements without blocks inside). */
  const isInline = (node: Node): boolean => {
    if (!isElement(node)) return true;
    const tag = node.tagName;
    if (EXCLUDED.has(tag)) return !EXCLUDED_BLOCKS.has(tag);
    return INLINE.has(tag) && !containsBlock(node);
  };

  const warn = (ruleId: string, offset: number, reason: string, hint: string): void => {
    const { line, column } = pointAt(text, offset);
    messages.push({ reason, ruleId, source: 'read', severity: 'warning', file: path, line, column, hint });
  };

  /** Blocks for the text attributes of an element (translatable context assumed). */
  const attributeBlocks = (element: Element): void => {
    const locations = element.sourceCodeLocation?.attrs;
    if (locations === undefined) return;
    const values = new Map(element.attrs.map((a) => [a.name, a.value] as const));
    for (const attribute of element.attrs) {
      const kind = textAttribute(element.tagName, attribute.name, values);
      const location = locations[attribute.name];
      if (kind === undefined || location === undefined || !/\p{L}/u.test(attribute.value)) continue;
      const range = attributeValueRange(text, location.startOffset, location.endOffset);
      if (range === undefined) continue;
      const pieces = alignHtml(attribute.value, text, range.start, range.end, DecodingMode.Attribute);
      const aligned = pieces?.length === 1 && pieces[0]?.kind === 'text' ? pieces[0].aligned : undefined;
      if (aligned === undefined) {
        warn('read/unmapped-text', range.start, `this ${attribute.name} attribute is left untranslated: its value could not be matched with the source`, 'please report it with the file');
        continue;
      }
      const builder = new ContentBuilder(text, true);
      builder.addText(aligned);
      const built = builder.finish();
      if (built === undefined) continue;
      blocks.push({ id: '', kind, start: built.start, end: built.end, glued: false, content: built.content, segments: [] });
    }
  };

  /** Adds inline nodes (of a translatable run) to a block's content. */
  const flatten = (nodes: readonly ChildNode[], builder: ContentBuilder, depth: number): void => {
    for (const node of nodes) {
      if (depth > MAX_DEPTH) tooDeep(node);
      const location = node.sourceCodeLocation;
      if (location === undefined || location === null) throw new Unmapped();
      if (node.nodeName === '#text') {
        const pieces = alignHtml((node as DefaultTreeAdapterMap['textNode']).value, text, location.startOffset, location.endOffset, DecodingMode.Legacy);
        if (pieces === undefined) throw new Unmapped();
        for (const piece of pieces) {
          if (piece.kind === 'text') builder.addText(piece.aligned);
          else builder.standalone('html', piece.start, piece.end);
        }
        continue;
      }
      if (node.nodeName === '#comment') {
        builder.standalone('comment', location.startOffset, location.endOffset);
        continue;
      }
      if (!isElement(node)) continue;
      const tag = node.tagName;
      const element = node.sourceCodeLocation;
      const startTag = element?.startTag;
      if (element === undefined || element === null || startTag === undefined || seen.has(startTag.startOffset)) throw new Unmapped();
      seen.add(startTag.startOffset);
      const type = codeType(tag);
      if (EXCLUDED.has(tag) || translateAttribute(node) === false) {
        const shown = textContent(node).replace(/\s+/gu, ' ').trim();
        builder.standalone(type, element.startOffset, element.endOffset, shown === '' ? {} : { equiv: shown });
        continue;
      }
      if (VOID.has(tag)) {
        builder.standalone(type, startTag.startOffset, startTag.endOffset);
        attributeBlocks(node);
        continue;
      }
      const endTag = element.endTag;
      if (endTag === undefined) {
        // Never closed: the opening tag stands alone (the browser ends the element for it).
        builder.standalone(type, startTag.startOffset, startTag.endOffset);
        attributeBlocks(node);
        flatten(node.childNodes, builder, depth + 1);
        continue;
      }
      const id = builder.open(type, startTag.startOffset, startTag.endOffset);
      attributeBlocks(node);
      flatten(node.childNodes, builder, depth + 1);
      builder.close(id, type, endTag.startOffset, endTag.endOffset);
    }
  };

  const tooDeep = (node: Node): never => {
    const offset = ('sourceCodeLocation' in node ? node.sourceCodeLocation?.startOffset : undefined) ?? 0;
    const { line, column } = pointAt(text, offset);
    throw new InputError({ reason: `elements are nested more than ${MAX_DEPTH} levels deep here`, ruleId: 'read/too-complex', source: 'read', severity: 'error', fatal: true, file: path, line, column, hint: 'no article nests that deep: the file is damaged or generated by mistake' });
  };

  /** A run of inline nodes in a container: a block when translatable and it has text. */
  const run = (nodes: ChildNode[], kind: BlockKind, translate: boolean, depth: number): void => {
    if (nodes.length === 0) return;
    if (!translate) {
      // Only an element that says translate="yes" brings text back.
      for (const node of nodes) if (isElement(node)) visit(node, kind, false, depth + 1);
      return;
    }
    const builder = new ContentBuilder(text, true);
    const before = blocks.length;
    try {
      flatten(nodes, builder, depth + 1);
    } catch (error) {
      if (!(error instanceof Unmapped)) throw error;
      blocks.length = before;
      unmappedRun(nodes);
      return;
    }
    if (builder.unusable) {
      blocks.length = before;
      unmappedRun(nodes);
      return;
    }
    const built = builder.finish();
    if (built !== undefined) blocks.push({ id: '', kind, start: built.start, end: built.end, glued: false, content: built.content, segments: [] });
  };

  const unmappedRun = (nodes: readonly ChildNode[]): void => {
    if (!/\p{L}/u.test(nodes.map(textContent).join(''))) return;
    const first = nodes.find((n) => n.sourceCodeLocation !== undefined && n.sourceCodeLocation !== null);
    warn(
      'read/unmapped-text',
      first?.sourceCodeLocation?.startOffset ?? 0,
      'this text is left untranslated: the parser had to rearrange the markup around it (misnested or unclosed tags)',
      'fix the markup here (close and nest the tags properly) to have the text translated',
    );
  };

  /** An element that is not inline: its attributes, then its children as runs and nested elements. */
  const visit = (element: Element, inherited: BlockKind, translateInherited: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) tooDeep(element);
    const tag = element.tagName;
    if (EXCLUDED.has(tag)) return;
    const startTag = element.sourceCodeLocation?.startTag;
    if (startTag !== undefined) seen.add(startTag.startOffset);
    const translate = translateAttribute(element) ?? translateInherited;
    if (translate) attributeBlocks(element);
    const kind = containerKind(tag) ?? inherited;
    let pending: ChildNode[] = [];
    for (const child of element.childNodes) {
      if (isInline(child)) {
        pending.push(child);
        continue;
      }
      run(pending, kind, translate, depth);
      pending = [];
      visit(child as Element, kind, translate, depth + 1);
    }
    run(pending, kind, translate, depth);
  };

  const start = (parent: ParentNode): void => {
    let pending: ChildNode[] = [];
    for (const child of parent.childNodes) {
      if (isInline(child)) {
        pending.push(child);
        continue;
      }
      run(pending, 'paragraph', true, 0);
      pending = [];
      visit(child as Element, 'paragraph', true, 1);
    }
    run(pending, 'paragraph', true, 0);
  };
  start(root);

  reportMalformed(root, text, warn);
  reportSyntax(syntax, messages, path);
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { document: { name: input.name, path, language: input.language, text, blocks }, messages };
}

/**
 * The range of an attribute's value inside its source (`name="value"`, `name='value'`,
 * `name=value`); undefined when it has none.
 */
export function attributeValueRange(text: string, start: number, end: number): { start: number; end: number; quote: string } | undefined {
  const equals = text.indexOf('=', start);
  if (equals === -1 || equals >= end) return undefined;
  let i = equals + 1;
  while (i < end && /\s/u.test(text[i] as string)) i += 1;
  const quote = text[i] === '"' || text[i] === "'" ? (text[i] as string) : '';
  return quote === '' ? { start: i, end, quote } : { start: i + 1, end: end - 1, quote };
}

/** Warnings for elements left open and end tags that close nothing. */
function reportMalformed(root: ParentNode, text: string, warn: (ruleId: string, offset: number, reason: string, hint: string) => void): void {
  const endTags = new Set<number>();
  const unclosed = new Set<number>();
  const skip: Array<[number, number]> = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const location = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    if (node.nodeName === '#comment' && location) skip.push([location.startOffset, location.endOffset]);
    if (isElement(node)) {
      const element = node.sourceCodeLocation;
      if (element?.endTag !== undefined) endTags.add(element.endTag.startOffset);
      for (const a of Object.values(element?.attrs ?? {})) skip.push([a.startOffset, a.endOffset]);
      if (element?.startTag !== undefined && RAW_TEXT.has(node.tagName)) skip.push([element.startTag.endOffset, element.endTag?.startOffset ?? element.endOffset]);
      if (element?.startTag !== undefined && element.endTag === undefined && !VOID.has(node.tagName) && !OPTIONAL_END.has(node.tagName) && !unclosed.has(element.startTag.startOffset)) {
        unclosed.add(element.startTag.startOffset);
        warn('read/html-unclosed', element.startTag.startOffset, `<${node.tagName}> is never closed`, `add </${node.tagName}> where the element ends; browsers (and this reader) end it on their own, which may not be where you meant`);
      }
      if (node.tagName === 'template') stack.push((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of (node as ParentNode).childNodes) stack.push(child);
  }
  skip.sort((a, b) => a[0] - b[0]);
  let s = 0;
  for (const m of text.matchAll(/<\/([A-Za-z][^\s/>]*)[^>]*>/gu)) {
    while (s < skip.length && (skip[s] as [number, number])[1] <= m.index) s += 1;
    const inside = s < skip.length && (skip[s] as [number, number])[0] <= m.index;
    if (inside || endTags.has(m.index)) continue;
    const name = (m[1] as string).toLowerCase();
    warn('read/html-stray-end-tag', m.index, `</${name}> closes no open element`, `remove it, or add the <${name}> it was meant to close`);
  }
}

/** The parser's own reports, as warnings (the first few, then a count). */
function reportSyntax(errors: readonly ParserError[], messages: Message[], file: string): void {
  const shown = errors.slice(0, MAX_SYNTAX_MESSAGES);
  for (const error of shown) {
    messages.push({
      reason: `HTML syntax: ${error.code.replace(/-/gu, ' ')}`,
      ruleId: 'read/html-syntax',
      source: 'read',
      severity: 'warning',
      file,
      line: error.startLine,
      column: error.startCol,
      hint: 'browsers repair this silently, each in its own way; fix it so the page means what you wrote',
    });
  }
  if (errors.length > shown.length) {
    const first = errors[shown.length] as ParserError;
    messages.push({ reason: `${errors.length - shown.length} more HTML syntax problems`, ruleId: 'read/html-syntax', source: 'read', severity: 'warning', file, line: first.startLine, column: first.startCol, hint: 'validate the file (for example with the W3C validator) and fix them' });
  }
}
