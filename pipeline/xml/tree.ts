/**
 * A small namespace-resolved element tree on top of `parseXml`, with positions, for readers that
 * interpret a document element by element. Hooks see each element open and close; a reader that
 * consumes an element when it closes drops it from the tree, so a large file is never held whole.
 */
import { Attributes } from './attributes.js';
import type { SafeXmlOptions } from './options.js';
import { parseXml, type XmlAttribute, type XmlProlog, type XmlStartTag } from './parse.js';
import { detach } from './strings.js';

export interface XmlTreeText {
  readonly type: 'text';
  text: string;
}

export interface XmlTreeElement {
  readonly type: 'element';
  /** Namespace URI ('' for none, or when namespaces are not resolved). */
  readonly uri: string;
  /** Local name. */
  readonly local: string;
  /** Qualified name as written (prefix included), for messages. */
  readonly name: string;
  /** Attributes without a namespace, by local name (by qualified name when namespaces are not resolved). */
  readonly attrs: Attributes;
  /** Attributes in a namespace, keyed `{uri}local`. */
  readonly foreignAttrs: Attributes;
  readonly children: Array<XmlTreeElement | XmlTreeText>;
  /** 1-based line and column of the element's `<`. */
  readonly line: number;
  readonly column: number;
}

/** The root element and what the prolog said. */
export interface ParsedTree extends XmlProlog {
  readonly root: XmlTreeElement;
}

/**
 * Hooks a reader gives `parseXmlTree` to interpret the tree while it grows. `ancestors` are the
 * open elements from the root down to the parent (empty for the root).
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

/**
 * Parses XML safely (see `parseXml`) into a tree. Attribute values are detached, so what a reader
 * keeps of an element keeps no decoded text alive; text nodes are not (most are thrown away with
 * their element): detach the text you keep (`textOf` does).
 *
 * @throws InputError as `parseXml` does, or whatever a hook throws.
 */
export function parseXmlTree(input: Uint8Array | string, options: SafeXmlOptions, hooks: TreeHooks = {}): ParsedTree {
  const stack: XmlTreeElement[] = [];
  let root: XmlTreeElement | undefined;
  const prolog = parseXml(input, options, {
    open: (tag) => {
      const node = elementOf(tag);
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = node;
      else parent.children.push(node);
      hooks.open?.(node, stack);
      stack.push(node);
    },
    close: () => {
      const node = stack.pop();
      if (node === undefined || hooks.close === undefined || stack.length === 0) return;
      if (hooks.close(node, stack)) {
        // A closing element is always its parent's last child: nothing after it has been read yet.
        const siblings = (stack[stack.length - 1] as XmlTreeElement).children;
        if (siblings[siblings.length - 1] === node) siblings.pop();
      }
    },
    text: (value) => {
      const parent = stack[stack.length - 1];
      if (parent === undefined) return;
      const last = parent.children[parent.children.length - 1];
      if (last !== undefined && last.type === 'text') last.text += value;
      else parent.children.push({ type: 'text', text: value });
    },
  });
  // parseXml refuses a document without a root element; this guards the type.
  if (root === undefined) throw new RangeError('parseXmlTree: the parser reported no root element');
  return { ...prolog, root };
}

function elementOf(tag: XmlStartTag): XmlTreeElement {
  // Most elements have one or two attributes and no foreign ones: share the empty list. Names are
  // short (V8 copies them); values are detached, as a reader keeps some of them.
  let attrs: string[] | undefined;
  let foreign: string[] | undefined;
  const list = tag.attributes;
  for (let i = 0; i < list.length; i += 1) {
    const attr = list[i] as XmlAttribute;
    if (attr.uri === '') (attrs ??= []).push(attr.local, detach(attr.value));
    else (foreign ??= []).push(foreignKey(attr.uri, attr.local), detach(attr.value));
  }
  return {
    type: 'element',
    uri: tag.uri,
    local: tag.local,
    name: tag.name,
    attrs: attrs === undefined ? Attributes.EMPTY : new Attributes(attrs),
    foreignAttrs: foreign === undefined ? Attributes.EMPTY : new Attributes(foreign),
    children: [],
    line: tag.line,
    column: tag.column,
  };
}

/** The last foreign attribute key built: `xml:space` comes on every source and target. */
let lastForeign = { uri: '', local: '', key: '' };

/** `{uri}local`, one string for a run of the same attribute rather than one per element. */
function foreignKey(uri: string, local: string): string {
  const last = lastForeign;
  if (last.uri === uri && last.local === local) return last.key;
  const key = `{${uri}}${local}`;
  lastForeign = { uri, local, key };
  return key;
}

/** Element children of a tree element. */
export function elementsOf(node: XmlTreeElement): XmlTreeElement[] {
  return node.children.filter((c): c is XmlTreeElement => c.type === 'element');
}

/** All text below an element (for notes and metadata), detached from the parsed text. */
export function textOf(node: XmlTreeElement): string {
  return detach(rawTextOf(node));
}

function rawTextOf(node: XmlTreeElement): string {
  let out = '';
  for (const child of node.children) out += child.type === 'text' ? child.text : rawTextOf(child);
  return out;
}
