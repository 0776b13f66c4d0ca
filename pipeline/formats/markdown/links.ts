/**
 * What in a Markdown document can run code or load something unsafe, as a CommonMark renderer
 * reads it: link, autolink and definition URLs with an unsafe scheme, image sources (where
 * `data:` is allowed), and the unsafe uses inside its raw HTML. The writer compares a translated
 * document's list with its source's (`refuseNewUnsafeLinks`).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { unsafeHtmlUses } from '../html/links.js';
import { isUnsafeUrl, type LinkUse } from '../markup/links.js';

interface MdNode {
  readonly type: string;
  readonly url?: string;
  readonly value?: string;
  readonly children?: readonly MdNode[];
}

/** Unsafe uses in a Markdown document. */
export function unsafeMarkdownUses(text: string): LinkUse[] {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml', 'toml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown()],
  }) as MdNode;
  const out: LinkUse[] = [];
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as MdNode;
    if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined && isUnsafeUrl(node.url, false)) out.push({ where: `markdown ${node.type}`, url: node.url });
    if (node.type === 'image' && node.url !== undefined && isUnsafeUrl(node.url, true)) out.push({ where: 'markdown image', url: node.url });
    if (node.type === 'html' && node.value !== undefined) for (const use of unsafeHtmlUses(node.value)) out.push(use);
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}
