/**
 * The project's one XML writer, shared by the XLIFF, TMX and TBX writers: escaping, attributes in
 * a fixed order, and a tree of elements rendered with two-space indentation.
 *
 * The rules are few but strict: text and attribute values must
 * survive any conforming parser unchanged (so `\r` and, in attributes, tabs and line breaks are
 * written as character references), characters XML 1.0 cannot carry are refused, and the same tree
 * always gives the same bytes.
 */

/** An XML element to write. `children` mixes text and elements; `inline` keeps it on one line. */
export interface XmlElement {
  readonly name: string;
  /** Attributes in the order they are written; undefined values are left out. */
  readonly attrs?: ReadonlyArray<readonly [string, string | undefined]>;
  readonly children?: ReadonlyArray<XmlNode>;
  /**
   * True for elements with mixed content (source, target, note): their children are written
   * exactly as given, without indentation, because whitespace there is content.
   */
  readonly inline?: boolean;
}

export type XmlNode = XmlElement | string;

/** Characters XML 1.0 does not allow at all, even as references. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

/** Lone surrogates cannot be encoded in UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Characters XML 1.0 cannot carry (forbidden controls, lone surrogates), for replacing. */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Replaces what XML 1.0 cannot carry with U+FFFD, so readers compare what writers could write. */
export function replaceUnwritable(value: string): string {
  return value.replace(UNWRITABLE, '\uFFFD');
}

/** Throws when a string cannot be written as XML 1.0 character data. */
export function assertXmlChars(value: string): void {
  const bad = FORBIDDEN.exec(value) ?? LONE_SURROGATE.exec(value);
  if (bad !== null) {
    const code = bad[0].codePointAt(0) ?? 0;
    throw new RangeError(
      `character U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${bad.index} cannot be written in XML 1.0`,
    );
  }
}

/** Escapes character data. `\r` becomes `&#13;` because parsers would turn a raw CR into LF. */
export function escapeText(value: string): string {
  assertXmlChars(value);
  return value.replace(/[&<>\r]/gu, (c) => TEXT_ENTITIES[c] ?? c);
}

/** Escapes an attribute value written between double quotes; whitespace other than space is kept
 * as references because attribute-value normalization would turn it into spaces. */
export function escapeAttr(value: string): string {
  assertXmlChars(value);
  return value.replace(/[&<>"\t\n\r]/gu, (c) => ATTR_ENTITIES[c] ?? c);
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function openTag(el: XmlElement): string {
  let out = '<' + el.name;
  for (const [name, value] of el.attrs ?? []) {
    if (value !== undefined) out += ` ${name}="${escapeAttr(replaceUnwritable(value))}"`;
  }
  return out;
}

/**
 * What to do with characters XML 1.0 cannot carry. By default they become U+FFFD; inside the
 * elements named in `codePointParents` they become `<cp hex="…"/>` (XLIFF 2), which keeps them.
 */
export interface RenderOptions {
  readonly codePointParents?: ReadonlySet<string>;
}

function renderText(text: string, parent: string, options: RenderOptions): string {
  if (options.codePointParents?.has(parent) === true) {
    return text
      .split(/([\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF])/u)
      .map((part, i) => (i % 2 === 1 ? `<cp hex="${(part.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}"/>` : escapeText(replaceUnwritable(part))))
      .join('');
  }
  return escapeText(replaceUnwritable(text));
}

/** Renders an element and its content on one line, exactly as given. */
function renderInline(node: XmlNode, parent: string, options: RenderOptions): string {
  if (typeof node === 'string') return renderText(node, parent, options);
  const children = node.children ?? [];
  if (children.length === 0) return openTag(node) + '/>';
  return openTag(node) + '>' + children.map((c) => renderInline(c, node.name, options)).join('') + `</${node.name}>`;
}

function renderBlock(el: XmlElement, depth: number, out: string[], options: RenderOptions): void {
  const indent = '  '.repeat(depth);
  const children = el.children ?? [];
  if (el.inline === true || children.length === 0 || children.every((c) => typeof c === 'string')) {
    out.push(indent + renderInline(el, '', options));
    return;
  }
  out.push(indent + openTag(el) + '>');
  for (const child of children) {
    if (typeof child === 'string') out.push('  '.repeat(depth + 1) + renderText(child, el.name, options));
    else renderBlock(child, depth + 1, out, options);
  }
  out.push(`${indent}</${el.name}>`);
}

/** A whole document: XML declaration, the root element, `\n` line ends and a final newline. */
export function renderDocument(root: XmlElement, options: RenderOptions = {}): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderBlock(root, 0, out, options);
  return out.join('\n') + '\n';
}

/** Shorthand for building elements. */
export function el(
  name: string,
  attrs: ReadonlyArray<readonly [string, string | undefined]> = [],
  children: ReadonlyArray<XmlNode | undefined | false> = [],
  inline = false,
): XmlElement {
  const kept = children.filter((c): c is XmlNode => c !== undefined && c !== false);
  return { name, attrs, children: kept, inline };
}
