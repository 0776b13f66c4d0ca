/**
 * A small element tree built with `saxes`, enough for reading TBX. DOCTYPE declarations are
 * refused (no entity expansion, no external fetches); saxes itself rejects undeclared entities.
 */
import { SaxesParser } from 'saxes';
import type { Message } from '../model.js';

/** An element with its local name (prefix dropped), attributes, children and line. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text and child elements in document order. */
  readonly content: Array<string | XmlElement>;
  readonly line: number;
  readonly column: number;
}

/** Parses XML into a tree; on any error returns the message instead (with line and column). */
export function parseXml(xml: string, file: string, ruleSource: string): { root?: XmlElement; message?: Message } {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Message | undefined;
  const fail = (reason: string, ruleId: string, hint: string): void => {
    failure ??= { reason, ruleId, source: ruleSource, severity: 'error', fatal: true, file, line: parser.line, column: parser.column + 1, hint };
  };
  parser.on('doctype', () => {
    fail('The file has a DOCTYPE declaration, which is refused.', `${ruleSource}/doctype`,
      'Remove the <!DOCTYPE …> line: TBX needs no DTD, and DTDs can expand entities or fetch files.');
  });
  parser.on('error', (error) => fail(error.message.replace(/^[^:]*:\d+:\d+: /, ''), `${ruleSource}/xml-syntax`, 'Fix the XML so that it is well-formed.'));
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [], content: [], line: parser.line, column: parser.column,
    };
    stack.at(-1)?.children.push(element);
    stack.at(-1)?.content.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string): void => {
    const current = stack.at(-1);
    current?.content.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (error) {
    fail((error as Error).message.replace(/^[^:]*:\d+:\d+: /, ''), `${ruleSource}/xml-syntax`, 'Fix the XML so that it is well-formed.');
  }
  if (failure !== undefined) return { message: failure };
  if (root === undefined) return { message: { reason: 'The file has no root element.', ruleId: `${ruleSource}/xml-syntax`, source: ruleSource, severity: 'error', fatal: true, file, hint: 'Check that this is an XML file.' } };
  return { root };
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text of an element and all its descendants, in document order (for `<term>` with inline markup). */
export function deepText(element: XmlElement): string {
  return element.content.map((part) => (typeof part === 'string' ? part : deepText(part))).join('');
}
