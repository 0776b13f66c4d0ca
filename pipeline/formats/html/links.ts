/**
 * What in an HTML document can run code or load something unsafe: URL attributes with an unsafe
 * scheme (`isUnsafeUrl`), event handler attributes (`onclick`) and `<script>` elements, as parse5
 * (the browser's algorithm) reads them. The HTML and Markdown writers compare a translated
 * document's list with its source's (`refuseNewUnsafeLinks`).
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { isUnsafeUrl, type LinkUse } from '../markup/links.js';
import { isHtmlDocument } from './read.js';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Node = DefaultTreeAdapterMap['node'];

/** Attributes that hold a URL (HTML, SVG's `xlink:href`, legacy ones browsers still follow). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data', 'longdesc', 'lowsrc', 'dynsrc', 'ping', 'manifest', 'icon', 'codebase', 'archive']);

/** Unsafe uses in an HTML document or fragment (parsed the way `isHtmlDocument` decides). */
export function unsafeHtmlUses(text: string): LinkUse[] {
  const root: ParentNode = isHtmlDocument(text) ? parse(text) : parseFragment(text);
  const out: LinkUse[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if ('tagName' in node) {
      const tag = node.tagName;
      const image = tag === 'img' || tag === 'source' || (tag === 'input' && node.attrs.some((a) => a.name === 'type' && a.value.toLowerCase() === 'image'));
      if (tag === 'script') out.push({ where: '<script>', url: node.attrs.find((a) => a.name === 'src')?.value ?? node.childNodes.map((c) => ('value' in c ? c.value : '')).join('') });
      for (const attribute of node.attrs) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) out.push({ where: `<${tag} ${name}>`, url: attribute.value });
        else if (URL_ATTRIBUTES.has(name) && isUnsafeUrl(attribute.value, image && name === 'src')) out.push({ where: `<${tag} ${name}>`, url: attribute.value });
        else if (name === 'srcset') {
          for (const candidate of attribute.value.split(',')) {
            const url = candidate.trim().split(/\s+/u)[0] ?? '';
            if (isUnsafeUrl(url, image)) out.push({ where: `<${tag} srcset>`, url });
          }
        } else if (tag === 'meta' && name === 'content' && /url\s*=/iu.test(attribute.value)) {
          const url = attribute.value.replace(/^[^=]*=\s*['"]?/u, '');
          if (isUnsafeUrl(url, false)) out.push({ where: '<meta refresh>', url });
        }
      }
      if (tag === 'template') stack.push((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of (node as ParentNode).childNodes) stack.push(child);
  }
  return out;
}
