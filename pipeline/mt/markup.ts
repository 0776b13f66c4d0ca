/**
 * Inline codes travel to every engine as XML-style tags inside the text, the form DeepL
 * (`tag_handling=xml`), LibreTranslate (`format=html`) and language models keep in place:
 *
 * - `<g id="1">…</g>`: an opening and a closing code that nest (bold, a link);
 * - `<x id="2"/>`: a standalone code (an image, a line break, a variable);
 * - `<bx id="3"/>`, `<ex id="3"/>`: an opening or closing code whose partner is elsewhere or
 *   overlaps another pair, which XML elements cannot express.
 *
 * These are XLIFF 1.2's names, so a reader of the cache recognises them. Text is escaped
 * (`&amp;`, `&lt;`, `&gt;`); the answer is read back leniently (`<x id="2"></x>` as HTML
 * serialisers write it, entities an engine may add) and strictly where it matters: every code of
 * the source comes back exactly once, no code is added, and an opening code precedes its closing one.
 */
import type { MtCode, MtText } from './types.js';

type Role = 'g-open' | 'g-close' | 'bx' | 'ex' | 'x';

/** Codes sorted by position, keeping list order at equal positions. */
function sortedCodes(codes: readonly MtCode[]): MtCode[] {
  return codes.map((code, index) => ({ code, index })).sort((a, b) => a.code.at - b.code.at || a.index - b.index).map((x) => x.code);
}

/** Which tag each code becomes: pairs that nest are `g` elements, the rest `bx`/`ex`. */
function roles(codes: readonly MtCode[]): Role[] {
  const out: Role[] = codes.map((c) => (c.kind === 'standalone' ? 'x' : c.kind === 'open' ? 'bx' : 'ex'));
  const open: number[] = [];
  codes.forEach((code, i) => {
    if (code.kind === 'open') open.push(i);
    if (code.kind !== 'close') return;
    let j = open.length - 1;
    while (j >= 0 && codes[open[j]!]!.id !== code.id) j -= 1;
    if (j === -1) return;
    if (j === open.length - 1) {
      out[open[j]!] = 'g-open';
      out[i] = 'g-close';
    }
    // A partner deeper in the stack overlaps the pairs above it: both stay bx/ex.
    open.splice(j, 1);
  });
  return out;
}

const NEEDS_ESCAPE = /[&<>]/u;
const escapeText = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;') : text);
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/gu, '&quot;');

function tag(role: Role, id: string): string {
  const attr = `id="${escapeAttribute(id)}"`;
  switch (role) {
    case 'g-open':
      return `<g ${attr}>`;
    case 'g-close':
      return '</g>';
    default:
      return `<${role} ${attr}/>`;
  }
}

/** The text with its codes as tags, escaped: what an engine receives, and the cache's key text. */
export function toMarkup(content: MtText): string {
  const codes = sortedCodes(content.codes);
  const kinds = roles(codes);
  let out = '';
  let last = 0;
  codes.forEach((code, i) => {
    const at = Math.min(Math.max(code.at, last), content.text.length);
    out += escapeText(content.text.slice(last, at)) + tag(kinds[i]!, code.id);
    last = at;
  });
  return out + escapeText(content.text.slice(last));
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/gu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const point = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** What reading an engine's answer gives: the text and codes, or what is wrong with it. */
export type MarkupReading = { readonly ok: true; readonly value: MtText } | { readonly ok: false; readonly problems: readonly string[] };

const TAG = /<\s*(\/?)\s*([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>/=`]+))?)*)\s*(\/?)\s*>/gu;
const ID_ATTRIBUTE = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>/=`]+))/u;

/**
 * Reads tagged text back into text and codes. Tags other than ours are problems (an engine that
 * adds markup changes the document); a `<` that starts no tag is text.
 */
export function parseMarkup(markup: string): MarkupReading {
  const problems: string[] = [];
  const codes: MtCode[] = [];
  const open: string[] = [];
  let text = '';
  let last = 0;
  for (const match of markup.matchAll(TAG)) {
    text += unescape(markup.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    const idMatch = ID_ATTRIBUTE.exec(match[3] ?? '');
    const id = idMatch === null ? undefined : unescape(idMatch[1] ?? idMatch[2] ?? idMatch[3] ?? '');
    if (name !== 'g' && name !== 'x' && name !== 'bx' && name !== 'ex') {
      problems.push(`the answer has markup the source does not have: ${match[0]}`);
      continue;
    }
    if (closing) {
      if (name !== 'g') continue; // `</x>` after `<x id="1">`: how HTML serialisers write an empty element.
      const openId = open.pop();
      if (openId === undefined) problems.push('the answer closes a code it never opened');
      else codes.push({ id: openId, kind: 'close', at: text.length });
      continue;
    }
    if (id === undefined) {
      problems.push(`a code tag without id: ${match[0]}`);
      continue;
    }
    if (name === 'g') {
      open.push(id);
      codes.push({ id, kind: 'open', at: text.length });
    } else codes.push({ id, kind: name === 'x' ? 'standalone' : name === 'bx' ? 'open' : 'close', at: text.length });
  }
  text += unescape(markup.slice(last));
  for (const id of open) problems.push(`the code ${id} is opened and never closed`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { text, codes } };
}

const codeName = (code: Pick<MtCode, 'kind' | 'id'>): string => `${code.kind} ${code.id}`;

/** Items of `a` not in `b`, as multisets of names. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const rest = new Map<string, number>();
  for (const x of b) rest.set(x, (rest.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = rest.get(x) ?? 0;
    if (n === 0) return true;
    rest.set(x, n - 1);
    return false;
  });
}

/**
 * What is wrong with a target's codes against the source's: missing, added or duplicated codes, and
 * a closing code before its opening one. Empty when the codes are intact (their order may differ:
 * word order moves formatting, and `qa/inline-codes` judges that).
 */
export function compareCodes(source: readonly MtCode[], target: readonly MtCode[]): string[] {
  const problems: string[] = [];
  const sourceNames = source.map(codeName);
  const targetNames = sortedCodes(target).map(codeName);
  const missing = minus(sourceNames, targetNames);
  const extra = minus(targetNames, sourceNames);
  if (missing.length > 0) problems.push(`inline code(s) missing from the answer: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`inline code(s) in the answer that the source does not have (or has once): ${extra.join(', ')}`);
  const ordered = sortedCodes(target);
  for (const [i, code] of ordered.entries()) {
    if (code.kind !== 'close') continue;
    const openAt = ordered.findIndex((c) => c.kind === 'open' && c.id === code.id);
    if (openAt > i) problems.push(`the closing code ${code.id} comes before its opening code`);
  }
  return problems;
}

/** What is wrong with a segment's own codes (a caller's mistake); empty when they are usable. */
export function checkSourceCodes(content: MtText): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const code of content.codes) {
    if (!Number.isInteger(code.at) || code.at < 0 || code.at > content.text.length) problems.push(`code ${code.id} is at ${code.at}, outside the text (0–${content.text.length})`);
    if (code.kind !== 'open' && code.kind !== 'close' && code.kind !== 'standalone') problems.push(`code ${String(code.id)} has kind ${JSON.stringify(code.kind)}; expected open, close or standalone`);
    const name = codeName(code);
    if (seen.has(name)) problems.push(`the ${name} code occurs twice`);
    seen.add(name);
  }
  const ordered = sortedCodes(content.codes);
  for (const [i, code] of ordered.entries()) {
    if (code.kind === 'close' && ordered.findIndex((c) => c.kind === 'open' && c.id === code.id) > i) problems.push(`the closing code ${code.id} comes before its opening code`);
  }
  return problems;
}
