/**
 * What the HTML reader knows about elements: facts of the HTML standard (which elements are
 * phrasing content, void, or have an optional end tag) and our choices (which are never
 * translated, what kind of block a container makes, which attributes are text for readers).
 */

/** Phrasing elements: inside running text they become inline codes around their text. */
export const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'button', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'input',
  'ins', 'kbd', 'label', 'mark', 'meter', 'nobr', 'output', 'picture', 'progress', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp',
  'small', 'source', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'map', 'area', 'slot',
]);

/**
 * Never translated, content and attributes: code, scripts and styles, templates, embedded
 * documents and graphics, form controls whose text is data. Inside running text such an element
 * is one inline code holding all of it.
 */
export const EXCLUDED = new Set(['script', 'style', 'code', 'pre', 'template', 'textarea', 'svg', 'math', 'iframe', 'object', 'embed', 'noscript', 'canvas', 'video', 'audio', 'select', 'xmp', 'plaintext', 'noembed', 'noframes']);

/** Excluded elements that end running text rather than sit inside it (they are blocks). */
export const EXCLUDED_BLOCKS = new Set(['pre', 'template', 'plaintext', 'xmp']);

/** Elements without content or end tag. */
export const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose end tag HTML lets an author leave out: their missing end tag is no mistake. */
export const OPTIONAL_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'rb', 'rt', 'rtc', 'rp', 'optgroup', 'option', 'colgroup', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** Elements whose content the tokenizer reads as raw text (a `</b>` inside is text, not a tag). */
export const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** The code type of an inline element (the XLIFF writers know `bold`, `italic`, `link`, `image`, `break`). */
export function codeType(tag: string): string {
  switch (tag) {
    case 'b':
    case 'strong':
      return 'bold';
    case 'i':
    case 'em':
      return 'italic';
    case 'u':
      return 'underline';
    case 'a':
      return 'link';
    case 'img':
      return 'image';
    case 'br':
      return 'break';
    default:
      return tag;
  }
}

/**
 * The block kind running text in `tag` makes, given the kind its containers give (`list-item`
 * inside an `<li>`, …); undefined: the container's.
 */
export function containerKind(tag: string): string | undefined {
  if (tag === 'title') return 'title';
  if (/^h[1-6]$/u.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'list-item';
  if (tag === 'td' || tag === 'th') return 'table-cell';
  if (tag === 'caption' || tag === 'figcaption' || tag === 'legend') return 'caption';
  if (tag === 'blockquote') return 'quote';
  return undefined;
}

/** `<meta>` whose `content` readers see: by `name` or `property` (search results, social cards). */
export const META_TEXT = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** Attributes whose value is text for readers, and the block kind each makes; undefined: not text. */
export function textAttribute(tag: string, attribute: string, attributes: ReadonlyMap<string, string>): string | undefined {
  if (attribute === 'title') return 'tooltip';
  if (attribute === 'alt' && (tag === 'img' || tag === 'area' || (tag === 'input' && attributes.get('type')?.toLowerCase() === 'image'))) return 'alt';
  if (attribute === 'content' && tag === 'meta') {
    const name = (attributes.get('name') ?? attributes.get('property') ?? '').toLowerCase();
    return META_TEXT.has(name) ? 'meta' : undefined;
  }
  return undefined;
}
