/**
 * The model's inline codes in the XLIFF we write.
 *
 * XLIFF 1.2: `<bpt>`/`<ept>` for a pair in one sentence, `<ph>` for a standalone code, `<it
 * pos="open|close">` for half a pair that a sentence boundary cut, each holding the original markup
 * as its content (escaped). Not `<g>`/`<x/>`: those cannot carry the markup, so a tool could show
 * a translator nothing of what a code is, and `<g>` must nest with the term markers of the source.
 *
 * XLIFF 2.1: `<sc>`/`<ec>` for a pair (also when it spans two sentences of the unit: XLIFF 2 pairs
 * them within a unit), `<ph>` for a standalone code, `isolated="yes"` for half a pair whose other
 * half is not in the unit; the markup lives in the unit's `<originalData>`, referred to by
 * `dataRef`. Not `<pc>`: a container must nest with the term markers and the other pairs, and the
 * reader puts a container's opening after a standalone code at the same place, so the order of
 * codes would not survive a round trip.
 *
 * Codes read back are mapped to the model by id (`targets.ts`).
 */
import type { InlineCode, Span } from '../model.js';
import { el, type XmlElement, type XmlNode } from '../xml/write.js';

/** A value safe for an attribute that must not contain white space (`ctype`, `subType`). */
function token(value: string): string {
  return value.replace(/[^\p{L}\p{N}._-]/gu, '-') || 'code';
}

/** XLIFF 1.2 `ctype` of a placeholder (`image`, `lb`, `pb`, else `x-<type>`). */
function placeholderType(type: string): string {
  if (type === 'image') return 'image';
  if (type === 'break' || type === 'line-break') return 'lb';
  if (type === 'page-break') return 'pb';
  return `x-${token(type)}`;
}

/** XLIFF 1.2 `ctype` of a paired code (`bold`, `italic`, `underlined`, `link`, else `x-<type>`). */
function delimiterType(type: string): string {
  if (type === 'bold' || type === 'italic' || type === 'link') return type;
  if (type === 'underline' || type === 'underlined') return 'underlined';
  return `x-${token(type)}`;
}

/** A model code as an XLIFF 1.2 inline element; `isolated`: its other half is not in this sentence. */
export function code12(code: InlineCode, isolated: boolean): XmlElement {
  const equiv: readonly [string, string | undefined] = ['equiv-text', code.equiv];
  if (code.kind === 'standalone') return el('ph', [['id', code.id], ['ctype', placeholderType(code.type)], equiv], [code.data], true);
  if (isolated) return el('it', [['id', code.id], ['pos', code.kind], ['ctype', delimiterType(code.type)], equiv], [code.data], true);
  if (code.kind === 'open') return el('bpt', [['id', code.id], ['ctype', delimiterType(code.type)], equiv], [code.data], true);
  return el('ept', [['id', code.id], equiv], [code.data], true);
}

/** XLIFF 2 `type` of a code: formatting, a link, an image, or other; our own type goes in `subType`. */
function type2x(type: string): string {
  if (['bold', 'italic', 'underline', 'underlined', 'strong', 'emphasis', 'code', 'strike', 'sup', 'sub'].includes(type)) return 'fmt';
  if (type === 'link') return 'link';
  if (type === 'image') return 'image';
  return 'other';
}

/**
 * A model code as an XLIFF 2.1 inline element. `dataRef` names its markup in the unit's
 * `<originalData>`; `isolated`: its other half is not in the unit.
 */
export function code2x(code: InlineCode, isolated: boolean, dataRef: string): XmlElement {
  const shown: Array<readonly [string, string | undefined]> = [['equiv', code.equiv], ['disp', code.disp]];
  const typed: Array<readonly [string, string | undefined]> = [['type', type2x(code.type)], ['subType', `l10n:${token(code.type)}`]];
  if (code.kind === 'standalone') return el('ph', [['id', code.id], ['dataRef', dataRef], ...shown, ...typed]);
  if (code.kind === 'open') return el('sc', [['id', code.id], ['dataRef', dataRef], ...shown, ['isolated', isolated ? 'yes' : undefined], ...typed]);
  return isolated
    ? el('ec', [['id', code.id], ['dataRef', dataRef], ...shown, ['isolated', 'yes'], ...typed])
    : el('ec', [['startRef', code.id], ['dataRef', dataRef], ...shown, ...typed]);
}

/**
 * Text with codes and term markers as XML nodes. Codes stand at their offsets; a term marker
 * holds its span's text (a term never has a code inside it, see `markableTerms`); codes at a
 * term's start come before its marker, codes at its end after it.
 */
export function inlineContent(
  text: string,
  codes: readonly InlineCode[],
  terms: readonly Span[],
  renderCode: (code: InlineCode) => XmlNode,
  renderTerm: (span: Span, text: string, index: number) => XmlNode,
): XmlNode[] {
  const out: XmlNode[] = [];
  let at = 0;
  let next = 0;
  const upTo = (end: number, inclusive: boolean): void => {
    while (next < codes.length) {
      const code = codes[next] as InlineCode;
      const place = Math.min(Math.max(code.at, at), text.length);
      if (inclusive ? place > end : place >= end) break;
      if (place > at) out.push(text.slice(at, place));
      at = place;
      out.push(renderCode(code));
      next += 1;
    }
    if (end > at) out.push(text.slice(at, end));
    at = Math.max(at, end);
  };
  terms.forEach((span, index) => {
    upTo(span.start, true);
    out.push(renderTerm(span, text.slice(span.start, span.end), index));
    at = span.end;
  });
  upTo(text.length, true);
  if (out.length === 0) out.push(text);
  return out;
}
