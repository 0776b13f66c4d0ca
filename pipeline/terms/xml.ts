/**
 * A small element tree for reading TBX, built on the project's safe XML parser (`pipeline/xml/`):
 * strict UTF-8/UTF-16 decoding, size and depth limits, positions, `tbx/…` rule ids. A DOCTYPE that
 * only names an external DTD (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`, as MultiTerm
 * writes) is accepted and the DTD never read; one with an internal subset is refused, so no entity
 * is ever declared or expanded (saxes rejects undeclared ones).
 */
import { InputError, type Message } from '../model.js';
import { parseXml as parseSafeXml, type XmlFormat } from '../xml/index.js';

/** An element with its local name (prefix dropped), attributes, children and position. */
export interface XmlElement {
  readonly name: string;
  /** Attributes by qualified name as written (`xml:lang`). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text and child elements in document order. */
  readonly content: Array<string | XmlElement>;
  /** 1-based line and column of the element's `<`. */
  readonly line: number;
  readonly column: number;
}

/** Limits of the TBX parser. */
export interface TbxParseOptions {
  /** Largest file accepted, in bytes. Range 1…2^31; default 100 MiB. */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted. Range 1…10 000; default 256 (TBX nests about 8 levels). */
  readonly maxDepth?: number;
}

/** The format `ruleSource` names for the XML layer: `<ruleSource>/doctype`, `<ruleSource>/xml-syntax`, … */
function formatOf(ruleSource: string): XmlFormat {
  return {
    rulePrefix: ruleSource,
    source: ruleSource === 'tbx' ? 'tbx-import' : ruleSource,
    name: ruleSource.toUpperCase(),
    ruleNames: { 'not-well-formed': 'xml-syntax' },
    hints: {
      doctype: 'Remove the internal subset ([ … ]) of the <!DOCTYPE …> line: TBX needs no declarations, and they can expand entities or fetch files.',
      'not-well-formed': 'Fix the XML so that it is well-formed.',
      encoding: 'Export the file as UTF-8 (or UTF-16) from the terminology tool.',
    },
  };
}

/**
 * Parses XML into a tree; on any error returns the message instead (with line and column).
 *
 * @param xml the file's bytes (decoded strictly), or its text
 * @param ruleSource rule-id prefix of the messages (`tbx`)
 */
export function parseXml(
  xml: string | Uint8Array,
  file: string,
  ruleSource: string,
  options: TbxParseOptions = {},
): { root?: XmlElement; message?: Message } {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  try {
    parseSafeXml(xml, { file, format: formatOf(ruleSource), doctype: 'external-only', namespaces: false, ...options }, {
      open: (tag) => {
        const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const attr of tag.attributes) attributes[attr.name] = attr.value;
        const element: XmlElement = { name: tag.local, attributes, children: [], content: [], line: tag.line, column: tag.column };
        const parent = stack[stack.length - 1];
        parent?.children.push(element);
        parent?.content.push(element);
        root ??= element;
        stack.push(element);
      },
      close: () => {
        stack.pop();
      },
      text: (text) => {
        stack[stack.length - 1]?.content.push(text);
      },
    });
  } catch (error) {
    if (error instanceof InputError) return { message: error.detail };
    throw error;
  }
  if (root === undefined) return { message: { reason: 'The file has no root element.', ruleId: `${ruleSource}/xml-syntax`, source: ruleSource, severity: 'error', fatal: true, file, hint: 'Check that this is an XML file.' } };
  return { root };
}

/** Text of an element and all its descendants, in document order (for `<term>` with inline markup). */
export function deepText(element: XmlElement): string {
  return element.content.map((part) => (typeof part === 'string' ? part : deepText(part))).join('');
}
