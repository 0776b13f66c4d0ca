/**
 * The Markdown reader: CommonMark with GitHub's tables and YAML front matter, parsed by micromark
 * (through `mdast-util-from-markdown`), with positions from the parser.
 *
 * Blocks: headings (`title` for a first-level heading, else `heading`), paragraphs (`paragraph`,
 * or `list-item`, `quote` inside a list item or block quote), table cells (`table-cell`), image
 * alt texts (`alt`), link and image titles (`tooltip`) and the configured front matter fields
 * (`meta`). Inside running text, emphasis, strong emphasis, links, images, inline code, inline
 * HTML and hard line breaks are inline codes whose data is their source; text is decoded
 * (escapes, character references) and a soft line break reads as a space. Code blocks, HTML
 * blocks, comments, link definitions and the rest of the front matter are skeleton.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { InputError, pointAt, type Block, type BlockKind, type Message } from '../../model.js';
import type { FormatReadInput, FormatReadResult } from '../format.js';
import { alignMarkdown } from '../markup/align.js';
import { ContentBuilder, type BuiltContent } from '../markup/content.js';
import { frontMatterBlocks } from './front-matter.js';
import { checkMarkdownLimits } from './limits.js';

/** An mdast node as the reader walks it (the fields it reads). */
interface MdNode {
  readonly type: string;
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
  readonly children?: readonly MdNode[];
  readonly value?: string;
  readonly alt?: string | null;
  readonly title?: string | null;
  readonly depth?: number;
}

/** Deeper than the limits let a document get (see `limits.ts`); a guard against stack overflow. */
const MAX_TREE_DEPTH = 1200;

/** Inline nodes that are a pair of codes around their children, and the type their codes get. */
const PAIRED: Readonly<Record<string, string>> = { emphasis: 'italic', strong: 'bold', delete: 'strike', link: 'link', linkReference: 'link' };
/** Inline nodes written as one code, and its type. */
const WHOLE: Readonly<Record<string, string>> = { image: 'image', imageReference: 'image', inlineCode: 'code', break: 'break', html: 'html', footnoteReference: 'footnote' };

/** Thrown inside a block whose text the aligner cannot map to the source. */
class Unmapped extends Error {}

const startOf = (node: MdNode): number => node.position?.start.offset ?? 0;
const endOf = (node: MdNode): number => node.position?.end.offset ?? 0;

/** Reads a Markdown document (see the module comment). */
export function readMarkdown(input: FormatReadInput): FormatReadResult {
  const { text, path } = input;
  checkMarkdownLimits(text, path);
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml', 'toml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown()],
  }) as MdNode;
  const blocks: Block[] = [];
  const messages: Message[] = [];
  const fields = (input.options?.get('frontMatter') as readonly string[] | undefined) ?? [];

  const addBlock = (kind: BlockKind, built: BuiltContent): void => {
    blocks.push({ id: '', kind, start: built.start, end: built.end, glued: false, content: built.content, segments: [] });
  };

  const unmapped = (node: MdNode, what: string): void => {
    const { line, column } = pointAt(text, startOf(node));
    messages.push({
      reason: `this ${what} is left untranslated: its text could not be matched with the source character by character`,
      ruleId: 'read/unmapped-text',
      source: 'read',
      severity: 'warning',
      file: path,
      line,
      column,
      hint: 'please report it with the file; simplifying the markup of this passage (escapes, entities) usually avoids it',
    });
  };

  /** A value block (alt text, title) over a source range, its text the parser's value. */
  const valueBlock = (kind: BlockKind, value: string, start: number, end: number, requireExact = false): void => {
    if (!/\p{L}/u.test(value)) return;
    const aligned = alignMarkdown(value, text, start, end);
    const exact = aligned !== undefined && aligned.end === end;
    if (!exact && requireExact) return;
    const content = exact
      ? { text: aligned.text, codes: [], offsets: [...aligned.offsets, end] }
      : { text: value.replace(/\s+/gu, ' '), codes: [], offsets: [...Array.from(value.replace(/\s+/gu, ' '), () => start), end] };
    blocks.push({ id: '', kind, start, end, glued: false, content, segments: [] });
  };

  /** The alt text and title of an image, as blocks inside its code. */
  const imageBlocks = (node: MdNode): void => {
    const start = startOf(node);
    const label = labelEnd(text, start + 2, endOf(node));
    if (label !== undefined && typeof node.alt === 'string') valueBlock('alt', node.alt, start + 2, label);
    if (label !== undefined) titleBlock(node, label);
  };

  /** The title of a link or image written as a resource (`[a](url "title")`), as a block inside its code. */
  const titleBlock = (node: MdNode, labelClose: number): void => {
    if (typeof node.title !== 'string' || node.title === '' || (node.type !== 'link' && node.type !== 'image')) return;
    const range = titleRange(text, labelClose, endOf(node));
    // Found by scanning back from the `)`: used only when the parser's title is exactly there.
    if (range !== undefined) valueBlock('tooltip', node.title, range.start, range.end, true);
  };

  /** Adds the inline nodes to a block's content, in order. */
  const flatten = (nodes: readonly MdNode[], builder: ContentBuilder, depth: number): void => {
    for (const node of nodes) {
      if (depth > MAX_TREE_DEPTH) tooDeep(node);
      const start = startOf(node);
      const end = endOf(node);
      if (node.type === 'text') {
        const aligned = alignMarkdown(node.value ?? '', text, start, end);
        if (aligned === undefined) throw new Unmapped();
        builder.addText(aligned);
        continue;
      }
      const children = node.children ?? [];
      const paired = PAIRED[node.type];
      const autolink = node.type === 'link' && text[start] === '<';
      if (paired !== undefined && children.length > 0 && !autolink) {
        const first = startOf(children[0] as MdNode);
        const last = endOf(children[children.length - 1] as MdNode);
        const id = builder.open(paired, start, first);
        flatten(children, builder, depth + 1);
        builder.close(id, paired, last, end);
        if (node.type === 'link') titleBlock(node, last);
        continue;
      }
      const type = WHOLE[node.type] ?? (paired !== undefined ? paired : 'other');
      builder.standalone(node.type === 'html' && /^<!--/u.test(node.value ?? '') ? 'comment' : type, start, end);
      if (node.type === 'image' || node.type === 'imageReference') imageBlocks(node);
    }
  };

  /** A block of running text: the node's inline children. */
  const inlineBlock = (node: MdNode, kind: BlockKind, what: string, depth: number): void => {
    const builder = new ContentBuilder(text);
    const before = blocks.length;
    try {
      flatten(node.children ?? [], builder, depth + 1);
    } catch (error) {
      if (!(error instanceof Unmapped)) throw error;
      blocks.length = before;
      unmapped(node, what);
      return;
    }
    if (builder.unusable) {
      blocks.length = before;
      unmapped(node, what);
      return;
    }
    const built = builder.finish();
    if (built !== undefined) addBlock(kind, built);
  };

  const tooDeep = (node: MdNode): never => {
    const { line, column } = pointAt(text, startOf(node));
    throw new InputError({ reason: `the document is nested more than ${MAX_TREE_DEPTH} levels deep here`, ruleId: 'read/too-complex', source: 'read', severity: 'error', fatal: true, file: path, line, column, hint: 'the file is damaged or generated by mistake; flatten the nesting' });
  };

  const walk = (node: MdNode, container: BlockKind, depth: number): void => {
    if (depth > MAX_TREE_DEPTH) tooDeep(node);
    switch (node.type) {
      case 'paragraph':
        inlineBlock(node, container, 'paragraph', depth);
        return;
      case 'heading':
        inlineBlock(node, node.depth === 1 ? 'title' : 'heading', 'heading', depth);
        return;
      case 'tableCell':
        inlineBlock(node, 'table-cell', 'table cell', depth);
        return;
      case 'blockquote':
        for (const child of node.children ?? []) walk(child, 'quote', depth + 1);
        return;
      case 'listItem':
        for (const child of node.children ?? []) walk(child, 'list-item', depth + 1);
        return;
      case 'yaml':
        for (const m of frontMatterBlocks(text, startOf(node), endOf(node), node.value ?? '', fields, path, blocks)) messages.push(m);
        return;
      case 'toml':
        if (fields.length > 0) {
          const { line, column } = pointAt(text, startOf(node));
          messages.push({ reason: 'TOML front matter (+++) is kept as it is: only YAML front matter fields are translated', ruleId: 'read/front-matter', source: 'read', severity: 'info', file: path, line, column, hint: 'write the front matter in YAML (between --- lines) to have its fields translated' });
        }
        return;
      case 'code':
      case 'html':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        for (const child of node.children ?? []) walk(child, container, depth + 1);
    }
  };

  walk(tree, 'paragraph', 0);
  // Blocks in source order; a block inside another (alt text in a paragraph) after it.
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { document: { name: input.name, path, language: input.language, text, blocks }, messages };
}

/**
 * Where the label of a link or image that opens at `from` (after `![` or `[`) ends: the offset of
 * its closing `]`, brackets nested and escaped ones and code spans skipped; undefined when none.
 */
export function labelEnd(text: string, from: number, to: number): number | undefined {
  let depth = 0;
  for (let i = from; i < to; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
    } else if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run += 1;
      const fence = '`'.repeat(run);
      let close = text.indexOf(fence, i + run);
      while (close !== -1 && close < to && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
      if (close !== -1 && close < to) i = close + run - 1;
      else i += run - 1;
    } else if (c === '[') {
      depth += 1;
    } else if (c === ']') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return undefined;
}

/**
 * The range of the title inside a resource (`](url "title")`) that ends at `end` (after its `)`):
 * the text between the title's delimiters; undefined when there is none.
 */
export function titleRange(text: string, labelClose: number, end: number): { start: number; end: number } | undefined {
  if (text[end - 1] !== ')' || text[labelClose + 1] !== '(') return undefined;
  let k = end - 2;
  while (k > labelClose && /\s/u.test(text[k] as string)) k -= 1;
  const close = text[k];
  const open = close === '"' ? '"' : close === "'" ? "'" : close === ')' ? '(' : undefined;
  if (open === undefined) return undefined;
  for (let i = k - 1; i > labelClose + 1; i -= 1) {
    if (text[i] !== open) continue;
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 1) continue;
    // The title is separated from the destination by white space.
    if (!/\s/u.test(text[i - 1] as string)) return undefined;
    return { start: i + 1, end: k };
  }
  return undefined;
}
