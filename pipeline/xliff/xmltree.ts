/**
 * Safe XML parsing into a small namespace-resolved tree, with positions.
 *
 * saxes never resolves a DTD, and we refuse a DOCTYPE outright: XLIFF needs none, and a DOCTYPE is
 * how external entities and entity expansion bombs get in. Nesting depth is limited so a hostile
 * file cannot exhaust the stack of the code that walks the tree.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError, pointAt, type Message } from '../model.js';

const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

export interface XmlTreeText {
  readonly type: 'text';
  text: string;
}

export interface XmlTreeElement {
  readonly type: 'element';
  readonly uri: string;
  readonly local: string;
  /** Qualified name as written (prefix included), for messages. */
  readonly name: string;
  /** Attributes without namespace, by local name. */
  readonly attrs: Map<string, string>;
  /** Attributes in a namespace, keyed `{uri}local`. */
  readonly foreignAttrs: Map<string, string>;
  readonly children: Array<XmlTreeElement | XmlTreeText>;
  readonly line: number;
  readonly column: number;
}

export interface ParsedTree {
  readonly root: XmlTreeElement;
  /** Encoding named by the XML declaration, if any. */
  readonly declaredEncoding: string | undefined;
}

function inputError(file: string, ruleId: string, reason: string, hint: string, line?: number, column?: number): InputError {
  const detail: Message = { reason, ruleId, source: 'xliff-import', severity: 'error', fatal: true, file, line, column, hint };
  return new InputError(detail);
}

/**
 * Hooks a reader can give `parseXmlTree` to interpret the tree while it grows. `ancestors` are
 * the open elements from the root down to the parent (empty for the root).
 */
export interface TreeHooks {
  /** Called when an element opens: its attributes are known, its children not yet. */
  readonly open?: (node: XmlTreeElement, ancestors: readonly XmlTreeElement[]) => void;
  /**
   * Called when an element closes, with all its content. Return true when the hook consumed it:
   * it is then dropped from its parent, so memory holds only what is still needed.
   */
  readonly close?: (node: XmlTreeElement, ancestors: readonly XmlTreeElement[]) => boolean;
}

/** Shared by the many elements without attributes of a kind; never written to after parsing. */
const NO_ATTRS: Map<string, string> = new Map();

/** Parses XML text into a tree, or throws an InputError with line and column. */
export function parseXmlTree(text: string, file: string, maxDepth: number, hooks: TreeHooks = {}): ParsedTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlTreeElement[] = [];
  let root: XmlTreeElement | undefined;
  let declaredEncoding: string | undefined;
  let startLine = 1;
  let startColumn = 1;
  let lastOpened: XmlTreeElement | undefined;

  const appendText = (value: string): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return; // whitespace around the root element
    const last = parent.children[parent.children.length - 1];
    if (last !== undefined && last.type === 'text') last.text += value;
    else parent.children.push({ type: 'text', text: value });
  };

  parser.on('xmldecl', (decl) => {
    declaredEncoding = decl.encoding;
  });
  parser.on('doctype', () => {
    // saxes reports the end of the declaration; point at its start, where a reader looks.
    const at = pointAt(text, Math.max(0, text.indexOf('<!DOCTYPE')));
    throw inputError(
      file,
      'xliff/doctype',
      'The file has a DOCTYPE declaration; XLIFF files never need one and it is refused for safety (external entities, entity expansion).',
      'Remove the <!DOCTYPE …> line; if the tool that wrote the file adds it, report that to its vendor.',
      at.line,
      at.column,
    );
  });
  parser.on('opentagstart', (tag) => {
    // Position of the '<': the parser has just read the name.
    startLine = parser.line;
    startColumn = Math.max(1, parser.column - tag.name.length);
    if (stack.length + 1 > maxDepth) {
      throw inputError(
        file,
        'xliff/too-deep',
        `Elements are nested deeper than ${maxDepth} levels.`,
        'No XLIFF file nests that deep; the file is damaged or hostile. Raise maxDepth only if you trust it.',
        startLine,
        startColumn,
      );
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    // Most inline elements have one or two attributes and no foreign ones: create maps only
    // when there is something to put in them (a 50 MB file has hundreds of thousands of elements).
    let attrs = NO_ATTRS;
    let foreignAttrs = NO_ATTRS;
    for (const attr of Object.values(tag.attributes)) {
      if (attr.uri === NS_XMLNS || attr.name === 'xmlns') continue;
      if (attr.uri === '') {
        if (attrs === NO_ATTRS) attrs = new Map();
        attrs.set(attr.local, attr.value);
      } else {
        if (foreignAttrs === NO_ATTRS) foreignAttrs = new Map();
        foreignAttrs.set(`{${attr.uri}}${attr.local}`, attr.value);
      }
    }
    const node: XmlTreeElement = {
      type: 'element',
      uri: tag.uri,
      local: tag.local,
      name: tag.name,
      attrs,
      foreignAttrs,
      children: [],
      line: startLine,
      column: startColumn,
    };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = node;
    else parent.children.push(node);
    hooks.open?.(node, stack);
    lastOpened = node;
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    // saxes reports self-closing tags here too; they were never pushed.
    let node: XmlTreeElement | undefined;
    if (tag.isSelfClosing) node = lastOpened;
    else if (stack[stack.length - 1]?.name === tag.name) node = stack.pop();
    if (node === undefined || hooks.close === undefined || stack.length === 0) return;
    if (hooks.close(node, stack)) {
      // A closing element is always its parent's last child: nothing after it has been read yet.
      const siblings = (stack[stack.length - 1] as XmlTreeElement).children;
      if (siblings[siblings.length - 1] === node) siblings.pop();
    }
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('error', (err) => {
    const reason = err.message.replace(/^[^:]*:\d+:\d+: /u, '').replace(/^\d+:\d+: /u, '');
    throw inputError(
      file,
      'xliff/not-well-formed',
      `The file is not well-formed XML: ${reason}.`,
      'The file is damaged or was cut short (a failed upload or save?). Export it again from the translation tool; nothing was imported.',
      parser.line,
      parser.column + 1,
    );
  });

  // A test, not trim(): a large file is not copied just to see whether it is empty.
  if (/^\uFEFF?\s*$/u.test(text)) {
    throw inputError(file, 'xliff/empty', 'The file is empty.', 'Export the file again from the translation tool.', 1, 1);
  }
  parser.write(text).close();
  if (root === undefined) {
    throw inputError(file, 'xliff/empty', 'The file holds no XML element.', 'Export the file again from the translation tool.', 1, 1);
  }
  return { root, declaredEncoding };
}

/** Element children of a tree element. */
export function elementsOf(node: XmlTreeElement): XmlTreeElement[] {
  return node.children.filter((c): c is XmlTreeElement => c.type === 'element');
}

/** All text below an element (for notes and metadata). */
export function textOf(node: XmlTreeElement): string {
  let out = '';
  for (const child of node.children) out += child.type === 'text' ? child.text : textOf(child);
  return out;
}
