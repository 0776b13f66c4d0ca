/**
 * YAML front matter of a Markdown document: the fields the config names
 * (`formats.markdown.frontMatter: [title, description]`) become blocks of kind `meta`; everything
 * else in it (other fields, comments, layout) is skeleton. Read with `yaml`'s document API, which
 * gives each value's range in the source, so an untranslated field stays as it was written and a
 * translated one replaces exactly its value.
 */
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { pointAt, type Block, type Message } from '../../model.js';

/**
 * Adds a block for each configured field of the front matter between `start` and `end` (the
 * `---` lines included; `value` is what lies between them) to `blocks`; returns the messages
 * (YAML mistakes, configured fields that are not text).
 */
export function frontMatterBlocks(text: string, start: number, end: number, value: string, fields: readonly string[], file: string, blocks: Block[]): Message[] {
  if (fields.length === 0 || value.trim() === '') return [];
  const valueStart = text.indexOf('\n', start) + 1;
  if (valueStart === 0 || valueStart > end || !text.startsWith(value, valueStart)) return [];
  const place = (offset: number): { line: number; column: number } => {
    const { line, column } = pointAt(text, valueStart + offset);
    return { line, column };
  };
  const doc = parseDocument(value, { prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    return [
      {
        reason: `the front matter is not valid YAML (${error.message.split('\n')[0]}); its fields are kept as they are, untranslated`,
        ruleId: 'read/front-matter',
        source: 'read',
        severity: 'warning',
        file,
        ...place(error.pos[0]),
        hint: 'fix the YAML between the --- lines',
      },
    ];
  }
  const messages: Message[] = [];
  if (!isMap(doc.contents)) return messages;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !fields.includes(key)) continue;
    const node = pair.value;
    if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null) {
      messages.push({
        reason: `front matter field "${key}" is not text: it is kept as it is`,
        ruleId: 'read/front-matter',
        source: 'read',
        severity: 'info',
        file,
        ...place(isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0),
        hint: `only text fields are translated; remove "${key}" from formats.markdown.frontMatter or write it as text`,
      });
      continue;
    }
    const scalar = node as Scalar<string>;
    const [from, to] = scalar.range as [number, number, number];
    const blockStart = valueStart + from;
    const blockEnd = valueStart + to;
    const raw = text.slice(blockStart, blockEnd);
    const content = scalar.value;
    if (!/\p{L}/u.test(content)) continue;
    // Offsets of the characters where the source writes them plainly; else the value's start.
    const inner = raw === content ? blockStart : (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && raw.slice(1, -1) === content ? blockStart + 1 : undefined;
    const offsets = Array.from({ length: content.length }, (_, i) => (inner === undefined ? blockStart : inner + i));
    blocks.push({ id: '', kind: 'meta', start: blockStart, end: blockEnd, glued: false, content: { text: content, codes: [], offsets: [...offsets, blockEnd] }, segments: [] });
  }
  return messages;
}
